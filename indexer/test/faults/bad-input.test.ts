// Fault: property-based bad input (fast-check) against every REST route of src/api and against
// /graphql. Each property sends input that is wrong in one way and checks: never a 5xx; a REST
// 4xx has DESIGN.md's error shape with its code's status; GraphQL answers with GraphQL errors,
// none of them a masked internal one. Around it all, the off-chain store (every table) and a
// GraphQL view are snapshotted: equal after. Two stores change by design and are checked
// exactly instead: the callback audit log (one row per callback that reached its handler, by
// verdict) and the SIWE nonces (every nonce the suite asked for was consumed by its attempt).
// The seed is fast-check's own (random, printed on failure); numRuns are fixed per family.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Address } from "viem";
import { createSiweMessage } from "viem/siwe";
import { startChain, type Chain } from "../harness/chain.js";
import { startIndexer, type Indexer } from "../harness/indexer.js";
import { waitFor } from "../harness/wait.js";
import { SECRETS, SIMULATED_SECRET, createActiveCampaign, hmac } from "../onramp-support.js";
import {
  address,
  anyText,
  badAddress,
  badAmount,
  badToken,
  hex,
  loneSurrogate,
  notJson,
  notObject,
  notString,
  notUrl,
  oneThingWrong,
} from "./support-input-arbitraries.js";
import { WEB, authorisePlatformSigner, jsonClient, signIn, type Json } from "./support-input-merchant.js";
import { restError, snapshotAround, type StoreSnapshot } from "./support-input-snapshot.js";

const MERCHANT = 1;
const OTHER = 3;
const RUNS = { onramp: 250, callbacks: 300, payments: 250, sessionIds: 100, siwe: 150, siweNonces: 30, apiKeys: 150, webhook: 150, checkout: 150, routes: 150, graphql: 150 };
const NUL = /\0|\\u0000/i;
const PROVIDER_SECRET: Record<string, string> = { simulated: SIMULATED_SECRET, mercuryo: SECRETS.MERCURYO_SIGN_KEY, razorpay: SECRETS.RAZORPAY_WEBHOOK_SECRET };
const PROVIDER_HEADER: Record<string, string> = { simulated: "x-simulated-signature", mercuryo: "x-signature", razorpay: "x-razorpay-signature" };

/** Every REST route of src/api (method, path pattern): generated "unknown" routes must match none. */
const ROUTES: [string, RegExp][] = [
  ["GET", /^\/v1\/ready$/],
  ["POST", /^\/v1\/onramp\/sessions$/],
  ["POST", /^\/onramp\/[^/]+\/callback$/],
  ["GET", /^\/onramp\/simulated\/checkout\/[^/]+$/],
  ["POST", /^\/onramp\/simulated\/checkout\/[^/]+$/],
  ["POST", /^\/v1\/auth\/(nonce|verify|logout)$/],
  ["GET", /^\/v1\/auth\/me$/],
  ["POST", /^\/v1\/api_keys$/],
  ["GET", /^\/v1\/api_keys$/],
  ["DELETE", /^\/v1\/api_keys\/[^/]+$/],
  ["PUT", /^\/v1\/webhook_endpoint$/],
  ["GET", /^\/v1\/webhook_endpoint$/],
  ["DELETE", /^\/v1\/webhook_endpoint$/],
  ["POST", /^\/v1\/webhook_endpoint\/rotate_secret$/],
  ["POST", /^\/v1\/payment_sessions$/],
  ["GET", /^\/v1\/payment_sessions\/[^/]+$/],
];

/** A GraphQL view of what the suite set up (as the merchant): equal before and after. */
const VIEW = `{
  onrampOrders(first: 100) { items { id provider kind campaign beneficiary amount fiatAmount status onrampRef providerRef attempts steps { status } } }
  paymentSessions(first: 100) { items { id status checkoutUrl expiresAt intent { amount token payer } } }
  webhookEndpoint { url createdAt updatedAt }
  webhookDeliveries(first: 100) { items { id } }
  campaigns(limit: 100) { items { id status raised } }
}`;

describe("faults: property-based bad input on every REST route and on GraphQL", () => {
  let chain: Chain;
  let indexer: Indexer;
  let json: Json;
  let campaign: Address;
  let backer: Address;
  let session: string; // the merchant's SIWE session token
  let apiKey: string;
  let orderId: string;
  let before: StoreSnapshot;
  let viewBefore: unknown;
  const verdicts: Record<string, number> = {}; // audit rows the callbacks should have added
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const view = () => indexer.graphql(VIEW, {}, bearer(session));
  const property = <T,>(arbitrary: fc.Arbitrary<T>, check: (value: T) => Promise<void>, numRuns: number) =>
    fc.assert(fc.asyncProperty(arbitrary, check), { numRuns, endOnFailure: false });

  beforeAll(async () => {
    chain = await startChain();
    backer = chain.accounts[5]!.address.toLowerCase() as Address;
    campaign = await createActiveCampaign(chain, chain.addresses.DevStablecoin, 1_000_000n);
    await authorisePlatformSigner(chain, MERCHANT);
    indexer = await startIndexer(chain, {
      WEB_URL: WEB,
      ...SECRETS,
      // The suite is all about stored data changing only through requests: no workers.
      WORKERS: "off",
      RATE_LIMIT_IP_PER_MINUTE: "10000000",
      RATE_LIMIT_KEY_PER_MINUTE: "10000000",
    });
    json = jsonClient(indexer);
    // Something of every kind in the store, so that a change to any of it would show.
    session = await signIn(indexer, chain, MERCHANT);
    apiKey = ((await (await json("POST", "/v1/api_keys", { label: "fuzz" }, session)).json()) as { key: string }).key;
    expect((await json("PUT", "/v1/webhook_endpoint", { url: "http://127.0.0.1:9/hooks" }, session)).status).toBe(201);
    expect((await json("POST", "/v1/payment_sessions", { token: chain.addresses.DevStablecoin, amount: "1000000", metadata: { order: "A-1" } }, apiKey)).status).toBe(201);
    const order = await json("POST", "/v1/onramp/sessions", { provider: "simulated", campaign, beneficiary: backer, amount: "2000000" });
    expect(order.status).toBe(201);
    orderId = ((await order.json()) as { orderId: string }).orderId;
    await indexer.waitForBlock(); // the campaign in the view
    before = await snapshotAround(indexer, true);
    // After a PGlite restart Ponder re-indexes the local chain: wait for the suite's one campaign.
    viewBefore = await waitFor(async () => {
      const current = await view();
      return current.campaigns.items.length === 1 ? current : undefined;
    }, "the campaign to be indexed", 120_000, 200);
  });
  afterAll(async () => {
    await indexer?.dispose();
    await chain?.stop();
  });

  it("POST /v1/onramp/sessions: a body with one thing wrong gets 400 (or 404 for a target that does not exist)", async () => {
    const valid = { provider: "simulated", campaign, beneficiary: backer, amount: "2000000" };
    const bodies = fc.oneof(
      { weight: 8, arbitrary: oneThingWrong(valid, {
        provider: fc.oneof(notString, anyText().filter((text) => !["simulated", "mercuryo", "razorpay"].includes(text))),
        campaign: badAddress,
        beneficiary: badAddress,
        amount: badAmount,
        fiat: fc.oneof(notObject, badAmount.map((amount) => ({ amount, currency: "USD" })), fc.constantFrom("usd", "US", "USDT", "").map((currency) => ({ amount: "2.00", currency }))),
        paymentSessionId: hex(32), // both targets at once
      }, ["provider", "campaign", "beneficiary", "amount"]) },
      // Well-formed, but no campaign of this platform, or no such payment session.
      { weight: 1, arbitrary: address.map((other) => ({ body: { ...valid, campaign: other }, why: "not a campaign" })) },
      { weight: 1, arbitrary: hex(32).map((id) => ({ body: { provider: "simulated", paymentSessionId: id, beneficiary: backer }, why: "no session" })) },
      { weight: 1, arbitrary: notJson.map((raw) => ({ body: raw, why: "not JSON" })) },
    );
    await property(bodies, async ({ body, why }) => {
      const response = await json("POST", "/v1/onramp/sessions", body);
      await restError(response, why === "not a campaign" || why === "no session" ? [404] : [400], `onramp session (${why})`);
    }, RUNS.onramp);
  });

  it("POST /onramp/:provider/callback: unsigned 401, signed but malformed 400, unknown provider 404, oversized 413 — each audited by its verdict", async () => {
    const signedShape = fc.record({
      event: fc.constantFrom("payment.succeeded", "payment.failed"),
      eventId: fc.string({ minLength: 1, maxLength: 10 }),
      orderId: fc.string({ minLength: 1, maxLength: 12 }).map((tail) => `ord_fuzz_${tail}`), // an order we never created
      reference: fc.constant("sim_fuzz"),
      amount: fc.constant("1.00"),
      currency: fc.constant("USD"),
    }).map((body) => JSON.stringify(body));
    const shots = fc.record({
      provider: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom("simulated", "mercuryo", "razorpay") },
        { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789_-.~") }).filter((name) => !["simulated", "mercuryo", "razorpay", ".", ".."].includes(name)) },
      ),
      raw: fc.oneof(notJson, fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)), anyText(120), signedShape, fc.constant(JSON.stringify({ pad: "x".repeat(70_000) })),
        // One of our orders' callbacks with a field of the wrong type.
        fc.constantFrom(`{"event":"payment.succeeded","eventId":1,"orderId":"${orderId}","reference":"r","amount":"2.00","currency":"USD"}`,
          `{"eventId":"e","data":{"id":"x","type":"buy","status":"paid","merchant_transaction_id":"${orderId}","fiat_amount":2}}`)),
      signature: fc.oneof(fc.constant("none"), fc.constant("valid"), hex(32).map((value) => value.slice(2)), fc.string({ maxLength: 70 })),
    });
    await property(shots, async ({ provider, raw, signature }) => {
      const known = Object.hasOwn(PROVIDER_SECRET, provider);
      const headers: Record<string, string> = { "content-type": "application/json" };
      const valid = known && signature === "valid";
      if (known && signature !== "none") headers[PROVIDER_HEADER[provider]!] = valid ? hmac(PROVIDER_SECRET[provider]!, raw) : signature;
      const response = await indexer.request(`/onramp/${provider}/callback`, { method: "POST", headers, body: raw });
      const what = `callback ${provider} signature=${signature}`;
      if (raw.length > 65_536) return void (await restError(response, [413], what));
      if (NUL.test(raw)) return void (await restError(response, [400], what)); // refused before its handler: not audited
      if (!known) return void (await restError(response, [404], what));
      if (!valid) {
        await restError(response, [401], what);
        verdicts.bad_signature = (verdicts.bad_signature ?? 0) + 1;
      } else if (response.status === 200) {
        // A signed, well-formed event for an order we never created: acknowledged, audited, nothing else.
        const answer = (await response.json()) as { status: string };
        expect(["unknown_order", "ignored"], what).toContain(answer.status);
        verdicts[answer.status] = (verdicts[answer.status] ?? 0) + 1;
      } else {
        await restError(response, [400], what);
        verdicts.malformed = (verdicts.malformed ?? 0) + 1;
      }
    }, RUNS.callbacks);
  });

  it("POST /v1/payment_sessions: a body with one thing wrong gets 400, no credential 401; GET of a bad id 400/404", async () => {
    const valid = { token: chain.addresses.DevStablecoin, amount: "1000000" };
    const split = { recipient: chain.accounts[6]!.address, bps: 100 };
    // Sent as text: thousands deep fits in MAX_BODY_BYTES but overflows JSON.stringify (this side's too).
    const tooDeep = fc.integer({ min: 40, max: 30_000 }).map((depth) =>
      `{"token":"${valid.token}","amount":"1","metadata":{"deep":${"[".repeat(depth)}${"]".repeat(depth)}}}`);
    const bodies = fc.oneof(
      { weight: 8, arbitrary: oneThingWrong(valid, {
        token: badAddress,
        amount: fc.oneof(badAmount, fc.constant(((1n << 96n) + 1n).toString())),
        payer: badAddress,
        splits: fc.oneof(
          notObject.filter((value) => !Array.isArray(value) || value.length > 0),
          fc.constant(Array.from({ length: 6 }, () => split)),
          fc.constant([{ ...split, bps: 6_000 }, { ...split, bps: 5_000 }]),
          fc.constantFrom(0, 10_001, 1.5, "100", null).map((bps) => [{ ...split, bps }]),
          fc.oneof(badAddress, fc.constantFrom("0x0000000000000000000000000000000000000000", chain.addresses.PaymentEscrow)).map((recipient) => [{ ...split, recipient }]),
          fc.constant([{ ...split, note: "x" }]),
        ),
        metadata: fc.oneof(
          fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), anyText(), fc.array(fc.integer(), { maxLength: 3 })),
          loneSurrogate.map((text) => ({ note: text })),
          loneSurrogate.map((text) => ({ [text]: "key" })),
        ),
        successUrl: fc.oneof(notUrl, notString, fc.constant(`https://shop.example/${"a".repeat(2_100)}`)),
        cancelUrl: fc.oneof(notUrl, notString),
        expiresIn: fc.oneof(fc.integer({ max: 59 }), fc.integer({ min: 30 * 86_400 + 1 }), fc.double({ min: 60.5, max: 1e5, noInteger: true }), fc.constantFrom("3600", null, true)),
      }, ["token", "amount"]) },
      { weight: 1, arbitrary: notJson.map((raw) => ({ body: raw, why: "not JSON" })) },
      { weight: 1, arbitrary: tooDeep.map((raw) => ({ body: raw, why: "metadata nested too deep" })) },
    );
    const credential = fc.oneof(fc.constant(apiKey), fc.constant(session));
    await property(fc.tuple(bodies, credential), async ([{ body, why }, token]) => {
      await restError(await json("POST", "/v1/payment_sessions", body, token), [400], `payment session (${why})`);
    }, RUNS.payments);
    await property(fc.tuple(bodies, fc.option(badToken, { nil: undefined })), async ([{ body }, token]) => {
      // A NUL anywhere in a body is refused before the route looks at the credential.
      const nul = NUL.test(typeof body === "string" ? body : JSON.stringify(body));
      await restError(await json("POST", "/v1/payment_sessions", body, token), nul ? [400] : [401], "payment session without a credential");
    }, RUNS.sessionIds);
    await property(fc.oneof(anyText(70), hex(32), hex(31)), async (id) => {
      await restError(await json("GET", `/v1/payment_sessions/${encodeURIComponent(id)}`), [400, 404], `GET payment session ${JSON.stringify(id)}`);
    }, RUNS.sessionIds);
  });

  it("SIWE: a random or near-miss sign-in gets 400/401 and never a session; logout and me need a live session", async () => {
    const alnum = (min: number, max: number) => fc.string({ minLength: min, maxLength: max, unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789") });
    const siweLike = fc.record({ domain: alnum(1, 12), address, chainId: fc.integer({ min: 1, max: 1_000_000 }), nonce: alnum(8, 20) }).map(({ domain, address, chainId, nonce }) =>
      createSiweMessage({ domain: `${domain}.example`, address: address as Address, uri: `https://${domain}.example`, version: "1", chainId, nonce }),
    );
    const bodies = fc.oneof(
      notJson,
      notObject,
      fc.record({
        message: fc.oneof(anyText(300), siweLike, notString, fc.constant(""), fc.constant("x".repeat(5_000))),
        signature: fc.oneof(hex(65), hex(20), anyText(), notString),
      }),
    );
    await property(bodies, async (body) => {
      await restError(await json("POST", "/v1/auth/verify", body), [400, 401], "SIWE verify");
    }, RUNS.siwe);
    await property(fc.tuple(fc.constantFrom("POST /v1/auth/logout", "GET /v1/auth/me"), fc.option(badToken, { nil: undefined })), async ([route, token]) => {
      const [method, path] = route.split(" ") as [string, string];
      await restError(await json(method, path, undefined, token), [401], `${route} with ${token}`);
    }, RUNS.siwe);

    // With a live nonce each time: one field of an otherwise good message is wrong, or the
    // signature is. Every attempt consumes its nonce (checked at the end: none is left over).
    const nearMiss = fc.constantFrom("domain", "uri", "chainId", "expired", "notYet", "signer", "signature");
    await property(nearMiss, async (wrong) => {
      const { nonce } = (await (await json("POST", "/v1/auth/nonce")).json()) as { nonce: string };
      const message = createSiweMessage({
        domain: wrong === "domain" ? "evil.example" : new URL(WEB).host,
        address: chain.accounts[MERCHANT]!.address,
        uri: wrong === "uri" ? "https://evil.example" : WEB,
        version: "1",
        chainId: wrong === "chainId" ? 1 : 31337,
        nonce,
        ...(wrong === "expired" ? { expirationTime: new Date(Date.now() - 60_000) } : {}),
        ...(wrong === "notYet" ? { notBefore: new Date(Date.now() + 3_600_000) } : {}),
      });
      const signer = wrong === "signer" ? OTHER : MERCHANT;
      const signature = wrong === "signature" ? `0x${"11".repeat(65)}` : await chain.wallet(signer).signMessage({ account: chain.accounts[signer]!, message });
      await restError(await json("POST", "/v1/auth/verify", { message, signature }), [401], `SIWE with a wrong ${wrong}`);
    }, RUNS.siweNonces);
  });

  it("API keys: a bad label 400, a bad id 400/404, and every key route needs a SIWE session (401 for an API key or a bad token)", async () => {
    const labels = oneThingWrong({ label: "ok" }, { label: fc.oneof(notString, fc.constantFrom("", "   ", "x".repeat(101)), loneSurrogate) }, []);
    await property(fc.oneof(labels, notJson.map((raw) => ({ body: raw as unknown, why: "not JSON" }))), async ({ body, why }) => {
      await restError(await json("POST", "/v1/api_keys", body, session), [400], `api key (${why})`);
    }, RUNS.apiKeys);
    await property(fc.oneof(anyText(50), fc.uuid()), async (id) => {
      await restError(await json("DELETE", `/v1/api_keys/${encodeURIComponent(id)}`, undefined, session), [400, 404], `DELETE key ${JSON.stringify(id)}`);
    }, RUNS.apiKeys);
    const routes = fc.constantFrom("POST /v1/api_keys", "GET /v1/api_keys", "DELETE /v1/api_keys/00000000-0000-4000-8000-000000000000");
    await property(fc.tuple(routes, fc.oneof(badToken, fc.constant(apiKey)), fc.jsonValue({ maxDepth: 2 })), async ([route, token, body]) => {
      const [method, path] = route.split(" ") as [string, string];
      await restError(await json(method, path, method === "POST" ? body : undefined, token), [401], `${route} as ${token.slice(0, 4)}…`);
    }, RUNS.apiKeys);
  });

  it("webhook endpoint: a bad URL 400; every route needs a SIWE session (401)", async () => {
    const urls = oneThingWrong({ url: "https://hooks.example/x" }, {
      url: fc.oneof(notUrl, notString, loneSurrogate.map((text) => `https://hooks.example/${text}`),
        fc.constantFrom("ftp://hooks.example/x", "javascript:alert(1)", "mailto:a@b.example", "file:///etc/passwd", "data:,x", "http://", "https://"),
        fc.constant(`https://hooks.example/${"a".repeat(2_100)}`)),
    }, ["url"]);
    await property(fc.oneof(urls, notJson.map((raw) => ({ body: raw as unknown, why: "not JSON" }))), async ({ body, why }) => {
      await restError(await json("PUT", "/v1/webhook_endpoint", body, session), [400], `webhook endpoint (${why})`);
    }, RUNS.webhook);
    const routes = fc.constantFrom("PUT /v1/webhook_endpoint", "GET /v1/webhook_endpoint", "DELETE /v1/webhook_endpoint", "POST /v1/webhook_endpoint/rotate_secret");
    await property(fc.tuple(routes, fc.option(fc.oneof(badToken, fc.constant(apiKey)), { nil: undefined })), async ([route, token]) => {
      const [method, path] = route.split(" ") as [string, string];
      await restError(await json(method, path, method === "PUT" ? { url: "https://evil.example/x" } : undefined, token), [401], `${route}`);
    }, RUNS.webhook);
  });

  it("simulated checkout page: an unknown order 404; a bad outcome for a real order 400", async () => {
    const ids = fc.oneof(anyText(40).filter((id) => id.length > 0), fc.string({ maxLength: 24 }).map((tail) => `ord_${tail}`)).filter((id) => id !== orderId);
    await property(fc.tuple(ids, fc.constantFrom("GET", "POST")), async ([id, method]) => {
      const response = await indexer.request(`/onramp/simulated/checkout/${encodeURIComponent(id)}`, method === "GET" ? {} : { method, headers: { "content-type": "application/x-www-form-urlencoded" }, body: "outcome=paid" });
      await restError(response, [404], `${method} checkout ${JSON.stringify(id)}`);
    }, RUNS.checkout);
    const outcomes = fc.oneof(
      anyText(30).filter((outcome) => outcome !== "paid" && outcome !== "failed").map((outcome) => ({ type: "application/x-www-form-urlencoded", body: `outcome=${encodeURIComponent(outcome)}` })),
      fc.jsonValue({ maxDepth: 2 }).map((value) => ({ type: "application/json", body: JSON.stringify({ outcome: value === "paid" || value === "failed" ? null : value }) })),
      fc.constantFrom({ type: "text/plain", body: "outcome=paid" }, { type: "application/x-www-form-urlencoded", body: "outcome=PAID" }, { type: "application/x-www-form-urlencoded", body: "" }),
    );
    await property(outcomes, async ({ type, body }) => {
      const response = await indexer.request(`/onramp/simulated/checkout/${orderId}`, { method: "POST", headers: { "content-type": type }, body });
      await restError(response, [400], `checkout outcome ${body.slice(0, 40)}`);
    }, RUNS.checkout);
  });

  it("any other method or path under /v1 and /onramp: 404 with the error shape", async () => {
    const segment = fc.oneof(fc.webSegment(), anyText(12).map(encodeURIComponent), fc.constantFrom("v1", "onramp", "callback", "auth", "api_keys", "simulated", "checkout", "payment_sessions", "sessions"));
    const requests = fc
      .record({ method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE"), root: fc.constantFrom("/v1/", "/onramp/"), segments: fc.array(segment, { minLength: 0, maxLength: 4 }) })
      .map(({ method, root, segments }) => ({ method, path: root + segments.join("/") }))
      .filter(({ method, path }) => !ROUTES.some(([routeMethod, pattern]) => routeMethod === method && pattern.test(path)) && !/\/\.\.?(\/|$)|%2e/i.test(path)); // fetch resolves dot segments
    await property(requests, async ({ method, path }) => {
      const response = await indexer.request(path, { method, headers: { "content-type": "application/json" }, body: method === "GET" ? undefined : "{}" });
      await restError(response, [404], `${method} ${path}`);
    }, RUNS.routes);
  });

  describe("GraphQL", () => {
    /** Never a 5xx; a JSON answer with GraphQL errors (or data), none of them an internal error masked by yoga. */
    async function graphqlAnswer(response: Response, what: string): Promise<void> {
      const text = await response.text();
      const fail = (why: string) => new Error(`${what}: ${why} — HTTP ${response.status} ${text.slice(0, 300)}`);
      if (response.status >= 500) throw fail("5xx");
      if (response.status === 413) return void (await restError(new Response(text, { status: 413 }), [413], what));
      let body: { data?: unknown; errors?: { message?: unknown }[] };
      try {
        body = JSON.parse(text);
      } catch {
        throw fail("not JSON");
      }
      if (body.errors !== undefined) {
        if (!Array.isArray(body.errors) || body.errors.length === 0 || body.errors.some((error) => typeof error.message !== "string")) throw fail("malformed errors");
        if (body.errors.some((error) => error.message === "Unexpected error.")) throw fail("an internal error (masked)");
      } else if (body.data === undefined || response.status !== 200) {
        throw fail("neither data nor errors");
      }
    }
    const post = (body: string, headers: Record<string, string> = {}) =>
      indexer.request("/graphql", { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

    it("malformed JSON, random query text and random GET parameters", async () => {
      await property(fc.oneof(notJson, fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value))), async (raw) => {
        await graphqlAnswer(await post(raw), `raw body ${raw.slice(0, 40)}`);
      }, RUNS.graphql);
      await property(fc.tuple(fc.oneof(anyText(200), notString), fc.option(fc.jsonValue({ maxDepth: 3 }))), async ([query, variables]) => {
        await graphqlAnswer(await post(JSON.stringify({ query, variables })), `query ${JSON.stringify(query).slice(0, 60)}`);
      }, RUNS.graphql);
      await property(fc.tuple(anyText(100), anyText(40)), async ([query, variables]) => {
        const response = await indexer.request(`/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(variables)}`);
        await graphqlAnswer(response, `GET ${query.slice(0, 40)}`);
      }, RUNS.graphql);
    });

    it("well-formed queries with random arguments, variables and credentials", async () => {
      const literal: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
        value: fc.oneof(
          { depthSize: "small" },
          fc.integer().map(String),
          fc.constantFrom("-1", "0", "101", "2147483648", "99999999999999999999", "1.5", "null", "true", "ENUM", '""', '"\\u0000"', '"\\ud800"'),
          fc.string({ maxLength: 20 }).map((text) => JSON.stringify(text)),
          fc.array(tie("value"), { maxLength: 3 }).map((items) => `[${items.join(", ")}]`),
          fc.array(fc.tuple(fc.constantFrom("status", "provider", "beneficiary", "id", "id_in", "amount_gt", "x"), tie("value")), { maxLength: 3 }).map((fields) => `{${fields.map(([key, value]) => `${key}: ${value}`).join(", ")}}`),
        ),
      })).value;
      const fields: Record<string, string> = {
        onrampOrders: "items { id status steps { status } contribution { id } } pageInfo { endCursor }",
        onrampOrder: "id status payment { id }",
        paymentSessions: "items { id status payment { id } } pageInfo { endCursor }",
        paymentSession: "id status intent { amount }",
        webhookDeliveries: "items { id attemptLog { attempt } } pageInfo { endCursor }",
        webhookEndpoint: "url",
        campaigns: "items { id status } pageInfo { endCursor }",
        campaign: "id status",
        payments: "items { id }",
        stakePositions: "items { id }",
        offchainReady: "",
      };
      const args = fc.array(fc.tuple(fc.constantFrom("first", "after", "where", "id", "paymentId", "limit", "offset", "orderBy", "orderDirection", "before", "bogus"), literal), { maxLength: 3 });
      const queries = fc.array(fc.tuple(fc.constantFrom(...Object.keys(fields)), args), { minLength: 1, maxLength: 3 }).map((roots) =>
        `{ ${roots.map(([field, list], index) => `f${index}: ${field}${list.length ? `(${list.map(([name, value]) => `${name}: ${value}`).join(", ")})` : ""} ${fields[field] ? `{ ${fields[field]} }` : ""}`).join(" ")} }`,
      );
      const withVariables = fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 2 }), fc.jsonValue({ maxDepth: 1 })).map(([where, first, after]) => ({
        query: "query ($w: OnrampOrderFilter, $f: Int, $a: String) { onrampOrders(where: $w, first: $f, after: $a) { items { id } } webhookDeliveries(first: $f, after: $a) { items { id } } }",
        variables: { w: where, f: first, a: after },
      }));
      const credential = fc.constantFrom<Record<string, string>>({}, bearer("csk_nobody"), bearer(session), bearer(apiKey));
      await property(fc.tuple(queries, credential), async ([query, headers]) => {
        await graphqlAnswer(await post(JSON.stringify({ query }), headers), query.slice(0, 160));
      }, RUNS.graphql * 2);
      await property(fc.tuple(withVariables, credential), async ([body, headers]) => {
        await graphqlAnswer(await post(JSON.stringify(body), headers), JSON.stringify(body.variables).slice(0, 120));
      }, RUNS.graphql);
      // Every string argument that reaches SQL, with any text (NUL, lone surrogates, quotes...).
      const stringArgs = fc.constantFrom(
        "onrampOrder(id: $s) { id }", "onrampOrders(where: { status: $s, provider: $s }) { items { id } }", "onrampOrders(where: { beneficiary: $s, campaign: $s }) { items { id } }",
        "onrampOrders(where: { kind: $s, paymentSessionId: $s }) { items { id } }", "onrampOrders(after: $s) { items { id } }", "webhookDeliveries(paymentId: $s) { items { id } }",
        "webhookDeliveries(after: $s) { items { id } }", "paymentSessions(after: $s) { items { id } }", "paymentSession(id: $s) { id }", "campaign(id: $s) { id }", "payment(id: $s) { id }",
      );
      await property(fc.tuple(stringArgs, fc.oneof(anyText(30), fc.constantFrom("\0", "ord_\0", "'; DROP TABLE onramp_orders; --", "\ud800"))), async ([field, value]) => {
        const type = field.startsWith("onrampOrder(") ? "ID!" : "String!";
        const body = JSON.stringify({ query: `query ($s: ${type}) { ${field} }`, variables: { s: value } });
        await graphqlAnswer(await post(body, bearer(session)), `${field} with ${JSON.stringify(value)}`);
      }, RUNS.graphql);
    });

    it("deeply nested and huge queries", async () => {
      // Nesting the parser must survive (up to ~60 kB of braces) and a real relation chain.
      await property(fc.integer({ min: 1, max: 15_000 }), async (depth) => {
        await graphqlAnswer(await post(JSON.stringify({ query: "{a".repeat(depth) + "}".repeat(depth) })), `nesting ${depth}`);
      }, 60);
      await property(fc.integer({ min: 1, max: 40 }), async (depth) => {
        const query = `{ campaigns { items { ${"poolInfo { campaignInfo { ".repeat(depth)}id${" } }".repeat(depth)} } } }`;
        await graphqlAnswer(await post(JSON.stringify({ query })), `relation chain ${depth}`);
      }, 40);
      // Many aliases, up to past MAX_BODY_BYTES (413).
      await property(fc.integer({ min: 1, max: 4_000 }), async (count) => {
        const query = `{ ${Array.from({ length: count }, (_, index) => `a${index}: offchainReady`).join(" ")} }`;
        await graphqlAnswer(await post(JSON.stringify({ query })), `${count} aliases`);
      }, 40);
    });
  });

  it("changed nothing stored: every table and the GraphQL view are as before; the audit log grew by exactly the callbacks answered", async () => {
    expect(await view()).toEqual(viewBefore);
    const after = await snapshotAround(indexer, false);
    expect(after.tables).toEqual(before.tables);
    expect(after.nonces).toEqual(before.nonces);
    const grown = Object.fromEntries(Object.entries(after.verdicts).map(([verdict, count]) => [verdict, count - (before.verdicts[verdict] ?? 0)]).filter(([, count]) => count !== 0));
    expect(grown).toEqual(verdicts);
    expect(before.tables.onramp_orders).toHaveLength(1);
    expect(before.tables.payment_sessions).toHaveLength(1);
  });
});
