// Fault: a flood of 10,000 provider callbacks at 50 in flight — 8,000 valid "paid" callbacks
// (one per order, across the three providers), 1,000 redeliveries of them, 500 with a bad
// signature and 500 signed but malformed, shuffled. No 5xx; each class gets exactly its answer;
// every order is paid exactly once and the audit log holds exactly one row per callback.
// The orders exist beforehand (150 made through POST /v1/onramp/sessions, the rest by its store
// function: support-flood-orders.ts says why).
// WORKERS=off: the relayer must not settle 8,000 orders (the store is what is under test).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Address } from "viem";
import { startChain, type Chain } from "../harness/chain.js";
import { startIndexer, type Indexer } from "../harness/indexer.js";
import { queryOffchain } from "../merchants/offchain-db.js";
import { SECRETS, createActiveCampaign, startRazorpayStub, type RazorpayStub } from "../onramp-support.js";
import { insertOrders } from "./support-flood-orders.js";
import { inPool } from "../harness/in-pool.js";
import { seeded } from "../harness/seeded-random.js";
import { forged, malformed, paidCallback, shuffle, type Callback, type FloodProvider } from "./support-flood-callbacks.js";

const ORDERS = 8_000;
/** Orders created through the HTTP route, 50 per provider; the rest through its store function. */
const HTTP_ORDERS = 150;
const DUPLICATES = 1_000;
const BAD_SIGNATURES = 500;
const MALFORMED = 500;
const CONCURRENCY = 50;
const PROVIDERS: FloodProvider[] = ["simulated", "mercuryo", "razorpay"];

type Kind = "valid" | "duplicate" | "bad_signature" | "malformed";
interface Shot extends Callback {
  kind: Kind;
  orderId: string;
}

describe("faults: a flood of 10,000 on-ramp callbacks", () => {
  let chain: Chain;
  let indexer: Indexer;
  let razorpayApi: RazorpayStub;
  let campaign: Address;
  const orders: { orderId: string; provider: FloodProvider; fiatAmount: string; link?: Record<string, unknown> }[] = [];
  const answers = new Map<Kind, Map<string, number>>();

  beforeAll(async () => {
    chain = await startChain();
    razorpayApi = await startRazorpayStub();
    campaign = await createActiveCampaign(chain, chain.addresses.DevStablecoin, 0n);
    indexer = await startIndexer(chain, {
      ...SECRETS,
      RAZORPAY_API_URL: razorpayApi.url,
      WORKERS: "off",
      // One client sends it all; the per-IP limit (300/min by default) is not what is tested here.
      RATE_LIMIT_IP_PER_MINUTE: "1000000",
    });
  });
  afterAll(async () => {
    await indexer?.dispose();
    await razorpayApi?.close();
    await chain?.stop();
  });

  it(`creates ${ORDERS} orders: ${HTTP_ORDERS} through POST /v1/onramp/sessions (${CONCURRENCY} at a time), the rest with its store function`, async () => {
    const backer = chain.accounts[5]!.address;
    // Whole cents of cUSD (6 decimals) at par: 1.00 to 9.99 USD.
    const cents = (index: number) => 100 + (index % 900);
    const created = await inPool(Array.from({ length: HTTP_ORDERS }, (_, index) => index), CONCURRENCY, async (index) => {
      const provider = PROVIDERS[index % PROVIDERS.length]!;
      const response = await indexer.request("/v1/onramp/sessions", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ provider, campaign, beneficiary: backer, amount: String(cents(index) * 10_000) }),
      });
      const body = (await response.json()) as { orderId: string };
      if (response.status !== 201) throw new Error(`order ${index}: ${response.status} ${JSON.stringify(body)}`);
      return { orderId: body.orderId, provider, fiatAmount: (cents(index) / 100).toFixed(2) };
    });
    const links = new Map([...razorpayApi.links.values()].map((link) => [link.reference_id as string, link]));
    for (const order of created) orders.push(order.provider === "razorpay" ? { ...order, link: links.get(order.orderId)! } : order);

    // The rest need no provider-side state (Razorpay's do: its payment link), so they are
    // simulated and Mercuryo orders. PGlite's store is the indexer process's: insert while it is down.
    const bulk = Array.from({ length: ORDERS - HTTP_ORDERS }, (_, offset) => {
      const index = HTTP_ORDERS + offset;
      return {
        provider: index % 2 === 0 ? ("simulated" as const) : ("mercuryo" as const), campaign, asset: chain.addresses.DevStablecoin.toLowerCase() as Address,
        beneficiary: backer, amount: BigInt(cents(index) * 10_000), fiatAmount: (cents(index) / 100).toFixed(2),
      };
    });
    const pglite = !indexer.storageEnv.DATABASE_URL;
    if (pglite) await indexer.stop();
    const ids = await insertOrders(indexer, 31337, bulk);
    if (pglite) await indexer.start();
    ids.forEach((orderId, offset) => orders.push({ orderId, provider: bulk[offset]!.provider, fiatAmount: bulk[offset]!.fiatAmount }));

    expect(new Set(orders.map((order) => order.orderId)).size).toBe(ORDERS);
    expect(orders.filter((order) => order.provider === "razorpay").map((order) => order.link?.reference_id)).toEqual(
      created.filter((order) => order.provider === "razorpay").map((order) => order.orderId),
    );
    const listed = await indexer.graphql(`{ onrampOrders(first: 1, where: { status: "received" }) { items { status } pageInfo { hasNextPage } } }`);
    expect(listed.onrampOrders).toEqual({ items: [{ status: "received" }], pageInfo: { hasNextPage: true } });
  }, 600_000);

  it("answers every callback by its class — 200 valid and duplicate, 401 bad signature, 400 malformed — and never 5xx", async () => {
    const operator = chain.accounts[0]!.address.toLowerCase() as Address;
    const random = seeded(20_240_605);
    const valid = orders.map((order, index) => ({ ...paidCallback(order.provider, order, operator, index), kind: "valid" as Kind, orderId: order.orderId }));
    const shots: Shot[] = [...valid];
    // Redeliveries: the very same body and signature again.
    for (let index = 0; index < DUPLICATES; index += 1) shots.push({ ...valid[index * 8]!, kind: "duplicate" });
    for (let index = 0; index < BAD_SIGNATURES; index += 1) {
      const target = valid[index * 16 + 3]!;
      shots.push({ ...forged(target, orders[index * 16 + 3]!.provider, index), kind: "bad_signature", orderId: target.orderId });
    }
    for (let index = 0; index < MALFORMED; index += 1) {
      const order = orders[index * 16 + 5]!;
      shots.push({ ...malformed(order.provider, order.orderId, index), kind: "malformed", orderId: order.orderId });
    }
    expect(shots).toHaveLength(10_000);
    shuffle(shots, random);

    const results = await inPool(shots, CONCURRENCY, async (shot) => {
      const response = await indexer.request(shot.path, { method: "POST", headers: { "content-type": "application/json", ...shot.headers }, body: shot.body });
      const body = (await response.json().catch(() => ({}))) as { status?: string; orderId?: string; error?: { code?: string } };
      return { kind: shot.kind, orderId: shot.orderId, status: response.status, verdict: body.status ?? body.error?.code ?? "?", answeredOrder: body.orderId };
    });
    for (const result of results) {
      const byAnswer = answers.get(result.kind) ?? new Map<string, number>();
      const key = `${result.status} ${result.verdict}`;
      byAnswer.set(key, (byAnswer.get(key) ?? 0) + 1);
      answers.set(result.kind, byAnswer);
    }
    const summary = Object.fromEntries([...answers].map(([kind, byAnswer]) => [kind, Object.fromEntries(byAnswer)]));
    // A redelivery may overtake its original: of each pair one is accepted, the other a duplicate.
    const accepted = (summary.valid?.["200 accepted"] ?? 0) + (summary.duplicate?.["200 accepted"] ?? 0);
    const duplicate = (summary.valid?.["200 duplicate"] ?? 0) + (summary.duplicate?.["200 duplicate"] ?? 0);
    expect({ accepted, duplicate, bad: summary.bad_signature, malformed: summary.malformed }).toEqual({
      accepted: ORDERS,
      duplicate: DUPLICATES,
      bad: { "401 UNAUTHORIZED": BAD_SIGNATURES },
      malformed: { "400 INVALID_REQUEST": MALFORMED },
    });
    expect(results.filter((result) => result.status >= 500)).toEqual([]);
    // Each accepted answer names its own order.
    expect(results.filter((result) => result.status === 200 && result.answeredOrder !== result.orderId)).toEqual([]);
  }, 900_000); // a deadline, not a measurement: a few minutes on a 2-core machine shared with other stacks

  it("pays each order exactly once: GraphQL lists 8,000 paid orders with one paid step each", async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const data: any = await indexer.graphql(
        `query ($after: String) { onrampOrders(first: 100, after: $after) { items { id status steps { status } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      for (const item of data.onrampOrders.items) {
        expect(item.status).toBe("paid");
        expect(item.steps.map((step: { status: string }) => step.status)).toEqual(["received", "paid"]);
        seen.add(item.id);
      }
      if (!data.onrampOrders.pageInfo.hasNextPage) break;
      after = data.onrampOrders.pageInfo.endCursor;
    }
    expect(seen).toEqual(new Set(orders.map((order) => order.orderId)));
  });

  it("stores exactly one audit row per callback, by verdict, and one accepted callback per order", async () => {
    await indexer.stop(); // PGlite's directory belongs to one process at a time
    const verdicts = await queryOffchain<{ verdict: string; n: string }>(indexer, "SELECT verdict, count(*) AS n FROM onramp_callbacks GROUP BY verdict ORDER BY verdict");
    expect(Object.fromEntries(verdicts.map((row) => [row.verdict, Number(row.n)]))).toEqual({
      accepted: ORDERS,
      duplicate: DUPLICATES,
      bad_signature: BAD_SIGNATURES,
      malformed: MALFORMED,
    });
    const perOrder = await queryOffchain<{ orders: string; max: string }>(
      indexer,
      "SELECT count(*) AS orders, max(n) AS max FROM (SELECT order_id, count(*) AS n FROM onramp_callbacks WHERE verdict = 'accepted' GROUP BY order_id) accepted",
    );
    expect({ orders: Number(perOrder[0]!.orders), max: Number(perOrder[0]!.max) }).toEqual({ orders: ORDERS, max: 1 });
    const statuses = await queryOffchain<{ status: string; n: string }>(indexer, "SELECT status, count(*) AS n FROM onramp_orders GROUP BY status");
    expect(statuses.map((row) => [row.status, Number(row.n)])).toEqual([["paid", ORDERS]]);
    const steps = await queryOffchain<{ status: string; n: string }>(indexer, "SELECT status, count(*) AS n FROM onramp_order_steps GROUP BY status ORDER BY status");
    expect(steps.map((row) => [row.status, Number(row.n)])).toEqual([["paid", ORDERS], ["received", ORDERS]]);
  });
});
