// Mercuryo (widget integration). Checkout: the widget URL, signed as Mercuryo's docs say:
// signature = "v2:" + hex sha512(address + secret + ip + merchant_transaction_id), with the
// address and merchant_transaction_id also in the URL. Mercuryo delivers the crypto to the
// operator (`address`), which then settles the order on-chain for the beneficiary.
// Callbacks: X-Signature = hex HMAC-SHA256 of the raw JSON body with the widget's sign key;
// body {"eventId", "data": {"id", "type", "status", "merchant_transaction_id", "fiat_amount",
// "fiat_currency", ...}}.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Config } from "../../config.js";
import { toMinor } from "../fiat.js";
import type { Provider } from "./types.js";

const PAID = new Set(["paid", "completed", "succeeded"]);
const FAILED = new Set(["failed", "cancelled", "order_failed", "descriptor_failed", "rejected"]);

const callback = z.object({
  eventId: z.string().optional(),
  data: z.object({
    id: z.string().min(1),
    type: z.string(),
    status: z.string(),
    merchant_transaction_id: z.string().nullish(),
    fiat_amount: z.string().regex(/^\d+(\.\d+)?$/).nullish(),
    fiat_currency: z.string().nullish(),
  }),
});

export function widgetSignature(address: string, secret: string, ip: string, merchantTransactionId: string): string {
  return `v2:${createHash("sha512").update(`${address}${secret}${ip}${merchantTransactionId}`).digest("hex")}`;
}

export function mercuryo(config: Config): Provider {
  return {
    name: "mercuryo",
    signatureHeader: "x-signature",
    callbackSecret: () => config.MERCURYO_SIGN_KEY,
    configured: () => Boolean(config.MERCURYO_WIDGET_ID && config.MERCURYO_SECRET && config.MERCURYO_SIGN_KEY),
    async createCheckout({ order, clientIp, operator }) {
      const url = new URL(config.MERCURYO_WIDGET_URL);
      const address = operator.toLowerCase();
      url.searchParams.set("widget_id", config.MERCURYO_WIDGET_ID!);
      url.searchParams.set("type", "buy");
      url.searchParams.set("currency", config.MERCURYO_CURRENCY);
      url.searchParams.set("fiat_currency", order.fiatCurrency);
      url.searchParams.set("fiat_amount", order.fiatAmount);
      url.searchParams.set("address", address);
      url.searchParams.set("merchant_transaction_id", order.id);
      url.searchParams.set("redirect_url", `${config.WEB_URL}/onramp/${order.id}`);
      url.searchParams.set("signature", widgetSignature(address, config.MERCURYO_SECRET!, clientIp, order.id));
      return { checkoutUrl: url.toString() };
    },
    parseCallback(body) {
      const parsed = callback.safeParse(body);
      if (!parsed.success) return undefined;
      const { data, eventId } = parsed.data;
      const status = data.status.toLowerCase();
      return {
        orderId: data.type === "buy" ? (data.merchant_transaction_id ?? undefined) : undefined,
        outcome: PAID.has(status) ? "paid" : FAILED.has(status) ? "failed" : "other",
        eventId,
        providerRef: data.id,
        paidMinor: data.fiat_amount ? toMinor(data.fiat_amount) : undefined,
        currency: data.fiat_currency ?? undefined,
        reason: FAILED.has(status) ? `mercuryo status ${status}` : undefined,
      };
    },
  };
}
