// The on-ramp's REST routes: create a checkout (POST /v1/onramp/sessions), receive provider
// callbacks (POST /onramp/:provider/callback), and the simulated provider's checkout page.
import type { Hono } from "hono";
import { z } from "zod";
import { isAddress, isHex, maxUint256, type Address, type Hex } from "viem";
import { ApiError } from "../http/errors.js";
import { clientIp } from "../http/basics.js";
import { readJson } from "../http/validate.js";
import type { ApiContext, ApiEnv } from "../module.js";
import { handleCallback } from "./callbacks.js";
import { FIAT_AMOUNT, toMinor } from "./fiat.js";
import { ORDER_ID, findOrder, insertOrder, newOrderId, onrampRefOf, setProviderRef, transition } from "./orders.js";
import type { Provider, ProviderName } from "./providers/types.js";
import { checkoutPage, completedPage } from "./simulated-page.js";
import { simulatedCallback } from "./providers/simulated.js";
import { campaignTarget, paymentTarget } from "./targets.js";

const address = z.string().refine((value) => isAddress(value, { strict: false }), "must be a 0x-prefixed 20-byte address");
const bytes32 = z.string().refine((value) => isHex(value) && value.length === 66, "must be a 0x-prefixed 32-byte hex id");
const baseUnits = z
  .string()
  .regex(/^[1-9]\d{0,77}$/, "must be a positive integer in base units, as a decimal string")
  // zod runs this even when the regex failed: BigInt() must only see digits.
  .refine((value) => !/^\d+$/.test(value) || BigInt(value) <= maxUint256, "must fit in 256 bits");

const sessionBody = z
  .object({
    provider: z.enum(["mercuryo", "razorpay", "simulated"]),
    campaign: address.optional(),
    paymentSessionId: bytes32.optional(),
    beneficiary: address,
    amount: baseUnits.optional(),
    fiat: z.object({ amount: z.string().regex(FIAT_AMOUNT, "must be a decimal with at most 2 decimals"), currency: z.string().regex(/^[A-Z]{3}$/) }).optional(),
  })
  .strict()
  .refine((body) => (body.campaign === undefined) !== (body.paymentSessionId === undefined), { message: "give exactly one of campaign or paymentSessionId", path: ["campaign"] })
  .refine((body) => body.campaign === undefined || body.amount !== undefined, { message: "required for a campaign", path: ["amount"] });

export function onrampRoutes(api: ApiContext, providers: Record<ProviderName, Provider>, operator: Address) {
  return (app: Hono<ApiEnv>) => {
    const providerOf = (name: string): Provider => {
      // Own keys only: "__proto__" or "constructor" must not reach a provider method.
      const provider = Object.hasOwn(providers, name) ? providers[name as ProviderName] : undefined;
      if (!provider) throw new ApiError("NOT_FOUND", `no on-ramp provider ${name}`);
      return provider;
    };

    app.post("/v1/onramp/sessions", async (c) => {
      const body = await readJson(c, sessionBody);
      const provider = providers[body.provider];
      if (!provider.configured()) throw new ApiError("NOT_CONFIGURED", `the ${body.provider} provider is not configured on this server`);
      const beneficiary = body.beneficiary.toLowerCase() as Address;
      const amount = body.amount === undefined ? undefined : BigInt(body.amount);
      const target = body.campaign
        ? await campaignTarget(api, body.campaign.toLowerCase() as Address, amount!)
        : await paymentTarget(api, body.paymentSessionId!.toLowerCase() as Hex, beneficiary, amount);
      const par = target.parFiatAmount ? { amount: target.parFiatAmount, currency: api.config.ONRAMP_FIAT_CURRENCY } : undefined;
      // A stablecoin is priced at par: a client-named price may only repeat it (else a card
      // charged 0.01 would have the operator pay the whole amount on-chain).
      if (body.fiat && par && (body.fiat.currency !== par.currency || toMinor(body.fiat.amount) !== toMinor(par.amount))) {
        throw new ApiError("INVALID_REQUEST", "this asset is priced at par: leave out fiat or give its par price", { fields: { fiat: `${par.amount} ${par.currency}` } });
      }
      const fiat = body.fiat ?? par;
      if (!fiat) throw new ApiError("INVALID_REQUEST", "this asset has no par price: give fiat {amount, currency}", { fields: { fiat: "required" } });
      if (toMinor(fiat.amount) <= 0n) throw new ApiError("INVALID_REQUEST", "the fiat amount must be positive", { fields: { "fiat.amount": "must be > 0" } });

      const id = newOrderId();
      const fields = { id, provider: provider.name, kind: target.kind, campaign: target.campaign, paymentSessionId: target.paymentSessionId, beneficiary, amount: target.amount };
      const order = { ...fields, asset: target.asset, fiatAmount: fiat.amount, fiatCurrency: fiat.currency, onrampRef: onrampRefOf(api.config.PONDER_CHAIN_ID, fields) };
      // Stored (committed) before the provider hears of it: every callback finds its order.
      await api.store.transaction((tx) => insertOrder(tx, order));
      const stored = (await findOrder(api.store, id))!;
      try {
        const checkout = await provider.createCheckout({ order: stored, clientIp: clientIp(c, api.config.TRUST_PROXY === "on"), operator });
        if (checkout.providerRef) await setProviderRef(api.store, id, checkout.providerRef);
        return c.json({ orderId: id, checkoutUrl: checkout.checkoutUrl, provider: provider.name, status: "received", onrampRef: order.onrampRef }, 201);
      } catch (error) {
        const reason = error instanceof ApiError ? error.message : (error as Error).message;
        await api.store.transaction((tx) => transition(tx, id, { status: "failed", error: "CheckoutFailed", detail: reason }));
        throw error instanceof ApiError ? error : new ApiError("UPSTREAM_ERROR", `the ${provider.name} checkout could not be created`);
      }
    });

    app.post("/onramp/:provider/callback", async (c) => {
      const provider = providerOf(c.req.param("provider"));
      const raw = await c.req.text();
      const answer = await handleCallback(api, provider, raw, c.req.raw.headers);
      // 200 for every verified event, our order or not: see callbacks.ts for why.
      return c.json({ status: answer.verdict, ...(answer.orderId ? { orderId: answer.orderId } : {}) }, 200);
    });

    const simulatedOrder = async (id: string) => {
      const provider = providers.simulated;
      if (!provider.configured()) throw new ApiError("NOT_CONFIGURED", "the simulated provider is not configured on this server");
      // Not an id we issue (newOrderId): never sent to the database (a NUL there is a 500).
      if (!ORDER_ID.test(id)) throw new ApiError("NOT_FOUND", "no simulated order with that id");
      const order = await findOrder(api.store, id);
      if (!order || order.provider !== "simulated") throw new ApiError("NOT_FOUND", `no simulated order ${id}`);
      return order;
    };

    app.get("/onramp/simulated/checkout/:orderId", async (c) => c.html(checkoutPage(await simulatedOrder(c.req.param("orderId")))));

    // The page's button: the simulated provider sends its signed callback, as a real one would.
    app.post("/onramp/simulated/checkout/:orderId", async (c) => {
      const order = await simulatedOrder(c.req.param("orderId"));
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const outcome = form.outcome === "failed" ? "failed" : form.outcome === "paid" ? "paid" : undefined;
      if (!outcome) throw new ApiError("INVALID_REQUEST", "outcome must be paid or failed", { fields: { outcome: "must be paid or failed" } });
      const { body, signature } = simulatedCallback(providers.simulated.callbackSecret()!, order, outcome);
      const response = await app.request("/onramp/simulated/callback", {
        method: "POST",
        headers: { "content-type": "application/json", "x-simulated-signature": signature, "user-agent": "crowdstake-simulated-provider" },
        body,
      });
      const answer = (await response.json()) as { status?: string };
      return c.html(completedPage(order, outcome, response.status, answer.status ?? "error"), response.status === 200 ? 200 : 502);
    });
  };
}
