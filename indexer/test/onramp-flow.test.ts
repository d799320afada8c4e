// The fiat on-ramp end to end, on a real chain and the real Ponder process: for each provider a
// checkout, its callback in the provider's own format and signature scheme, the relayer's
// settlement on-chain, and the order linked to the indexed contribution in GraphQL; then bad
// input of every kind (nothing stored changes), and a crash with a settlement in flight.
import Razorpay from "razorpay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Address, Hex } from "viem";
import { createSiweMessage } from "viem/siwe";
import { campaignAbi, paymentEscrowAbi } from "../../generated/crowdstake.js";
import { startChain, type Chain } from "./harness/chain.js";
import { startIndexer, type Indexer } from "./harness/indexer.js";
import { waitFor } from "./harness/wait.js";
import { queryOffchain } from "./merchants/offchain-db.js";
import {
  NATIVE,
  SECRETS,
  SIMULATED_SECRET,
  contributedWithRef,
  createActiveCampaign,
  hmac,
  mercuryoCallback,
  mintStablecoin,
  razorpayLinkPaid,
  razorpayPaymentFailed,
  sha512,
  startFlakyRpc,
  startRazorpayStub,
  type FlakyRpc,
  type RazorpayStub,
} from "./onramp-support.js";

const ORDER_FIELDS = `id provider kind campaign beneficiary asset amount fiatAmount fiatCurrency providerRef status onrampRef txHash error attempts
  steps { status txHash error detail at }`;
const ORDER = `query ($id: ID!) { onrampOrder(id: $id) { ${ORDER_FIELDS} contribution { id campaign backer payer amount onrampRef txHash } } }`;
const ALL = `{ onrampOrders(first: 100) { items { ${ORDER_FIELDS} updatedAt } } }`;

describe("on-ramp: checkout → provider callback → relayer → contribution", () => {
  let chain: Chain;
  let indexer: Indexer;
  let razorpayApi: RazorpayStub;
  let relayerRpc: FlakyRpc;
  let erc20Campaign: Address;
  let nativeCampaign: Address;
  let operator: Address;
  let backer: Address;
  const settledRefs: { campaign: Address; onrampRef: Hex }[] = [];

  const json = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    indexer.request(path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });
  const session = async (body: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await json("/v1/onramp/sessions", body, headers);
    const answer = await response.json();
    expect(response.status, JSON.stringify(answer)).toBe(201);
    return answer as { orderId: string; checkoutUrl: string; provider: string; onrampRef: Hex };
  };
  const order = async (id: string) => (await indexer.graphql(ORDER, { id })).onrampOrder;
  const untilStatus = (id: string, status: string) =>
    waitFor(async () => {
      const current = await order(id);
      if (current?.status === "failed" && status !== "failed") throw new Error(`order failed: ${current.error}`);
      return current?.status === status ? current : undefined;
    }, `order ${id} to be ${status}`, 60_000, 100);
  const untilLinked = (id: string) => waitFor(async () => (await order(id))?.contribution ?? undefined, `order ${id}'s contribution to be indexed`, 60_000, 100);
  const snapshot = async () => (await indexer.graphql(ALL)).onrampOrders.items;

  /** Checks what every settled order must show: the steps, one on-chain contribution, the link. */
  async function expectSettledAndLinked(id: string, amount: bigint, campaign: Address) {
    const settled = await untilStatus(id, "settled");
    expect(settled.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    const statuses = settled.steps.map((step: { status: string }) => step.status).filter((status: string) => status !== "approve" && status !== "retry");
    expect(statuses).toEqual(["received", "paid", "submitted", "settled"]);
    const events = await contributedWithRef(chain, campaign, settled.onrampRef);
    expect(events).toHaveLength(1);
    expect(events[0]!.args.backer!.toLowerCase()).toBe(backer);
    expect(events[0]!.args.amount).toBe(amount);
    const contribution = await untilLinked(id);
    expect(contribution).toMatchObject({ campaign, backer, payer: operator, amount: amount.toString(), onrampRef: settled.onrampRef, txHash: settled.txHash });
    settledRefs.push({ campaign, onrampRef: settled.onrampRef });
    return settled;
  }

  beforeAll(async () => {
    chain = await startChain();
    razorpayApi = await startRazorpayStub();
    operator = chain.accounts[0]!.address.toLowerCase() as Address;
    backer = chain.accounts[5]!.address.toLowerCase() as Address;
    erc20Campaign = await createActiveCampaign(chain, chain.addresses.DevStablecoin, 1_000_000n);
    nativeCampaign = await createActiveCampaign(chain, NATIVE, 0n);
    await mintStablecoin(chain, operator, 1_000_000_000_000n);
    relayerRpc = await startFlakyRpc(chain.rpcUrl);
    indexer = await startIndexer(chain, {
      TRUST_PROXY: "on", // the Mercuryo case sets the client IP of its widget signature through X-Forwarded-For
      ...SECRETS,
      RAZORPAY_API_URL: razorpayApi.url,
      RELAYER_RPC_URL: relayerRpc.url,
      RELAYER_BACKOFF: "100ms",
      RELAYER_LEASE: "2s",
    });
  });
  afterAll(async () => {
    await chain?.test.setAutomine(true).catch(() => undefined);
    await indexer?.dispose();
    await razorpayApi?.close();
    await relayerRpc?.close();
    await chain?.stop();
  });

  it("simulated: its checkout page's Pay button sends a signed callback; the relayer settles; GraphQL links the contribution", async () => {
    const created = await session({ provider: "simulated", campaign: erc20Campaign, beneficiary: backer, amount: "25000000" });
    expect(created.checkoutUrl).toBe(`${indexer.url}/onramp/simulated/checkout/${created.orderId}`);
    expect((await order(created.orderId)).status).toBe("received");

    const page = await (await fetch(created.checkoutUrl)).text();
    expect(page).toContain("25.00 USD");
    const action = /<form method="post" action="([^"]+)">/.exec(page)?.[1];
    const value = /<button type="submit" name="outcome" value="(paid)">/.exec(page)?.[1];
    expect(action).toBe(`/onramp/simulated/checkout/${created.orderId}`);
    const completed = await indexer.request(action!, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `outcome=${value}` });
    const done = await completed.text();
    expect(completed.status).toBe(200);
    expect(done).toContain('<span id="verdict">accepted</span>');

    await expectSettledAndLinked(created.orderId, 25_000_000n, erc20Campaign);
    // The page no longer offers to pay a settled order.
    expect(await (await fetch(created.checkoutUrl)).text()).not.toContain("<form");
  });

  it("mercuryo: a widget URL signed v2:sha512(address+secret+ip+id); an X-Signature callback in Mercuryo's format settles it", async () => {
    const ip = "203.0.113.7";
    const created = await session({ provider: "mercuryo", campaign: erc20Campaign, beneficiary: backer, amount: "40000000" }, { "x-forwarded-for": ip });
    const url = new URL(created.checkoutUrl);
    expect(url.origin).toBe("https://exchange.mercuryo.io");
    expect(url.searchParams.get("widget_id")).toBe(SECRETS.MERCURYO_WIDGET_ID);
    expect(url.searchParams.get("address")).toBe(operator);
    expect(url.searchParams.get("merchant_transaction_id")).toBe(created.orderId);
    expect(url.searchParams.get("fiat_amount")).toBe("40.00");
    expect(url.searchParams.get("signature")).toBe(`v2:${sha512(`${operator}${SECRETS.MERCURYO_SECRET}${ip}${created.orderId}`)}`);

    const send = (body: string) => json("/onramp/mercuryo/callback", body, { "x-signature": hmac(SECRETS.MERCURYO_SIGN_KEY, body) });
    // An intermediate status is acknowledged and changes nothing.
    const pending = await send(mercuryoCallback(created.orderId, "pending", "40", "USD", operator));
    expect(pending.status).toBe(200);
    expect(await pending.json()).toEqual({ status: "ignored", orderId: created.orderId });
    expect((await order(created.orderId)).status).toBe("received");

    const paid = await send(mercuryoCallback(created.orderId, "paid", "40", "USD", operator));
    expect(paid.status).toBe(200);
    expect(await paid.json()).toEqual({ status: "accepted", orderId: created.orderId });
    const settled = await expectSettledAndLinked(created.orderId, 40_000_000n, erc20Campaign);
    expect(settled.providerRef).toMatch(/^[0-9a-f]{16}$/);
  });

  it("razorpay: a Payment Link through its REST API; payment_link.paid (signature also checked by the razorpay package) settles it", async () => {
    const created = await session({ provider: "razorpay", campaign: erc20Campaign, beneficiary: backer, amount: "12500000" });
    const link = [...razorpayApi.links.values()].find((entry) => entry.reference_id === created.orderId)!;
    expect(link).toMatchObject({ amount: 1250, currency: "USD", reference_id: created.orderId, notes: { crowdstake_order_id: created.orderId } });
    expect(created.checkoutUrl).toBe(link.short_url);
    expect((await order(created.orderId)).providerRef).toBe(link.id);

    const body = razorpayLinkPaid(link);
    const signature = hmac(SECRETS.RAZORPAY_WEBHOOK_SECRET, body);
    expect(Razorpay.validateWebhookSignature(body, signature, SECRETS.RAZORPAY_WEBHOOK_SECRET)).toBe(true);
    const headers = { "x-razorpay-signature": signature, "x-razorpay-event-id": "evt_paid_0001" };
    const paid = await json("/onramp/razorpay/callback", body, headers);
    expect(paid.status).toBe(200);
    expect(await paid.json()).toEqual({ status: "accepted", orderId: created.orderId });
    await expectSettledAndLinked(created.orderId, 12_500_000n, erc20Campaign);

    // Razorpay redelivers: acknowledged as a duplicate, nothing changes, still one contribution.
    const before = await snapshot();
    const again = await json("/onramp/razorpay/callback", body, headers);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: "duplicate", orderId: created.orderId });
    expect(await snapshot()).toEqual(before);
    expect(await contributedWithRef(chain, erc20Campaign, (await order(created.orderId)).onrampRef)).toHaveLength(1);
  });

  it("razorpay: payment.failed marks the order failed; its redelivery is a duplicate; the relayer never touches it", async () => {
    const created = await session({ provider: "razorpay", campaign: erc20Campaign, beneficiary: backer, amount: "3000000" });
    const link = [...razorpayApi.links.values()].find((entry) => entry.reference_id === created.orderId)!;
    const body = razorpayPaymentFailed(link);
    const headers = { "x-razorpay-signature": hmac(SECRETS.RAZORPAY_WEBHOOK_SECRET, body) };
    const failed = await json("/onramp/razorpay/callback", body, headers);
    expect(await failed.json()).toEqual({ status: "accepted", orderId: created.orderId });
    const state = await order(created.orderId);
    expect(state).toMatchObject({ status: "failed", error: "PaymentFailed", txHash: null });
    expect(state.steps.at(-1).detail).toContain("incorrect card details");
    expect(await (await json("/onramp/razorpay/callback", body, headers)).json()).toEqual({ status: "duplicate", orderId: created.orderId });
    expect(await contributedWithRef(chain, erc20Campaign, state.onrampRef)).toHaveLength(0);
  });

  it("native coin: the order needs a fiat price; settled with the value; a declined simulated payment fails its order", async () => {
    const noPrice = await json("/v1/onramp/sessions", { provider: "simulated", campaign: nativeCampaign, beneficiary: backer, amount: "10000000000000000" });
    expect(noPrice.status).toBe(400);
    expect((await noPrice.json()).error.code).toBe("INVALID_REQUEST");

    const created = await session({ provider: "simulated", campaign: nativeCampaign, beneficiary: backer, amount: "10000000000000000", fiat: { amount: "30.00", currency: "EUR" } });
    const paid = await indexer.request(`/onramp/simulated/checkout/${created.orderId}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "outcome=paid" });
    expect(paid.status).toBe(200);
    const settled = await expectSettledAndLinked(created.orderId, 10_000_000_000_000_000n, nativeCampaign);
    expect(settled).toMatchObject({ asset: NATIVE, fiatAmount: "30.00", fiatCurrency: "EUR" });

    const declined = await session({ provider: "simulated", campaign: nativeCampaign, beneficiary: backer, amount: "1000", fiat: { amount: "1.00", currency: "EUR" } });
    const page = await indexer.request(`/onramp/simulated/checkout/${declined.orderId}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "outcome=failed" });
    expect(page.status).toBe(200);
    expect(await order(declined.orderId)).toMatchObject({ status: "failed", error: "PaymentFailed" });
  });

  it("a settlement the contract refuses fails the order with the decoded custom error; sessions it would refuse are refused up front", async () => {
    const campaign = await createActiveCampaign(chain, chain.addresses.DevStablecoin, 1_000_000n);
    const belowMin = await json("/v1/onramp/sessions", { provider: "simulated", campaign, beneficiary: backer, amount: "10000", fiat: { amount: "0.01", currency: "USD" } });
    expect(belowMin.status).toBe(400);
    expect((await belowMin.json()).error.details.fields.amount).toBe("at least 1000000");

    const created = await session({ provider: "simulated", campaign, beneficiary: backer, amount: "5000000" });
    // The owner cancels the campaign after the checkout opened and before the card payment.
    await chain.write(2, { address: campaign, abi: campaignAbi, functionName: "cancel" });
    await indexer.request(`/onramp/simulated/checkout/${created.orderId}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "outcome=paid" });
    const failed = await untilStatus(created.orderId, "failed");
    expect(failed.error).toBe("NotActive(5)"); // Status.Cancelled
    // A new campaign: the operator first approves it (the ERC-20 pull), then the call reverts.
    expect(failed.steps.map((step: { status: string }) => step.status)).toEqual(["received", "paid", "approve", "failed"]);
    expect(failed.contribution).toBeNull();
    expect(await contributedWithRef(chain, campaign, failed.onrampRef)).toHaveLength(0);
    // The provider re-delivers its "paid" event: an order the relayer failed stays failed.
    await indexer.request(`/onramp/simulated/checkout/${created.orderId}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "outcome=paid" });
    const after = await order(created.orderId);
    expect(after.status).toBe("failed");
    expect(after.steps.map((step: { status: string }) => step.status)).toEqual(["received", "paid", "approve", "failed"]);

    const closed = await json("/v1/onramp/sessions", { provider: "simulated", campaign, beneficiary: backer, amount: "5000000" });
    expect(closed.status).toBe(409);
    expect(await closed.json()).toMatchObject({ error: { code: "CONFLICT", details: { status: "Cancelled" } } });
  });

  it("RPC failures are retried with backoff, each attempt recorded, and the order then settles once", async () => {
    const created = await session({ provider: "simulated", campaign: erc20Campaign, beneficiary: backer, amount: "6000000" });
    relayerRpc.failing = true;
    await indexer.request(`/onramp/simulated/checkout/${created.orderId}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "outcome=paid" });
    const retried = await waitFor(async () => {
      const current = await order(created.orderId);
      return current.attempts >= 3 ? current : undefined;
    }, "three failed attempts", 30_000, 100);
    expect(retried.status).toBe("paid");
    const retries = retried.steps.filter((step: { status: string }) => step.status === "retry");
    expect(retries.length).toBeGreaterThanOrEqual(3);
    expect(retries[0].error).toMatch(/HTTP request failed|503/);
    relayerRpc.failing = false;
    const settled = await expectSettledAndLinked(created.orderId, 6_000_000n, erc20Campaign);
    expect(settled.error).toBeNull();
  });

  it("bad input gets 4xx with the error shape (401 bad signature, 400 malformed, 413 oversized, 404) and changes no stored order", async () => {
    const target = await session({ provider: "simulated", campaign: erc20Campaign, beneficiary: backer, amount: "2000000" });
    const before = await snapshot();
    const good = JSON.stringify({ event: "payment.succeeded", eventId: "evt_x", orderId: target.orderId, reference: "sim_x", amount: "2.00", currency: "USD" });
    const cases: { name: string; path: string; body: string; headers: Record<string, string>; status: number; code: string }[] = [
      { name: "simulated without signature", path: "/onramp/simulated/callback", body: good, headers: {}, status: 401, code: "UNAUTHORIZED" },
      { name: "simulated signed with another secret", path: "/onramp/simulated/callback", body: good, headers: { "x-simulated-signature": hmac("not-the-secret-000000", good) }, status: 401, code: "UNAUTHORIZED" },
      { name: "simulated body altered after signing", path: "/onramp/simulated/callback", body: good.replace("2.00", "200.00"), headers: { "x-simulated-signature": hmac(SIMULATED_SECRET, good) }, status: 401, code: "UNAUTHORIZED" },
      { name: "mercuryo bad X-Signature", path: "/onramp/mercuryo/callback", body: mercuryoCallback(target.orderId, "paid", "2", "USD", operator), headers: { "x-signature": "00".repeat(32) }, status: 401, code: "UNAUTHORIZED" },
      { name: "razorpay signature of the webhook secret's neighbour", path: "/onramp/razorpay/callback", body: good, headers: { "x-razorpay-signature": hmac(`${SECRETS.RAZORPAY_WEBHOOK_SECRET}x`, good) }, status: 401, code: "UNAUTHORIZED" },
      { name: "signed but not JSON", path: "/onramp/simulated/callback", body: "{not json", headers: { "x-simulated-signature": hmac(SIMULATED_SECRET, "{not json") }, status: 400, code: "INVALID_REQUEST" },
      { name: "signed JSON of the wrong shape", path: "/onramp/simulated/callback", body: '{"event":"payment.succeeded"}', headers: { "x-simulated-signature": hmac(SIMULATED_SECRET, '{"event":"payment.succeeded"}') }, status: 400, code: "INVALID_REQUEST" },
      { name: "signed razorpay event without its payload", path: "/onramp/razorpay/callback", body: '{"entity":"event","event":"payment_link.paid","payload":{}}', headers: { "x-razorpay-signature": hmac(SECRETS.RAZORPAY_WEBHOOK_SECRET, '{"entity":"event","event":"payment_link.paid","payload":{}}') }, status: 400, code: "INVALID_REQUEST" },
      { name: "oversized callback", path: "/onramp/simulated/callback", body: JSON.stringify({ pad: "x".repeat(70_000) }), headers: {}, status: 413, code: "PAYLOAD_TOO_LARGE" },
      { name: "unknown provider", path: "/onramp/stripe/callback", body: good, headers: {}, status: 404, code: "NOT_FOUND" },
      { name: "session: not JSON", path: "/v1/onramp/sessions", body: "nope", headers: {}, status: 400, code: "INVALID_REQUEST" },
      { name: "session: both targets", path: "/v1/onramp/sessions", body: JSON.stringify({ provider: "simulated", campaign: erc20Campaign, paymentSessionId: `0x${"11".repeat(32)}`, beneficiary: backer, amount: "1" }), headers: {}, status: 400, code: "INVALID_REQUEST" },
      { name: "session: bad amount", path: "/v1/onramp/sessions", body: JSON.stringify({ provider: "simulated", campaign: erc20Campaign, beneficiary: backer, amount: "-5" }), headers: {}, status: 400, code: "INVALID_REQUEST" },
      { name: "session: unknown provider", path: "/v1/onramp/sessions", body: JSON.stringify({ provider: "paypal", campaign: erc20Campaign, beneficiary: backer, amount: "1" }), headers: {}, status: 400, code: "INVALID_REQUEST" },
      { name: "session: not a campaign", path: "/v1/onramp/sessions", body: JSON.stringify({ provider: "simulated", campaign: backer, beneficiary: backer, amount: "1000000" }), headers: {}, status: 404, code: "NOT_FOUND" },
      { name: "session: unknown payment session", path: "/v1/onramp/sessions", body: JSON.stringify({ provider: "simulated", paymentSessionId: `0x${"22".repeat(32)}`, beneficiary: backer }), headers: {}, status: 404, code: "NOT_FOUND" },
    ];
    for (const bad of cases) {
      const response = await json(bad.path, bad.body, bad.headers);
      const answer = await response.json();
      expect(response.status, bad.name).toBe(bad.status);
      expect(answer, bad.name).toMatchObject({ error: { code: bad.code, message: expect.any(String) } });
    }
    // A signed callback for an order that does not exist: acknowledged (200) and audited.
    const unknown = JSON.stringify({ event: "payment.succeeded", eventId: "evt_unknown", orderId: "ord_doesnotexist", reference: "sim_y", amount: "2.00", currency: "USD" });
    const answer = await json("/onramp/simulated/callback", unknown, { "x-simulated-signature": hmac(SIMULATED_SECRET, unknown) });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ status: "unknown_order", orderId: "ord_doesnotexist" });

    expect(await snapshot()).toEqual(before);
    expect((await order(target.orderId)).status).toBe("received");
  });

  it("orders are listed with filters and cursor pagination", async () => {
    const all = await snapshot();
    expect(all).toHaveLength(9); // the suite's orders so far
    const razorpayOrders = (await indexer.graphql(`{ onrampOrders(where: { provider: "razorpay" }) { items { provider } } }`)).onrampOrders.items;
    expect(razorpayOrders).toEqual([{ provider: "razorpay" }, { provider: "razorpay" }]);
    const settled = (await indexer.graphql(`query ($b: String) { onrampOrders(where: { status: "settled", beneficiary: $b, campaign: "${nativeCampaign}" }) { items { status campaign } } }`, { b: backer.toUpperCase().replace("0X", "0x") })).onrampOrders.items;
    expect(settled).toEqual([{ status: "settled", campaign: nativeCampaign }]);

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const data: any = await indexer.graphql(`query ($after: String) { onrampOrders(first: 2, after: $after) { items { id } pageInfo { hasNextPage endCursor } } }`, { after });
      seen.push(...data.onrampOrders.items.map((item: { id: string }) => item.id));
      if (!data.onrampOrders.pageInfo.hasNextPage) break;
      after = data.onrampOrders.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((item: { id: string }) => item.id));
    await expect(indexer.graphql(`{ onrampOrders(first: 1000) { items { id } } }`)).rejects.toThrow(/first must be between 1 and 100/);
  });

  it("a payment session paid by card: payFor settles the signed intent for the payer; GraphQL links the escrow payment", async () => {
    const merchant = 3;
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    // The merchant signs in (SIWE), takes an API key and authorises the platform signer.
    const { nonce } = await (await json("/v1/auth/nonce", {})).json();
    const message = createSiweMessage({ domain: "localhost:5173", address: chain.accounts[merchant]!.address, uri: "http://localhost:5173", version: "1", chainId: 31337, nonce });
    const signature = await chain.wallet(merchant).signMessage({ account: chain.accounts[merchant]!, message });
    const { token } = await (await json("/v1/auth/verify", { message, signature })).json();
    const { key } = await (await json("/v1/api_keys", { label: "on-ramp test" }, bearer(token))).json();
    await chain.write(merchant, { address: chain.addresses.PaymentEscrow, abi: paymentEscrowAbi, functionName: "setSigner", args: [operator, true] });
    const paymentSession = await (await json("/v1/payment_sessions", { token: chain.addresses.DevStablecoin, amount: "15000000" }, bearer(key))).json();
    expect(paymentSession.id).toMatch(/^0x[0-9a-f]{64}$/);

    const wrongAmount = await json("/v1/onramp/sessions", { provider: "simulated", paymentSessionId: paymentSession.id, beneficiary: backer, amount: "1" });
    expect(wrongAmount.status).toBe(400);
    const created = await session({ provider: "simulated", paymentSessionId: paymentSession.id, beneficiary: backer });
    expect(await order(created.orderId)).toMatchObject({ kind: "payment", amount: "15000000", fiatAmount: "15.00" });
    // A card is charged at most once per session: a second checkout is refused while one is under way.
    const again = await json("/v1/onramp/sessions", { provider: "simulated", paymentSessionId: paymentSession.id, beneficiary: backer });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: "CONFLICT", details: { orderId: created.orderId } } });
    await indexer.request(`/onramp/simulated/checkout/${created.orderId}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "outcome=paid" });
    const settled = await untilStatus(created.orderId, "settled");
    expect(await chain.public.readContract({ address: chain.addresses.PaymentEscrow, abi: paymentEscrowAbi, functionName: "onrampRefUsed", args: [settled.onrampRef] })).toBe(true);
    const linked = await waitFor(async () => (await indexer.graphql(`query ($id: ID!) { onrampOrder(id: $id) { contribution { id } payment { id payer amount onrampRef txHash } } }`, { id: created.orderId })).onrampOrder.payment ?? undefined, "the payment to be indexed", 60_000, 100);
    expect(linked).toEqual({ id: paymentSession.id, payer: backer, amount: "15000000", onrampRef: settled.onrampRef, txHash: settled.txHash });
    // ...and refused once the session is paid.
    const paid = await json("/v1/onramp/sessions", { provider: "simulated", paymentSessionId: paymentSession.id, beneficiary: backer });
    expect(paid.status).toBe(409);

    // A declined card payment: the merchant's session shows the on-ramp failure.
    const second = await (await json("/v1/payment_sessions", { token: chain.addresses.DevStablecoin, amount: "2000000" }, bearer(key))).json();
    const declined = await session({ provider: "simulated", paymentSessionId: second.id, beneficiary: backer });
    await indexer.request(`/onramp/simulated/checkout/${declined.orderId}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "outcome=failed" });
    expect((await order(declined.orderId)).status).toBe("failed");
    expect((await (await indexer.request(`/v1/payment_sessions/${second.id}`)).json()).status).toBe("failed");
  });

  it("killed (SIGKILL) with a settlement in flight and restarted: the order settles exactly once", async () => {
    const created = await session({ provider: "simulated", campaign: erc20Campaign, beneficiary: backer, amount: "7000000" });
    // Transactions now wait in the mempool: the relayer signs, commits "submitted", sends, and waits.
    await chain.test.setAutomine(false);
    await indexer.request(`/onramp/simulated/checkout/${created.orderId}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "outcome=paid" });
    const submitted = await untilStatus(created.orderId, "submitted");
    expect(submitted.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    await indexer.stop("SIGKILL");
    // The transaction the dead process sent is mined while it is down.
    await chain.test.mine({ blocks: 1 });
    await chain.test.setAutomine(true);

    // While it is down (PGlite is one process's database), read the callback audit log.
    const audit = await queryOffchain<{ verdict: string; order_id: string | null; headers: Record<string, string> | string }>(
      indexer,
      "SELECT verdict, order_id, headers FROM onramp_callbacks ORDER BY id",
    );
    const verdicts = new Set(audit.map((row) => row.verdict));
    for (const verdict of ["accepted", "duplicate", "ignored", "bad_signature", "malformed", "unknown_order"]) expect(verdicts).toContain(verdict);
    expect(audit.find((row) => row.verdict === "unknown_order")!.order_id).toBe("ord_doesnotexist");
    for (const row of audit) expect(Object.keys(typeof row.headers === "string" ? JSON.parse(row.headers) : row.headers)).not.toContain("authorization");

    await indexer.start();
    const settled = await expectSettledAndLinked(created.orderId, 7_000_000n, erc20Campaign);
    expect(settled.txHash).toBe(submitted.txHash);
    expect(settled.steps.filter((step: { status: string }) => step.status === "submitted")).toHaveLength(1);

    // Every order this suite settled is on-chain exactly once.
    for (const { campaign, onrampRef } of settledRefs) expect(await contributedWithRef(chain, campaign, onrampRef)).toHaveLength(1);
  });
});
