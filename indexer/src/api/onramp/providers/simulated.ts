// The simulated provider, so the whole flow runs offline: its checkout is a page of this API
// (GET /onramp/simulated/checkout/:orderId) whose button makes the server send a callback signed
// like a real provider's. Its callback format, the one documentation of it:
//   X-Simulated-Signature: hex HMAC-SHA256 of the raw body with SIMULATED_ONRAMP_SECRET
//   {"event": "payment.succeeded" | "payment.failed", "eventId": "...", "orderId": "ord_...",
//    "reference": "sim_...", "amount": "25.00", "currency": "USD", "reason"?: "..."}
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Config } from "../../config.js";
import { FIAT_AMOUNT, toMinor } from "../fiat.js";
import { hmacHex } from "../hmac.js";
import type { Order } from "../orders.js";
import type { Provider } from "./types.js";

/** Only on the local chain: any other chain needs SIMULATED_ONRAMP_SECRET set explicitly. */
export const DEV_SIMULATED_SECRET = "crowdstake-local-simulated-onramp-secret";

export function simulatedSecret(config: Config): string | undefined {
  return config.SIMULATED_ONRAMP_SECRET ?? (config.isLocalChain ? DEV_SIMULATED_SECRET : undefined);
}

const callback = z.object({
  event: z.enum(["payment.succeeded", "payment.failed"]),
  eventId: z.string().min(1),
  orderId: z.string().min(1),
  reference: z.string().min(1),
  amount: z.string().regex(FIAT_AMOUNT),
  currency: z.string().regex(/^[A-Z]{3}$/),
  reason: z.string().optional(),
});

/** The callback the simulated provider sends for an order: the raw body and its signature. */
export function simulatedCallback(secret: string, order: Order, outcome: "paid" | "failed"): { body: string; signature: string } {
  const body = JSON.stringify({
    event: outcome === "paid" ? "payment.succeeded" : "payment.failed",
    eventId: `evt_${randomUUID()}`,
    orderId: order.id,
    reference: `sim_${order.id}`,
    amount: order.fiatAmount,
    currency: order.fiatCurrency,
    ...(outcome === "failed" ? { reason: "card declined (simulated)" } : {}),
  });
  return { body, signature: hmacHex(secret, body) };
}

export function simulated(config: Config): Provider {
  return {
    name: "simulated",
    signatureHeader: "x-simulated-signature",
    callbackSecret: () => simulatedSecret(config),
    configured: () => simulatedSecret(config) !== undefined,
    async createCheckout({ order }) {
      return { checkoutUrl: `${config.PUBLIC_API_URL}/onramp/simulated/checkout/${order.id}`, providerRef: `sim_${order.id}` };
    },
    parseCallback(body) {
      const parsed = callback.safeParse(body);
      if (!parsed.success) return undefined;
      const event = parsed.data;
      return {
        orderId: event.orderId,
        outcome: event.event === "payment.succeeded" ? "paid" : "failed",
        eventId: event.eventId,
        providerRef: event.reference,
        paidMinor: toMinor(event.amount),
        currency: event.currency,
        reason: event.reason ?? (event.event === "payment.failed" ? "simulated payment failed" : undefined),
      };
    },
  };
}
