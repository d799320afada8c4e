// The chain node unreachable for 30 s while the relayer settles. The indexer (Ponder and the
// relayer, which uses PONDER_RPC_URL unless RELAYER_RPC_URL is set) reaches the node only
// through a proxy. The first settlement transaction reaches the node, then the proxy cuts before
// its answer returns: the worst case (paid on-chain, the relayer does not know). The node stays
// unreachable for 30 s; afterwards every order settles exactly once, its steps show the retries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maxUint256, type Address } from "viem";
import { campaignAbi, devStablecoinAbi } from "../../../generated/crowdstake.js";
import { startChain, type Chain } from "../harness/chain.js";
import { startIndexer, type Indexer } from "../harness/indexer.js";
import { startRpcProxy, type RpcProxy } from "../harness/rpc-proxy.js";
import { waitFor } from "../harness/wait.js";
import { contributedWithRef, createActiveCampaign, mintStablecoin } from "../onramp-support.js";
import { allOrders, deliver, openOrders, paidCallback, type OrderState } from "./support-onramp.js";

const OUTAGE_MS = 30_000;
const ORDERS = 5;

describe("faults: the chain node unreachable while the relayer settles", () => {
  let chain: Chain;
  let proxy: RpcProxy;
  let indexer: Indexer;
  let campaign: Address;

  beforeAll(async () => {
    chain = await startChain();
    campaign = await createActiveCampaign(chain, chain.addresses.DevStablecoin, 1_000_000n);
    await mintStablecoin(chain, chain.accounts[0]!.address, 10n ** 12n);
    // Approved up front, so that the relayer's first transaction is a settlement, not its approval.
    await chain.write(0, { address: chain.addresses.DevStablecoin, abi: devStablecoinAbi, functionName: "approve", args: [campaign, maxUint256] });
    proxy = await startRpcProxy(chain.rpcUrl);
    // A small backoff (doubling from 50 ms): attempts keep coming through the outage.
    indexer = await startIndexer(chain, { PONDER_RPC_URL: proxy.url, RELAYER_BACKOFF: "50ms" });
  });
  afterAll(async () => {
    await indexer?.dispose();
    await proxy?.close();
    await chain?.stop();
  });

  it("every order settles exactly once after 30 s without the node; the steps record the retries", async () => {
    const backer = chain.accounts[6]!.address.toLowerCase() as Address;
    const orders = await openOrders(indexer, campaign, backer, Array.from({ length: ORDERS }, (_, i) => BigInt(i + 1) * 1_000_000n));
    const cut = proxy.cutAfter("eth_sendRawTransaction", "refuse");
    // Callbacks need no chain: all acknowledged.
    for (const order of orders) expect(await deliver(indexer, paidCallback(order))).toBe(200);
    await cut;
    const cutAt = Date.now();

    // While the node is unreachable: nothing fails or settles, every order retries, and the one
    // transaction that got through is on-chain under the hash the relayer committed.
    const mine = async () => {
      const all = await allOrders(indexer);
      return orders.map((order) => all.get(order.orderId)!);
    };
    const duringOutage = await waitFor(async () => {
      const current = await mine();
      return current.every((order) => order.steps.filter((step) => step.status === "retry").length >= 2) ? current : undefined;
    }, "every order to retry twice", 60_000, 200);
    expect(duringOutage.map((order) => order.status).sort()).toEqual([...Array(ORDERS - 1).fill("paid"), "submitted"].sort());
    const trapped = duringOutage.find((order) => order.status === "submitted")!;
    const sent = await chain.public.getTransactionReceipt({ hash: trapped.txHash! });
    expect(sent.status).toBe("success");
    expect(await contributedWithRef(chain, campaign, trapped.onrampRef)).toHaveLength(1);
    // Connections refused, not answered: the proxy let nothing else through.
    expect(proxy.mode).toBe("refuse");

    await waitFor(async () => Date.now() - cutAt >= OUTAGE_MS, "the outage to last 30 s", OUTAGE_MS + 10_000, 500);
    const beforeRestore = await mine();
    expect(beforeRestore.map((order) => order.status).sort()).toEqual(duringOutage.map((order) => order.status).sort());
    await proxy.setMode("forward");

    const settled = await waitFor(async () => {
      const current = await mine();
      if (current.some((order) => order.status === "failed")) throw new Error(`an order failed: ${JSON.stringify(current.find((order) => order.status === "failed"))}`);
      return current.every((order) => order.status === "settled" && order.contribution) ? current : undefined;
    }, "every order to settle and be indexed", 120_000, 250);

    const flow = (order: OrderState) => order.steps.map((step) => step.status).filter((status, i, all) => status !== "retry" || all[i - 1] !== "retry");
    for (const [index, order] of settled.entries()) {
      const retries = order.steps.filter((step) => step.status === "retry");
      expect(retries.length).toBeGreaterThanOrEqual(2);
      for (const retry of retries) expect(retry.error).toBeTruthy();
      // The trapped order settles from the hash it committed before sending; the others send once the node is back.
      if (order.id === trapped.id) {
        expect(flow(order)).toEqual(["received", "paid", "submitted", "retry", "settled"]);
        expect(order.txHash).toBe(trapped.txHash);
      } else {
        expect(flow(order)).toEqual(["received", "paid", "retry", "submitted", "settled"]);
      }
      expect(order.steps.filter((step) => step.status === "submitted")).toHaveLength(1);
      expect(order.contribution).toEqual({ txHash: order.txHash, amount: orders[index]!.amount.toString(), onrampRef: order.onrampRef });
      expect(await contributedWithRef(chain, campaign, order.onrampRef)).toHaveLength(1);
    }
    expect(await chain.public.readContract({ address: campaign, abi: campaignAbi, functionName: "totalRaised" })).toBe(orders.reduce((sum, order) => sum + order.amount, 0n));

    // Ponder followed the chain through the outage too.
    await indexer.waitForBlock();
    const indexed = await indexer.graphql(`query ($c: String!) { campaign(id: $c) { raised contributionCount } }`, { c: campaign });
    expect(indexed.campaign).toEqual({ raised: orders.reduce((sum, order) => sum + order.amount, 0n).toString(), contributionCount: ORDERS });
  }, 300_000);
});
