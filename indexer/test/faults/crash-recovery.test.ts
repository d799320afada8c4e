// Crashes (SIGKILL) at the worst moments: (a) in the middle of a backfill of thousands of events,
// (b) in a storm of concurrent, correctly signed on-ramp callbacks while the relayer settles.
// After a restart nothing acknowledged is lost, nothing is paid twice, and the projection is
// what a fresh indexer computes from the same chain.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Address } from "viem";
import { campaignAbi, devStablecoinAbi } from "../../../generated/crowdstake.js";
import { startChain, type Chain } from "../harness/chain.js";
import { startIndexer, type Indexer } from "../harness/indexer.js";
import { waitFor } from "../harness/wait.js";
import { NATIVE, contributedWithRef, createActiveCampaign, mintStablecoin } from "../onramp-support.js";
import { contributeInBulk, type Load } from "./support-load.js";
import { inPool } from "../harness/in-pool.js";
import { allOrders, deliver, openOrders, paidCallback, type Callback } from "./support-onramp.js";
import { everything } from "./support-projection.js";

const BLOCKS = 150;
const PER_BLOCK = 20; // 3,000 Contributed events
const ORDERS = 60;

describe("faults: SIGKILL during a backfill and during a callback storm", () => {
  let chain: Chain;
  let indexer: Indexer;
  let fresh: Indexer | undefined;
  let load: Load;
  const nativeCampaigns: Address[] = [];

  const status = async (url: string) => ((await (await fetch(`${url}/status`)).json()) as { main?: { block: { number: number } } }).main?.block.number;
  const raised = (campaign: Address) => chain.public.readContract({ address: campaign, abi: campaignAbi, functionName: "totalRaised" });

  beforeAll(async () => {
    chain = await startChain();
    for (let i = 0; i < 3; i += 1) nativeCampaigns.push(await createActiveCampaign(chain, NATIVE, 0n));
    // A short lease: orders claimed by the killed process are free again soon after the restart.
    indexer = await startIndexer(chain, { RELAYER_BACKOFF: "100ms", RELAYER_LEASE: "3s" });
  });
  afterAll(async () => {
    await chain?.test.setAutomine(true).catch(() => undefined);
    await fresh?.dispose();
    await indexer?.dispose();
    await chain?.stop();
  });

  it("killed mid-backfill of 3,000 events and restarted: equal to a clean re-index", async () => {
    await indexer.stop();
    load = await contributeInBulk(chain, nativeCampaigns, BLOCKS, PER_BLOCK);
    for (const [campaign, { total }] of load.perCampaign) expect(await raised(campaign)).toBe(total);

    // Restarted behind by 3,000 events; killed once /status shows part of them indexed.
    const starting = indexer.start().catch(() => "killed");
    const killedAt = await waitFor(
      async () => {
        const block = await status(indexer.url);
        return block !== undefined && BigInt(block) >= load.firstBlock && BigInt(block) < load.lastBlock ? block : undefined;
      },
      "/status to show the backfill under way",
      240_000,
      20,
    );
    await indexer.stop("SIGKILL");
    expect(await starting).toBe("killed");
    expect(BigInt(killedAt)).toBeLessThan(load.lastBlock);

    await indexer.start();
    await indexer.waitForBlock();
    const query = `query ($c: String!) { campaign(id: $c) { raised contributionCount } contributions(where: { campaign: $c }) { totalCount } }`;
    for (const [campaign, { count, total }] of load.perCampaign) {
      expect(await indexer.graphql(query, { c: campaign })).toEqual({
        campaign: { raised: total.toString(), contributionCount: count },
        contributions: { totalCount: count },
      });
    }

    // The clean re-index: a second indexer of its own storage, without workers (no relayer).
    fresh = await startIndexer(chain, { WORKERS: "off" });
    await fresh.waitForBlock(load.lastBlock);
    await indexer.waitForBlock(load.lastBlock);
    const [resumed, clean] = [await everything(indexer), await everything(fresh)];
    expect(resumed.contributions).toHaveLength(BLOCKS * PER_BLOCK);
    expect(resumed).toEqual(clean);
  }, 900_000); // three indexers, two backfills of 3,000 events: minutes on a loaded 2-core machine

  it("killed in a storm of paid callbacks with the relayer settling: no acknowledged callback lost, each order settled once", async () => {
    const campaign = await createActiveCampaign(chain, chain.addresses.DevStablecoin, 1_000_000n);
    const operator = chain.accounts[0]!.address;
    const backer = chain.accounts[7]!.address.toLowerCase() as Address;
    await mintStablecoin(chain, operator, 10n ** 12n);
    const balance = () => chain.public.readContract({ address: chain.addresses.DevStablecoin, abi: devStablecoinAbi, functionName: "balanceOf", args: [operator] });
    const before = await balance();
    const orders = await openOrders(indexer, campaign, backer, Array.from({ length: ORDERS }, (_, i) => BigInt(i + 1) * 1_000_000n));
    const callbacks = orders.map(paidCallback);
    const answers = new Map<string, number | "error">();
    const onChain = async () => (await chain.public.getContractEvents({ address: campaign, abi: campaignAbi, eventName: "Contributed", fromBlock: 0n })).length;

    // The relayer first gets a few orders to settle; then the storm (12 callbacks in flight at any
    // time), and the process dies once some of the storm are acknowledged, the rest still coming.
    for (const callback of callbacks.slice(0, 8)) answers.set(callback.orderId, await deliver(indexer, callback));
    await waitFor(async () => (await onChain()) >= 1, "the relayer's first settlement", 120_000, 50);
    const storm = inPool(callbacks.slice(8), 12, async (callback) => answers.set(callback.orderId, await deliver(indexer, callback)));
    await waitFor(async () => [...answers.values()].filter((code) => code === 200).length >= 20, "acknowledged callbacks", 120_000, 10);
    await indexer.stop("SIGKILL");
    const settledAtKill = await onChain();
    await storm;
    const acknowledged = callbacks.filter((callback) => answers.get(callback.orderId) === 200);
    const unanswered = callbacks.filter((callback) => answers.get(callback.orderId) !== 200);
    expect(settledAtKill).toBeLessThan(ORDERS);
    expect(unanswered.length).toBeGreaterThan(0);
    for (const callback of unanswered) expect(answers.get(callback.orderId)).toBe("error"); // never a 4xx/5xx

    await indexer.start();
    // Before any redelivery: every acknowledged callback is on its order ("paid" names its event).
    const afterRestart = await allOrders(indexer);
    for (const callback of acknowledged) {
      const order = afterRestart.get(callback.orderId)!;
      expect(order.status, callback.orderId).not.toBe("received");
      expect(order.steps.filter((step) => step.status === "paid").map((step) => step.detail)).toEqual([`provider event ${callback.eventId}`]);
    }

    // The provider redelivers what it saw no 2xx for: accepted, or a duplicate if it was stored before the kill.
    const redelivered = await inPool(unanswered, 6, async (callback: Callback) => {
      const response = await indexer.request("/onramp/simulated/callback", { method: "POST", headers: callback.headers, body: callback.body });
      return { status: response.status, verdict: ((await response.json()) as { status: string }).status };
    });
    for (const answer of redelivered) {
      expect(answer.status).toBe(200);
      expect(["accepted", "duplicate"]).toContain(answer.verdict);
    }

    const settled = await waitFor(async () => {
      const current = await allOrders(indexer);
      const mine = orders.map((order) => current.get(order.orderId)!);
      if (mine.some((order) => order.status === "failed")) throw new Error(`an order failed: ${JSON.stringify(mine.find((order) => order.status === "failed"))}`);
      return mine.every((order) => order.status === "settled" && order.contribution) ? mine : undefined;
    }, "every order to be settled and indexed", 180_000, 250);
    for (const [index, order] of settled.entries()) {
      expect(order.steps.filter((step) => step.status === "paid")).toHaveLength(1);
      expect(order.steps.filter((step) => step.status === "settled")).toHaveLength(1);
      expect(order.contribution).toEqual({ txHash: order.txHash, amount: orders[index]!.amount.toString(), onrampRef: order.onrampRef });
      expect(await contributedWithRef(chain, campaign, order.onrampRef)).toHaveLength(1);
    }
    expect(await onChain()).toBe(ORDERS);
    expect(await raised(campaign)).toBe(orders.reduce((sum, order) => sum + order.amount, 0n));
    // The operator paid exactly the orders' sum (one approval, no second payment).
    expect(before - (await balance())).toBe(orders.reduce((sum, order) => sum + order.amount, 0n));

    await indexer.waitForBlock();
    await fresh!.waitForBlock();
    expect(await everything(indexer)).toEqual(await everything(fresh!));
  }, 600_000);
});
