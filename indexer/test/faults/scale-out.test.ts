// Scale-out: one PostgreSQL, one chain, one `ponder start` (indexer + API + workers) and two
// `ponder serve` API processes, all with WORKERS=on. Paid on-ramp callbacks go round-robin to
// the processes (each one also sent again to another process at once), merchants' payments
// change status, and one serve process is SIGKILLed mid-way — the relayer lock's holder when one
// is seen. Then: every order settled exactly once on-chain, every webhook event delivered
// exactly once (a second delivery only of an event in flight at the kill), no nonce collisions,
// and the same GraphQL answers from all three processes.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatUnits, type Address, type Hex } from "viem";
import { createSiweMessage } from "viem/siwe";
import { devStablecoinAbi, paymentEscrowAbi } from "../../../generated/crowdstake.js";
import { startChain, type Chain } from "../harness/chain.js";
import { startIndexer, type Indexer } from "../harness/indexer.js";
import { startServe, type ApiProcess } from "../harness/serve.js";
import { waitFor } from "../harness/wait.js";
import { queryOffchain } from "../merchants/offchain-db.js";
import { startWebhookReceiver, type WebhookReceiver } from "../merchants/webhook-receiver.js";
import { SIMULATED_SECRET, contributedWithRef, createActiveCampaign, hmac, mintStablecoin } from "../onramp-support.js";

const WEB = "http://localhost:5173";
const MERCHANT = 1;
const PAYER = 2;
const BACKER = 5;
const CONTRIBUTIONS = 24;
const ONRAMP_PAYMENTS = 6;
const DIRECT_PAYMENTS = 3;
const AMOUNT = 1_000_000n; // 1 cUSD: priced at par, 1.00 USD
const ENV = {
  WORKERS: "on",
  WEB_URL: WEB,
  CONFIRMATIONS: "2",
  // Short leases: a killed process's claims come back within seconds.
  RELAYER_LEASE: "5s",
  RELAYER_BACKOFF: "200ms",
  WEBHOOK_TIMEOUT_MS: "2000",
  WEBHOOK_LEASE: "5s",
  WEBHOOK_SCHEDULE: "200ms,500ms,1s,2s,2s,2s,2s,2s",
  RATE_LIMIT_IP_PER_MINUTE: "100000",
  RATE_LIMIT_KEY_PER_MINUTE: "100000",
};

/**
 * The relayers' RPC with a real provider's latency (30 ms a request): it widens the window
 * between reading the pending nonce and sending, where processes that sent at once would collide.
 */
async function slowRpc(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    let raw = "";
    for await (const chunk of request) raw += chunk;
    await new Promise((resolve) => setTimeout(resolve, 30));
    const answer = await fetch(target, { method: "POST", headers: { "content-type": "application/json" }, body: raw }).catch(() => undefined);
    response.writeHead(answer?.status ?? 502, { "content-type": "application/json" });
    response.end(answer ? await answer.text() : "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

type Api = Pick<ApiProcess, "url" | "request" | "graphql">;
interface OrderPlan {
  orderId: string;
  kind: "contribution" | "payment";
  onrampRef: Hex;
  verdicts: string[];
}

describe("scale-out: one indexer, two ponder serve processes, one PostgreSQL", () => {
  let chain: Chain;
  let indexer: Indexer;
  const serves: ApiProcess[] = [];
  let receiver: WebhookReceiver;
  let relayerRpc: Awaited<ReturnType<typeof slowRpc>>;
  let campaign: Address;
  let apiKey: string;
  const orders: OrderPlan[] = [];
  const paymentIds: Hex[] = [];
  let killed: ApiProcess | undefined;
  let killedHeldRelayer = false;
  let inFlightAtKill = new Set<string>();

  const all = (): Api[] => [indexer, ...serves];
  const alive = (): Api[] => [indexer, ...serves.filter((serve) => serve.pid() !== undefined)];
  const offchain = <Row = Record<string, unknown>>(text: string, params: unknown[] = []) => queryOffchain<Row>(indexer, text, params);
  const post = (api: Api, path: string, body: unknown, token?: string) =>
    api.request(path, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  async function created<T>(response: Response): Promise<T> {
    const text = await response.text();
    expect(response.status, text).toBeLessThan(300);
    return JSON.parse(text) as T;
  }

  /** The OS pid of the process holding the relayer's advisory lock (application_name ends with it). */
  async function relayerHolder(): Promise<number | undefined> {
    const rows = await offchain<{ name: string }>(
      `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    const name = rows.find((row) => row.name.startsWith("crowdstake-api "))?.name;
    return name ? Number(name.split(" ").pop()) : undefined;
  }

  async function signIn(api: Api): Promise<string> {
    const { nonce } = await created<{ nonce: string }>(await post(api, "/v1/auth/nonce", {}));
    const account = chain.accounts[MERCHANT]!;
    const message = createSiweMessage({ domain: "localhost:5173", address: account.address, uri: WEB, version: "1", chainId: 31337, nonce });
    const signature = await chain.wallet(MERCHANT).signMessage({ account, message });
    return (await created<{ token: string }>(await post(api, "/v1/auth/verify", { message, signature }))).token;
  }

  /** The simulated provider's paid callback, sent to two processes at once (a provider's retry racing the first). */
  async function pay(order: OrderPlan, first: Api, second: Api) {
    const body = JSON.stringify({
      event: "payment.succeeded", eventId: `evt_${order.orderId}`, orderId: order.orderId, reference: `sim_${order.orderId}`,
      amount: formatUnits(AMOUNT, 6), currency: "USD",
    });
    const headers = { "content-type": "application/json", "x-simulated-signature": hmac(SIMULATED_SECRET, body) };
    const answers = await Promise.all([first, second].map((api) => api.request("/onramp/simulated/callback", { method: "POST", headers, body })));
    for (const answer of answers) order.verdicts.push(((await created<{ status: string }>(answer)).status));
  }

  async function payDirectly(api: Api) {
    const session = await created<{ id: Hex; intent: any; signature: Hex }>(await post(api, "/v1/payment_sessions", { token: chain.addresses.DevStablecoin, amount: AMOUNT.toString() }, apiKey));
    const intent = { ...session.intent, amount: BigInt(session.intent.amount), deadline: BigInt(session.intent.deadline) };
    await chain.write(PAYER, { address: chain.addresses.PaymentEscrow, abi: paymentEscrowAbi, functionName: "pay", args: [intent, session.signature] });
    paymentIds.push(session.id);
  }

  beforeAll(async () => {
    chain = await startChain();
    receiver = await startWebhookReceiver();
    campaign = await createActiveCampaign(chain, chain.addresses.DevStablecoin, 1n);
    await mintStablecoin(chain, chain.accounts[0]!.address, 10n ** 12n); // the operator pays ERC-20 settlements
    await mintStablecoin(chain, chain.accounts[PAYER]!.address, 10n ** 12n);
    await chain.write(PAYER, { address: chain.addresses.DevStablecoin, abi: devStablecoinAbi, functionName: "approve", args: [chain.addresses.PaymentEscrow, 10n ** 12n] });
    await chain.write(MERCHANT, { address: chain.addresses.PaymentEscrow, abi: paymentEscrowAbi, functionName: "setSigner", args: [chain.accounts[0]!.address, true] });
    await chain.write(MERCHANT, { address: chain.addresses.PaymentEscrow, abi: paymentEscrowAbi, functionName: "setReleaseDelay", args: [3_600] });
    relayerRpc = await slowRpc(chain.rpcUrl);
    const env = { ...ENV, RELAYER_RPC_URL: relayerRpc.url };
    indexer = await startIndexer(chain, env);
    // One after the other: two builds at once on 2 shared cores only take longer.
    serves.push(await startServe(chain, indexer, env));
    serves.push(await startServe(chain, indexer, env));

    // The merchant, through the processes in turn: state written by one is seen by the others.
    const session = await signIn(serves[0]!);
    apiKey = (await created<{ key: string }>(await post(serves[1]!, "/v1/api_keys", { label: "scale-out" }, session))).key;
    const endpoint = await created<{ secret: string }>(await indexer.request("/v1/webhook_endpoint", {
      method: "PUT", headers: { "content-type": "application/json", authorization: `Bearer ${session}` }, body: JSON.stringify({ url: receiver.url }),
    }));
    receiver.secret = endpoint.secret;

    // Every order is created before any is paid, round-robin over the three processes.
    const beneficiary = chain.accounts[BACKER]!.address;
    for (let index = 0; index < CONTRIBUTIONS + ONRAMP_PAYMENTS; index += 1) {
      const api = all()[index % 3]!;
      let target: Record<string, unknown> = { campaign, amount: AMOUNT.toString() };
      if (index % 5 === 4) {
        const payment = await created<{ id: Hex }>(await post(api, "/v1/payment_sessions", { token: chain.addresses.DevStablecoin, amount: AMOUNT.toString() }, apiKey));
        paymentIds.push(payment.id);
        target = { paymentSessionId: payment.id };
      }
      const order = await created<{ orderId: string; onrampRef: Hex }>(await post(api, "/v1/onramp/sessions", { provider: "simulated", beneficiary, ...target }));
      orders.push({ orderId: order.orderId, onrampRef: order.onrampRef, kind: target.campaign ? "contribution" : "payment", verdicts: [] });
    }
    expect(orders.filter((order) => order.kind === "payment")).toHaveLength(ONRAMP_PAYMENTS);
  });

  afterAll(async () => {
    for (const serve of serves) await serve.stop("SIGKILL").catch(() => undefined);
    await indexer?.dispose();
    await receiver?.close();
    await relayerRpc?.close();
    await chain?.stop();
  });

  it("settles every paid order exactly once while callbacks hit all processes and a serve process is SIGKILLed", async () => {
    const servePids = () => new Set(serves.map((serve) => serve.pid()).filter((pid) => pid !== undefined));
    const kill = async (victim: ApiProcess) => {
      killedHeldRelayer = (await relayerHolder()) === victim.pid();
      await victim.stop("SIGKILL");
      killed = victim;
      // Whatever is claimed now stays claimed until its lease runs out: what the dead process
      // held (and what a live one is sending this instant) may reach the merchant twice.
      const leased = await offchain<{ id: string }>("SELECT id FROM webhook_events WHERE state = 'pending' AND locked_until > now()");
      inFlightAtKill = new Set(leased.map((row) => row.id));
    };

    const batches = Array.from({ length: Math.ceil(orders.length / 3) }, (_, index) => orders.slice(index * 3, index * 3 + 3));
    let sent = 0;
    for (const [index, batch] of batches.entries()) {
      await Promise.all(batch.map((order, offset) => {
        const live = alive();
        return pay(order, live[(sent + offset) % live.length]!, live[(sent + offset + 1) % live.length]!);
      }));
      sent += batch.length;
      if (index < DIRECT_PAYMENTS) await payDirectly(alive()[index % 3]!);
      if (killed || index < 3) continue;
      // Mid-way: kill the serve process that holds the relayer's lock if one does within a
      // moment; past 60% of the batches, kill the second serve process whatever it holds.
      const holder = await waitFor(async () => {
        const pid = await relayerHolder();
        return pid !== undefined && servePids().has(pid) ? pid : undefined;
      }, "a serve process to hold the relayer lock", 1_500, 50).catch(() => undefined);
      const victim = serves.find((serve) => holder !== undefined && serve.pid() === holder);
      if (victim) await kill(victim);
      else if (index >= batches.length * 0.6) await kill(serves[1]!);
    }
    expect(killed).toBeDefined();
    console.log(`killed a serve process ${killedHeldRelayer ? "holding" : "not holding"} the relayer lock; ${inFlightAtKill.size} webhook events leased at the kill`);

    await waitFor(async () => {
      const rows = await offchain<{ status: string; n: number }>("SELECT status, count(*)::int AS n FROM onramp_orders GROUP BY status");
      const failed = await offchain<{ id: string; error: string }>("SELECT id, error FROM onramp_orders WHERE status = 'failed'");
      if (failed.length > 0) throw new Error(`orders failed: ${JSON.stringify(failed)}`);
      return rows.length === 1 && rows[0]!.status === "settled" && rows[0]!.n === orders.length;
    }, "every order to settle", 180_000, 250);

    // Each callback pair: one process applied it, the other answered it as a duplicate.
    for (const order of orders) expect(order.verdicts.sort(), order.orderId).toEqual(["accepted", "duplicate"]);
    // On-chain: exactly one settlement per onrampRef.
    for (const order of orders) {
      const events = order.kind === "contribution"
        ? await contributedWithRef(chain, campaign, order.onrampRef)
        : await chain.public.getContractEvents({ address: chain.addresses.PaymentEscrow, abi: paymentEscrowAbi, eventName: "OnrampPayment", args: { onrampRef: order.onrampRef }, fromBlock: 0n });
      expect(events, order.orderId).toHaveLength(1);
    }
    // One sender at a time: no attempt lost to a nonce collision (nor any other retry on a
    // healthy node), no order settled twice.
    const steps = await offchain<{ order_id: string; status: string; error: string | null }>("SELECT order_id, status, error FROM onramp_order_steps");
    expect(steps.filter((step) => step.status === "retry")).toEqual([]);
    for (const order of orders) expect(steps.filter((step) => step.order_id === order.orderId && step.status === "settled"), order.orderId).toHaveLength(1);
  });

  it("delivers every payment's status changes to the merchant exactly once, from whichever process", async () => {
    await chain.test.mine({ blocks: 2 }); // every payment CONFIRMATIONS deep
    await indexer.waitForBlock();
    const done = async () => {
      const statuses = await offchain<{ payment_id: string; status: string }>("SELECT payment_id, status FROM payment_statuses");
      const pending = await offchain<{ n: number }>("SELECT count(*)::int AS n FROM webhook_events WHERE state <> 'delivered'");
      return statuses.length === paymentIds.length && statuses.every((row) => row.status === "confirmed") && pending[0]!.n === 0;
    };
    await waitFor(done, "every payment confirmed and every webhook event delivered", 120_000, 250);

    const events = await offchain<{ id: string; payment_id: string; type: string }>("SELECT id, payment_id, type FROM webhook_events ORDER BY seq");
    expect(new Set(events.map((event) => event.payment_id))).toEqual(new Set(paymentIds.map((id) => id.toLowerCase())));
    // Compare-and-set: one event per status change, in order, never a spurious step back.
    for (const id of paymentIds) {
      const types = events.filter((event) => event.payment_id === id.toLowerCase()).map((event) => event.type);
      expect([["payment.detected", "payment.confirmed"], ["payment.confirmed"]], `${id}: ${types}`).toContainEqual(types);
    }
    expect(receiver.received.every((entry) => entry.verified)).toBe(true);
    const known = new Set(events.map((event) => event.id));
    for (const entry of receiver.received) expect(known.has(entry.eventId), entry.eventId).toBe(true);
    for (const event of events) {
      const seen = receiver.delivered().filter((entry) => entry.eventId === event.id).length;
      // At least once always; twice only for an event some process was sending when one died.
      expect(seen, event.id).toBeGreaterThanOrEqual(1);
      if (!inFlightAtKill.has(event.id)) expect(seen, event.id).toBe(1);
      else expect(seen, event.id).toBeLessThanOrEqual(2);
    }
  });

  it("answers the same GraphQL from all three processes, the killed one restarted", async () => {
    await killed!.start();
    const query = `query ($campaign: String!) {
      campaign(id: $campaign) { raised contributionCount backerCount }
      contributions(where: { campaign: $campaign }, orderBy: "id", limit: 100) { items { id amount onrampRef txHash backer } }
      payments(orderBy: "id", limit: 100) { items { id state amount onrampRef merchant } }
      onrampOrders(first: 100) { items { id status txHash onrampRef contribution { id } } }
      paymentSessions(first: 100) { items { id status } }
      webhookDeliveries(first: 100) { items { id type state paymentId attempts } }
    }`;
    const answers = await Promise.all(all().map((api) => api.graphql(query, { campaign }, { authorization: `Bearer ${apiKey}` })));
    expect(answers[0].contributions.items).toHaveLength(CONTRIBUTIONS);
    expect(answers[0].campaign.raised).toBe((AMOUNT * BigInt(CONTRIBUTIONS)).toString());
    expect(answers[0].payments.items).toHaveLength(ONRAMP_PAYMENTS + DIRECT_PAYMENTS);
    expect(answers[0].onrampOrders.items.every((order: any) => order.status === "settled")).toBe(true);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });
});
