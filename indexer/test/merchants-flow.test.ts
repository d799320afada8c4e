// Merchants end to end against a real chain and the real Ponder process: Sign-In with Ethereum,
// API keys, the webhook endpoint, payment sessions signed by the platform signer, and webhooks
// for every status change of a paid intent (detected → confirmed → settled, refunded, disputed,
// resolved), with retries after failures and a timeout on a hanging endpoint.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseUnits, type Address, type Hex } from "viem";
import { createSiweMessage } from "viem/siwe";
import { devStablecoinAbi, paymentEscrowAbi } from "../../generated/crowdstake.js";
import { startChain, type Chain } from "./harness/chain.js";
import { startIndexer, type Indexer } from "./harness/indexer.js";
import { waitFor } from "./harness/wait.js";
import { queryOffchain } from "./merchants/offchain-db.js";
import { startWebhookReceiver, type WebhookReceiver } from "./merchants/webhook-receiver.js";

const WEB = "http://localhost:5173";
const MERCHANT = 1;
const PAYER = 2;
const STRANGER = 3;
const RELEASE_DELAY = 3_600;

describe("merchants: SIWE, API keys, payment sessions and webhooks", () => {
  let chain: Chain;
  let indexer: Indexer;
  let receiver: WebhookReceiver;
  let session: string; // the merchant's SIWE session token
  let apiKey: string;
  const createdKeys: string[] = [];
  const sessionIds: string[] = [];

  const merchant = () => chain.accounts[MERCHANT]!.address.toLowerCase();
  const json = (method: string, path: string, body?: unknown, token?: string) =>
    indexer.request(path, {
      method,
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
  async function expectError(response: Response, status: number, code: string) {
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string; details: unknown } };
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message).toBe("string");
    expect(body.error.details).toBeTypeOf("object");
    return body.error;
  }

  async function siweMessage(account: number, overrides: Partial<Parameters<typeof createSiweMessage>[0]> = {}) {
    const { nonce, expiresAt } = (await (await json("POST", "/v1/auth/nonce")).json()) as { nonce: string; expiresAt: string };
    const message = createSiweMessage({
      domain: "localhost:5173",
      address: chain.accounts[account]!.address,
      statement: "Sign in to the Crowdstake merchant dashboard",
      uri: WEB,
      version: "1",
      chainId: 31337,
      nonce,
      ...overrides,
    });
    return { message, nonce, expiresAt };
  }
  const sign = (account: number, message: string) => chain.wallet(account).signMessage({ account: chain.accounts[account]!, message });

  async function signIn(account: number): Promise<string> {
    const { message } = await siweMessage(account);
    const response = await json("POST", "/v1/auth/verify", { message, signature: await sign(account, message) });
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  }

  async function sessionCount(): Promise<number> {
    const data = await indexer.graphql(`{ paymentSessions(first: 100) { items { id } } }`, {}, { authorization: `Bearer ${session}` });
    return data.paymentSessions.items.length;
  }

  async function createSession(body: Record<string, unknown> = {}) {
    const response = await json("POST", "/v1/payment_sessions", { token: chain.addresses.DevStablecoin, amount: "25000000", ...body }, apiKey);
    expect(response.status, await response.clone().text()).toBe(201);
    const created = (await response.json()) as { id: Hex; intent: any; signature: Hex; status: string; checkoutUrl: string; expiresAt: string };
    sessionIds.push(created.id);
    return created;
  }

  async function pay(created: { intent: any; signature: Hex }) {
    const intent = { ...created.intent, amount: BigInt(created.intent.amount), deadline: BigInt(created.intent.deadline) };
    await chain.write(0, { address: chain.addresses.DevStablecoin, abi: devStablecoinAbi, functionName: "mint", args: [chain.accounts[PAYER]!.address, intent.amount] });
    await chain.write(PAYER, { address: chain.addresses.DevStablecoin, abi: devStablecoinAbi, functionName: "approve", args: [chain.addresses.PaymentEscrow, intent.amount] });
    return chain.write(PAYER, { address: chain.addresses.PaymentEscrow, abi: paymentEscrowAbi, functionName: "pay", args: [intent, created.signature] });
  }

  const statusOf = async (id: string) => ((await (await json("GET", `/v1/payment_sessions/${id}`)).json()) as { status: string }).status;
  const waitForStatus = (id: string, status: string) => waitFor(async () => (await statusOf(id)) === status, `session ${id} to be ${status}`, 60_000, 100);
  const waitForWebhook = (id: string, type: string) =>
    waitFor(async () => receiver.delivered().find((entry) => entry.body?.data?.id === id && entry.type === type), `webhook ${type} for ${id}`, 60_000, 100);

  beforeAll(async () => {
    chain = await startChain();
    receiver = await startWebhookReceiver();
    indexer = await startIndexer(chain, {
      WEB_URL: WEB,
      CONFIRMATIONS: "2",
      SIWE_NONCE_TTL: "3s",
      WEBHOOK_SCHEDULE: "100ms,200ms,400ms",
      WEBHOOK_TIMEOUT_MS: "1000",
    });
  });
  afterAll(async () => {
    await indexer?.dispose();
    await receiver?.close();
    await chain?.stop();
  });

  it("signs a merchant in with SIWE, and refuses bad, expired and reused nonces and wrong signatures with 401", async () => {
    const { message } = await siweMessage(MERCHANT);
    const signature = await sign(MERCHANT, message);
    const response = await json("POST", "/v1/auth/verify", { message, signature });
    expect(response.status).toBe(200);
    const signedIn = (await response.json()) as { token: string; merchant: string; expiresAt: string };
    expect(signedIn.token).toMatch(/^css_/);
    expect(signedIn.merchant).toBe(merchant());
    session = signedIn.token;
    expect(await (await json("GET", "/v1/auth/me", undefined, session)).json()).toEqual({ merchant: merchant() });

    // The same nonce again (a replay of the very same signed message).
    await expectError(await json("POST", "/v1/auth/verify", { message, signature }), 401, "UNAUTHORIZED");
    // A nonce the server never issued.
    const forged = createSiweMessage({ domain: "localhost:5173", address: chain.accounts[MERCHANT]!.address, uri: WEB, version: "1", chainId: 31337, nonce: "neverissued123" });
    await expectError(await json("POST", "/v1/auth/verify", { message: forged, signature: await sign(MERCHANT, forged) }), 401, "UNAUTHORIZED");
    // Signed by someone else than the message's address.
    const wrong = await siweMessage(MERCHANT);
    await expectError(await json("POST", "/v1/auth/verify", { message: wrong.message, signature: await sign(STRANGER, wrong.message) }), 401, "UNAUTHORIZED");
    // Another site's domain, another chain, a message past its own expiration time.
    for (const overrides of [{ domain: "evil.example" }, { chainId: 1 }, { expirationTime: new Date(Date.now() - 1_000) }]) {
      const other = await siweMessage(MERCHANT, overrides);
      await expectError(await json("POST", "/v1/auth/verify", { message: other.message, signature: await sign(MERCHANT, other.message) }), 401, "UNAUTHORIZED");
    }
    // A nonce used after its expiry (SIWE_NONCE_TTL is 3 s here).
    const stale = await siweMessage(MERCHANT);
    await waitFor(async () => Date.now() > Date.parse(stale.expiresAt) + 50, "the nonce to expire", 10_000, 100);
    await expectError(await json("POST", "/v1/auth/verify", { message: stale.message, signature: await sign(MERCHANT, stale.message) }), 401, "UNAUTHORIZED");
    // Malformed bodies.
    await expectError(await json("POST", "/v1/auth/verify", "{not json"), 400, "INVALID_REQUEST");
    await expectError(await json("POST", "/v1/auth/verify", { message: "hello" }), 400, "INVALID_REQUEST");

    // Logout ends the session.
    const other = await signIn(MERCHANT);
    expect((await json("POST", "/v1/auth/logout", undefined, other)).status).toBe(200);
    await expectError(await json("GET", "/v1/auth/me", undefined, other), 401, "UNAUTHORIZED");
    await expectError(await json("GET", "/v1/auth/me", undefined, "css_garbage"), 401, "UNAUTHORIZED");
    await expectError(await json("GET", "/v1/auth/me"), 401, "UNAUTHORIZED");
  });

  it("creates API keys shown once, lists them by prefix, authenticates with them, and revokes them", async () => {
    await expectError(await json("POST", "/v1/api_keys", { label: "x" }), 401, "UNAUTHORIZED");
    const response = await json("POST", "/v1/api_keys", { label: "shop backend" }, session);
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; key: string; prefix: string; label: string };
    expect(created.key).toMatch(/^csk_[A-Za-z0-9_-]{32}$/);
    expect(created.prefix).toBe(created.key.slice(0, 12));
    apiKey = created.key;
    createdKeys.push(created.key);

    // Managing keys needs a wallet session, not a key.
    await expectError(await json("POST", "/v1/api_keys", {}, apiKey), 401, "UNAUTHORIZED");
    await expectError(await json("POST", "/v1/api_keys", { label: "" }, session), 400, "INVALID_REQUEST");
    await expectError(await json("POST", "/v1/api_keys", "[", session), 400, "INVALID_REQUEST");

    expect(await (await json("GET", "/v1/auth/me", undefined, apiKey)).json()).toEqual({ merchant: merchant() });
    const listed = (await (await json("GET", "/v1/api_keys", undefined, session)).json()) as { items: any[] };
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ id: created.id, prefix: created.prefix, label: "shop backend", revokedAt: null });
    expect(listed.items[0].lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(created.key);

    const doomed = (await (await json("POST", "/v1/api_keys", { label: "leaked" }, session)).json()) as { id: string; key: string };
    createdKeys.push(doomed.key);
    expect((await json("GET", "/v1/auth/me", undefined, doomed.key)).status).toBe(200);
    const revoked = await json("DELETE", `/v1/api_keys/${doomed.id}`, undefined, session);
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as { revokedAt: string | null }).revokedAt).not.toBeNull();
    await expectError(await json("GET", "/v1/auth/me", undefined, doomed.key), 401, "UNAUTHORIZED");
    await expectError(await json("POST", "/v1/payment_sessions", { token: chain.addresses.DevStablecoin, amount: "1" }, doomed.key), 401, "UNAUTHORIZED");
    await expectError(await json("DELETE", "/v1/api_keys/not-a-uuid", undefined, session), 400, "INVALID_REQUEST");
    await expectError(await json("DELETE", "/v1/api_keys/00000000-0000-4000-8000-000000000000", undefined, session), 404, "NOT_FOUND");
    // Another merchant cannot see or revoke these keys.
    const stranger = await signIn(STRANGER);
    expect(((await (await json("GET", "/v1/api_keys", undefined, stranger)).json()) as { items: unknown[] }).items).toEqual([]);
    await expectError(await json("DELETE", `/v1/api_keys/${created.id}`, undefined, stranger), 404, "NOT_FOUND");
  });

  it("sets the webhook endpoint, shows its secret only when set or rotated", async () => {
    await expectError(await json("PUT", "/v1/webhook_endpoint", { url: "ftp://nope" }, session), 400, "INVALID_REQUEST");
    await expectError(await json("GET", "/v1/webhook_endpoint", undefined, session), 404, "NOT_FOUND");
    const first = await json("PUT", "/v1/webhook_endpoint", { url: receiver.url }, session);
    expect(first.status).toBe(201);
    const set = (await first.json()) as { url: string; secret: string };
    expect(set.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    const again = (await (await json("PUT", "/v1/webhook_endpoint", { url: receiver.url }, session)).json()) as Record<string, unknown>;
    expect(again).not.toHaveProperty("secret");
    const shown = (await (await json("GET", "/v1/webhook_endpoint", undefined, session)).json()) as Record<string, unknown>;
    expect(shown).toMatchObject({ url: receiver.url });
    expect(shown).not.toHaveProperty("secret");
    const rotated = (await (await json("POST", "/v1/webhook_endpoint/rotate_secret", undefined, session)).json()) as { secret: string };
    expect(rotated.secret).not.toBe(set.secret);
    receiver.secret = rotated.secret;
    const data = await indexer.graphql(`{ webhookEndpoint { url } }`, {}, { authorization: `Bearer ${apiKey}` });
    expect(data.webhookEndpoint).toEqual({ url: receiver.url });
    await expect(indexer.graphql(`{ webhookEndpoint { url } }`)).rejects.toThrow(/authentication required/);
  });

  it("refuses a payment session until the merchant authorises the platform signer on-chain", async () => {
    const refused = await json("POST", "/v1/payment_sessions", { token: chain.addresses.DevStablecoin, amount: "1000" }, apiKey);
    const error = await expectError(refused, 409, "CONFLICT");
    expect(error.message).toContain("setSigner");
    expect(await sessionCount()).toBe(0);
    await chain.write(MERCHANT, { address: chain.addresses.PaymentEscrow, abi: paymentEscrowAbi, functionName: "setSigner", args: [chain.accounts[0]!.address, true] });
    await chain.write(MERCHANT, { address: chain.addresses.PaymentEscrow, abi: paymentEscrowAbi, functionName: "setReleaseDelay", args: [RELEASE_DELAY] });
  });

  it("answers bad payment-session input with 4xx and the error shape, storing nothing", async () => {
    const token = chain.addresses.DevStablecoin;
    const bad: unknown[] = [
      "{oops",
      { token, amount: "-1" },
      { token, amount: "1.5" },
      { token, amount: "0" },
      { token, amount: 1000 },
      { token, amount: ((1n << 96n) + 1n).toString() },
      { token: "0x1234", amount: "10" },
      { token, amount: "10", payer: "nope" },
      { token, amount: "10", splits: [{ recipient: chain.accounts[4]!.address, bps: 6_000 }, { recipient: chain.accounts[5]!.address, bps: 5_000 }] },
      { token, amount: "10", splits: [{ recipient: chain.addresses.PaymentEscrow, bps: 100 }] },
      { token, amount: "10", expiresIn: 5 },
      { token, amount: "10", surprise: true },
    ];
    for (const body of bad) await expectError(await json("POST", "/v1/payment_sessions", body, apiKey), 400, "INVALID_REQUEST");
    await expectError(await json("POST", "/v1/payment_sessions", { token, amount: "10" }), 401, "UNAUTHORIZED");
    await expectError(await json("GET", "/v1/payment_sessions/0x1234"), 400, "INVALID_REQUEST");
    await expectError(await json("GET", `/v1/payment_sessions/0x${"ab".repeat(32)}`), 404, "NOT_FOUND");
    expect(await sessionCount()).toBe(0);
  });

  it("takes a session from pending through detected and confirmed to settled, with a signed webhook for each change", async () => {
    const created = await createSession({ metadata: { order: "A-1" }, successUrl: "https://shop.example/ok" });
    expect(created.id.startsWith(merchant())).toBe(true);
    expect(created.checkoutUrl).toBe(`${WEB}/checkout/${created.id}`);
    expect(created.status).toBe("pending");
    expect(await statusOf(created.id)).toBe("pending");
    // The platform's signature is the one the escrow accepts (it verifies the intent on pay).
    await pay(created);
    await waitForStatus(created.id, "detected");
    const detected = await waitForWebhook(created.id, "payment.detected");
    expect(detected.body.data).toMatchObject({ id: created.id, merchant: merchant(), amount: "25000000", status: "detected", previousStatus: "pending", state: "held" });

    await chain.test.mine({ blocks: 1 });
    await waitForStatus(created.id, "confirmed");
    expect((await waitForWebhook(created.id, "payment.confirmed")).body.data.previousStatus).toBe("detected");

    await chain.test.increaseTime({ seconds: RELEASE_DELAY + 1 });
    await chain.test.mine({ blocks: 1 }); // the new time applies from the next block
    await chain.write(STRANGER, { address: chain.addresses.PaymentEscrow, abi: paymentEscrowAbi, functionName: "release", args: [created.id] });
    await waitForStatus(created.id, "settled");
    expect((await waitForWebhook(created.id, "payment.settled")).body.data).toMatchObject({ previousStatus: "confirmed", state: "released" });

    const data = await indexer.graphql(
      `query ($id: String!) { paymentSession(id: $id) { id status intent { amount merchant } payment { state amount } } }`,
      { id: created.id },
    );
    expect(data.paymentSession).toMatchObject({ id: created.id, status: "settled", intent: { amount: "25000000", merchant: merchant() } });
    expect(data.paymentSession.payment).toMatchObject({ state: "released" });
    expect(receiver.received.every((entry) => entry.verified)).toBe(true);
  });

  it("sends webhooks for a refund and for a dispute and its resolution", async () => {
    const refunded = await createSession();
    await pay(refunded);
    await waitForWebhook(refunded.id, "payment.detected");
    await chain.write(MERCHANT, { address: chain.addresses.PaymentEscrow, abi: paymentEscrowAbi, functionName: "refund", args: [refunded.id, 25_000_000n] });
    expect((await waitForWebhook(refunded.id, "payment.refunded")).body.data.refundedAmount).toBe("25000000");

    const disputed = await createSession();
    await pay(disputed);
    await waitForWebhook(disputed.id, "payment.detected");
    await chain.write(PAYER, { address: chain.addresses.PaymentEscrow, abi: paymentEscrowAbi, functionName: "openDispute", args: [disputed.id] });
    await waitForWebhook(disputed.id, "payment.disputed");
    await chain.write(0, { address: chain.addresses.PaymentEscrow, abi: paymentEscrowAbi, functionName: "resolveDispute", args: [disputed.id, 10_000_000n] });
    await waitForWebhook(disputed.id, "payment.resolved");
    expect(await statusOf(disputed.id)).toBe("resolved");
  });

  const deliveries = (paymentId: string) =>
    indexer.graphql(
      `query ($p: String) { webhookDeliveries(paymentId: $p, first: 10) { items { id type state attempts attemptLog { attempt statusCode error durationMs nextAttemptAt } } pageInfo { hasNextPage } } }`,
      { p: paymentId },
      { authorization: `Bearer ${session}` },
    );

  it("retries an endpoint that fails twice, delivers once, and logs every attempt", async () => {
    const created = await createSession();
    receiver.script.push("fail", "fail");
    await pay(created);
    const event = await waitForWebhook(created.id, "payment.detected");
    const item = await waitFor(async () => (await deliveries(created.id)).webhookDeliveries.items.find((entry: any) => entry.id === event.eventId && entry.state === "delivered"), "the delivery to be recorded");
    expect(item.attempts).toBe(3);
    expect(item.attemptLog.map((attempt: any) => attempt.statusCode)).toEqual([500, 500, 200]);
    expect(item.attemptLog[0].nextAttemptAt).not.toBeNull();
    expect(item.attemptLog[2].nextAttemptAt).toBeNull();
    expect(receiver.received.filter((entry) => entry.eventId === event.eventId).map((entry) => entry.answered)).toEqual(["fail", "fail", "ok"]);
    expect(receiver.delivered().filter((entry) => entry.eventId === event.eventId)).toHaveLength(1);
  });

  it("cuts off an endpoint that hangs at the timeout and delivers on the retry", async () => {
    const id = sessionIds[sessionIds.length - 1]!;
    receiver.script.push("hang");
    await chain.test.mine({ blocks: 1 });
    const event = await waitForWebhook(id, "payment.confirmed");
    const item = await waitFor(async () => (await deliveries(id)).webhookDeliveries.items.find((entry: any) => entry.id === event.eventId && entry.state === "delivered"), "the delivery to be recorded");
    expect(item.attemptLog).toHaveLength(2);
    expect(item.attemptLog[0]).toMatchObject({ statusCode: null, error: expect.stringContaining("timeout") });
    expect(item.attemptLog[0].durationMs).toBeGreaterThanOrEqual(1_000);
    expect(item.attemptLog[1].statusCode).toBe(200);
  });

  it("pages the merchant's sessions and keeps them private", async () => {
    const first = await indexer.graphql(`{ paymentSessions(first: 2) { items { id status } pageInfo { hasNextPage endCursor } } }`, {}, { authorization: `Bearer ${apiKey}` });
    expect(first.paymentSessions.items.map((item: any) => item.id)).toEqual([sessionIds[3], sessionIds[2]]);
    expect(first.paymentSessions.pageInfo.hasNextPage).toBe(true);
    const rest = await indexer.graphql(`query ($after: String) { paymentSessions(first: 10, after: $after) { items { id } pageInfo { hasNextPage } } }`, { after: first.paymentSessions.pageInfo.endCursor }, { authorization: `Bearer ${apiKey}` });
    expect(rest.paymentSessions.items.map((item: any) => item.id)).toEqual([sessionIds[1], sessionIds[0]]);
    expect(rest.paymentSessions.pageInfo.hasNextPage).toBe(false);
    await expect(indexer.graphql(`{ paymentSessions { items { id } } }`)).rejects.toThrow(/authentication required/);
    const missing = await indexer.graphql(`{ paymentSession(id: "0x${"cd".repeat(32)}") { id } }`);
    expect(missing.paymentSession).toBeNull();
  });

  it("sends a webhook when a reorg takes a detected payment back off the chain", async () => {
    const created = await createSession();
    const snapshot = await chain.test.snapshot();
    const { blockNumber } = await pay(created);
    await waitForWebhook(created.id, "payment.detected");
    await chain.test.revert({ id: snapshot });
    // The replacement chain grows past the old head, so Ponder sees the reorg and drops the payment.
    await chain.test.mine({ blocks: Number(blockNumber - (await chain.public.getBlockNumber())) + 2 });
    const reverted = await waitForWebhook(created.id, "payment.pending");
    expect(reverted.body.data).toMatchObject({ id: created.id, status: "pending", previousStatus: "detected" });
    await waitForStatus(created.id, "pending");
  });

  it("stores only hashes of API keys and nothing from refused requests", async () => {
    await indexer.stop(); // PGlite's directory belongs to one process at a time
    const keys = await queryOffchain<{ key_hash: string; prefix: string }>(indexer, "SELECT key_hash, prefix FROM api_keys ORDER BY created_at");
    expect(keys.map((row) => row.key_hash)).toEqual(createdKeys.map((key) => createHash("sha256").update(key).digest("hex")));
    const dump = JSON.stringify(await queryOffchain(indexer, "SELECT * FROM api_keys"));
    for (const key of createdKeys) expect(dump).not.toContain(key);
    const sessions = await queryOffchain<{ id: string }>(indexer, "SELECT id FROM payment_sessions ORDER BY seq");
    expect(sessions.map((row) => row.id)).toEqual(sessionIds);
  });
});
