// Fault: merchant webhook endpoints that fail or hang. Each merchant has its own local endpoint
// (verifying Crowdstake-Signature as DESIGN.md describes it); the real worker delivers on a fast
// WEBHOOK_SCHEDULE. An endpoint that fails five times then recovers gets the event exactly
// once, after six logged attempts; one that keeps failing exhausts the schedule; one that hangs
// is cut off at WEBHOOK_TIMEOUT_MS and retried, while other merchants' events keep flowing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChain, type Chain } from "../harness/chain.js";
import { startIndexer, type Indexer } from "../harness/indexer.js";
import { waitFor } from "../harness/wait.js";
import { startWebhookReceiver, type WebhookReceiver } from "../merchants/webhook-receiver.js";
import { WEB, authorisePlatformSigner, createPaymentSession, jsonClient, payIntent, signIn, type CreatedSession } from "./support-input-merchant.js";

const FLAKY = 1; // fails, then recovers
const HANGING = 2; // never answers its first attempt
const HEALTHY = 3; // answers at once
const PAYER = 5;
/** Five retries: attempt 6 is the last one. */
const SCHEDULE = "200ms,200ms,200ms,200ms,200ms";
// Long enough that another merchant's whole path (payment mined → indexed → event → delivered)
// fits inside one hanging attempt: that is what shows the worker is not blocked by it.
const TIMEOUT_MS = 10_000;

const DELIVERIES = `query ($p: String) { webhookDeliveries(paymentId: $p, first: 10) { items {
  id paymentId type state attempts payload deliveredAt nextAttemptAt
  attemptLog { attempt url statusCode error durationMs attemptedAt nextAttemptAt } } } }`;

describe("faults: failing and hanging merchant webhook endpoints", () => {
  let chain: Chain;
  let indexer: Indexer;
  const receivers: Record<number, WebhookReceiver> = {};
  const tokens: Record<number, string> = {};

  const deliveries = async (merchant: number, paymentId: string) =>
    (await indexer.graphql(DELIVERIES, { p: paymentId }, { authorization: `Bearer ${tokens[merchant]}` })).webhookDeliveries.items as any[];
  /** The one event of a payment (CONFIRMATIONS is out of reach here: only payment.detected). */
  const untilState = (merchant: number, paymentId: string, state: string) =>
    waitFor(async () => {
      const items = await deliveries(merchant, paymentId);
      return items.length === 1 && items[0].state === state ? items[0] : undefined;
    }, `the webhook of ${paymentId} to be ${state}`, 90_000, 100);
  const requestsFor = (merchant: number, eventId: string) => receivers[merchant]!.received.filter((entry) => entry.eventId === eventId);

  async function paidSession(merchant: number): Promise<CreatedSession> {
    const created = await createPaymentSession(indexer, tokens[merchant]!, { token: chain.addresses.DevStablecoin, amount: "5000000" });
    await payIntent(chain, PAYER, created);
    return created;
  }

  beforeAll(async () => {
    chain = await startChain();
    for (const merchant of [FLAKY, HANGING, HEALTHY]) receivers[merchant] = await startWebhookReceiver();
    indexer = await startIndexer(chain, {
      WEB_URL: WEB,
      // Every payment stays "detected": one event per payment, so each receiver's script is about one event.
      CONFIRMATIONS: "1000",
      WEBHOOK_SCHEDULE: SCHEDULE,
      WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
    });
    const json = jsonClient(indexer);
    for (const merchant of [FLAKY, HANGING, HEALTHY]) {
      tokens[merchant] = await signIn(indexer, chain, merchant);
      await authorisePlatformSigner(chain, merchant);
      const response = await json("PUT", "/v1/webhook_endpoint", { url: receivers[merchant]!.url }, tokens[merchant]);
      expect(response.status).toBe(201);
      receivers[merchant]!.secret = ((await response.json()) as { secret: string }).secret;
    }
  });
  afterAll(async () => {
    await indexer?.dispose();
    for (const receiver of Object.values(receivers)) await receiver.close();
    await chain?.stop();
  });

  it("an endpoint that fails five times then recovers gets the event exactly once; attempts 1..6 are logged and queryable", async () => {
    const receiver = receivers[FLAKY]!;
    receiver.script.push("fail", "fail", "fail", "fail", "fail");
    const created = await paidSession(FLAKY);
    const item = await untilState(FLAKY, created.id, "delivered");

    expect(item).toMatchObject({ paymentId: created.id, type: "payment.detected", attempts: 6, nextAttemptAt: null });
    expect(item.deliveredAt).not.toBeNull();
    expect(item.attemptLog.map((attempt: any) => attempt.attempt)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(item.attemptLog.map((attempt: any) => attempt.statusCode)).toEqual([500, 500, 500, 500, 500, 200]);
    expect(item.attemptLog.map((attempt: any) => attempt.error)).toEqual(["HTTP 500", "HTTP 500", "HTTP 500", "HTTP 500", "HTTP 500", null]);
    expect(item.attemptLog.every((attempt: any) => attempt.url === receiver.url)).toBe(true);
    // Each failure scheduled the next attempt; the delivery scheduled none.
    expect(item.attemptLog.map((attempt: any) => attempt.nextAttemptAt !== null)).toEqual([true, true, true, true, true, false]);

    // The endpoint's side: six signed requests for this event, one of them answered 2xx.
    const seen = requestsFor(FLAKY, item.id);
    expect(seen.map((entry) => entry.answered)).toEqual(["fail", "fail", "fail", "fail", "fail", "ok"]);
    expect(seen.every((entry) => entry.verified)).toBe(true);
    expect(receiver.delivered().filter((entry) => entry.eventId === item.id)).toHaveLength(1);
    expect(receiver.received).toHaveLength(6);
    // Every attempt carried the same stored event, the one GraphQL shows.
    for (const entry of seen) expect(entry.body).toEqual(JSON.parse(item.payload));
  });

  it("an endpoint that fails every attempt exhausts WEBHOOK_SCHEDULE: 6 attempts, then failed with no retry", async () => {
    const receiver = receivers[FLAKY]!;
    receiver.script.push("fail", "fail", "fail", "fail", "fail", "fail");
    const created = await paidSession(FLAKY);
    const item = await untilState(FLAKY, created.id, "failed");
    expect(item).toMatchObject({ attempts: 6, deliveredAt: null, nextAttemptAt: null });
    expect(item.attemptLog.map((attempt: any) => [attempt.attempt, attempt.statusCode, attempt.error])).toEqual(
      [1, 2, 3, 4, 5, 6].map((attempt) => [attempt, 500, "HTTP 500"]),
    );
    expect(item.attemptLog.at(-1).nextAttemptAt).toBeNull();
    expect(requestsFor(FLAKY, item.id)).toHaveLength(6);
    expect(receiver.delivered().filter((entry) => entry.eventId === item.id)).toHaveLength(0);
  });

  it("a hanging endpoint is cut off at WEBHOOK_TIMEOUT_MS and retried, and other merchants' events are delivered meanwhile", async () => {
    const hanging = receivers[HANGING]!;
    hanging.script.push("hang"); // then it answers
    const stuck = await paidSession(HANGING);
    // Attempt 1 has reached the endpoint, which holds it open.
    const first = await waitFor(async () => hanging.received[0], "the hanging endpoint to receive attempt 1", 60_000, 50);

    const healthy = await paidSession(HEALTHY);
    const delivered = await untilState(HEALTHY, healthy.id, "delivered");
    expect(delivered.attemptLog.map((attempt: any) => [attempt.attempt, attempt.statusCode])).toEqual([[1, 200]]);
    // ...while the hanging attempt is still open: claimed (attempts 1), nothing logged yet.
    const meanwhile = await deliveries(HANGING, stuck.id);
    expect(meanwhile.map((item) => [item.state, item.attempts, item.attemptLog.length])).toEqual([["pending", 1, 0]]);
    expect(hanging.received).toHaveLength(1);

    const item = await untilState(HANGING, stuck.id, "delivered");
    expect(item.id).toBe(first.eventId);
    expect(item.attempts).toBe(2);
    expect(item.attemptLog[0]).toMatchObject({ attempt: 1, statusCode: null, error: `timeout after ${TIMEOUT_MS} ms`, url: hanging.url });
    expect(item.attemptLog[0].nextAttemptAt).not.toBeNull(); // the retry was scheduled
    expect(item.attemptLog[1]).toMatchObject({ attempt: 2, statusCode: 200, error: null, nextAttemptAt: null });
    expect(requestsFor(HANGING, item.id).map((entry) => entry.answered)).toEqual(["hang", "ok"]);
    expect(hanging.delivered()).toHaveLength(1);
    expect(receivers[HEALTHY]!.delivered().map((entry) => entry.eventId)).toEqual([delivered.id]);
  });

  it("no event was sent again after it was delivered or failed", async () => {
    // Checked last, after the other cases gave the worker time to misbehave: FLAKY's endpoint saw
    // exactly 6 + 6 requests, HANGING's 2, HEALTHY's 1.
    expect(receivers[FLAKY]!.received).toHaveLength(12);
    expect(receivers[HANGING]!.received).toHaveLength(2);
    expect(receivers[HEALTHY]!.received).toHaveLength(1);
  });
});
