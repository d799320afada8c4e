// Operations: configuration refused at start with the variable's name, request size limits,
// per-IP and per-API-key rate limits (429 with the error shape), CORS for the web app's origin
// only, and structured logs that carry no secrets.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hmac, SIMULATED_SECRET } from "./onramp-support.js";
import { startChain, type Chain } from "./harness/chain.js";
import { startIndexer, type Indexer } from "./harness/indexer.js";

const WEB_ORIGIN = "http://localhost:5999";

describe("operations", () => {
  let chain: Chain;
  let indexer: Indexer;

  beforeAll(async () => {
    chain = await startChain();
    indexer = await startIndexer(chain, {
      WEB_URL: WEB_ORIGIN,
      RATE_LIMIT_IP_PER_MINUTE: "20",
      RATE_LIMIT_KEY_PER_MINUTE: "3",
      MAX_BODY_BYTES: "2048",
      LOG_LEVEL: "info",
    });
  });
  afterAll(async () => {
    await indexer?.dispose();
    await chain?.stop();
  });

  it("refuses a bad configuration at start, naming the variable", async () => {
    await expect(startIndexer(chain, { CONFIRMATIONS: "zero" })).rejects.toThrow(/CONFIRMATIONS/);
    await expect(startIndexer(chain, { PONDER_CHAIN_ID: "1" })).rejects.toThrow(/PONDER_RPC_URL|no deployment|PONDER_CHAIN_ID/);
  }, 300_000); // two Ponder boots: slow on a loaded 2-core machine (a deadline, not a measure)

  it("answers an oversized body with 413 and the error shape", async () => {
    const response = await indexer.request("/v1/ready", { method: "POST", body: "x".repeat(4096), headers: { "content-type": "application/json" } });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
  });

  it("answers 503 NOT_CONFIGURED for an on-ramp provider without its secrets", async () => {
    const response = await indexer.request("/v1/onramp/sessions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ provider: "mercuryo", campaign: chain.addresses.CampaignFactory, beneficiary: chain.accounts[1]!.address, amount: "1000000" }),
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: "NOT_CONFIGURED" } });
    const { onrampOrders } = await indexer.graphql("{ onrampOrders { items { id } } }");
    expect(onrampOrders.items).toEqual([]);
  });

  it("refuses NUL characters, out-of-range amounts and inherited names as bad input, not 5xx", async () => {
    const post = (path: string, body: string) => indexer.request(path, { method: "POST", headers: { "content-type": "application/json" }, body });
    const valid = { provider: "simulated", campaign: chain.addresses.CampaignFactory, beneficiary: chain.accounts[1]!.address };
    const nul = await post("/v1/onramp/sessions", JSON.stringify({ ...valid, amount: "1000000", note: "a\u0000b" }));
    expect(nul.status).toBe(400);
    expect(await nul.json()).toMatchObject({ error: { code: "INVALID_REQUEST" } });
    const huge = await post("/v1/onramp/sessions", JSON.stringify({ ...valid, amount: "9".repeat(78) }));
    expect(huge.status).toBe(400);
    expect(await huge.json()).toMatchObject({ error: { code: "INVALID_REQUEST", details: { fields: { amount: expect.stringContaining("256 bits") } } } });
    for (const name of ["__proto__", "constructor", "toString"]) {
      const response = await post(`/onramp/${name}/callback`, "{}");
      expect(response.status, name).toBe(404);
    }
    const { onrampOrders } = await indexer.graphql("{ onrampOrders { items { id } } }");
    expect(onrampOrders.items).toEqual([]);
  });

  it("answers an unknown route with 404 and the error shape", async () => {
    const response = await indexer.request("/v1/no-such-route");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "NOT_FOUND", message: expect.any(String), details: {} } });
  });

  it("admits the web app's origin and no other", async () => {
    const allowed = await indexer.request("/v1/ready", { headers: { origin: WEB_ORIGIN } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe(WEB_ORIGIN);
    const foreign = await indexer.request("/v1/ready", { headers: { origin: "https://evil.example" } });
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("limits requests per API key, then per IP, with 429 and the error shape", async () => {
    const withKey = () => indexer.request("/v1/ready", { headers: { authorization: "Bearer ck_test_rate_limit_key" } });
    const keyed = [];
    for (let index = 0; index < 4; index++) keyed.push((await withKey()).status);
    expect(keyed).toEqual([200, 200, 200, 429]);
    const limited = await withKey();
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });

    const statuses: number[] = [];
    for (let index = 0; index < 20; index++) statuses.push((await indexer.request("/v1/ready")).status);
    expect(statuses).toContain(429);
    // GraphQL is not a REST route: it stays available.
    expect((await indexer.graphql("{ offchainReady }")).offchainReady).toBe(true);
  });

  /** POSTs from 127.0.0.2, a client address of its own: the other tests' requests leave its budget alone. */
  const post = (pathname: string, body: string, headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const { hostname, port } = new URL(indexer.url);
      const req = request({ host: hostname, port, path: pathname, method: "POST", headers, localAddress: "127.0.0.2" }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode!));
      });
      req.on("error", reject);
      req.end(body);
    });

  it("does not count correctly signed provider callbacks against the IP limit, only bad ones", async () => {
    const callback = (index: number, sign: (body: string) => string) => {
      // A well-formed callback for an order this server never issued: kept for audit, answered 200.
      const body = JSON.stringify({ event: "payment.succeeded", eventId: `evt_rate_${index}`, orderId: `ord_rate_${index}`, reference: `sim_${index}`, amount: "1.00", currency: "USD" });
      return post("/onramp/simulated/callback", body, { "content-type": "application/json", "x-simulated-signature": sign(body) });
    };
    // Three times the limit of 20 per minute, all verified: none is refused.
    const signed: number[] = [];
    for (let index = 0; index < 60; index++) signed.push(await callback(index, (body) => hmac(SIMULATED_SECRET, body)));
    expect(signed).toEqual(Array(60).fill(200));
    // Badly signed ones count: 401 until the limit, then 429.
    const forged: number[] = [];
    for (let index = 0; index < 25; index++) forged.push(await callback(100 + index, () => "00".repeat(32)));
    expect(forged.filter((status) => status === 401).length).toBeGreaterThan(0);
    expect(forged.at(-1)).toBe(429);
    expect(forged.every((status) => status === 401 || status === 429)).toBe(true);
  });

  it("logs structured JSON without the secrets it was sent", async () => {
    const secret = "ck_live_this_must_never_be_logged";
    await indexer.request("/v1/no-such-route", { headers: { authorization: `Bearer ${secret}`, "x-signature": secret } });
    const lines = indexer
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"));
    const requests = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === "request");
    expect(requests.some((entry) => entry.path === "/v1/no-such-route" && entry.status === 404)).toBe(true);
    expect(indexer.output()).not.toContain(secret);
  });
});
