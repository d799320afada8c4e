// Razorpay Payment Links. Checkout: POST {RAZORPAY_API_URL}/v1/payment_links (basic auth
// key_id:key_secret) with reference_id = our order id; the link's short_url is the checkout.
// Callbacks (account webhooks): X-Razorpay-Signature = hex HMAC-SHA256 of the raw body with the
// webhook secret; events `payment_link.paid` (payload.payment_link.entity.reference_id) and
// `payment.failed` / `payment_link.expired` / `payment_link.cancelled` (the link's notes carry
// our order id, and Razorpay copies them to the link's payments).
import { z } from "zod";
import type { Config } from "../../config.js";
import { ApiError } from "../../http/errors.js";
import { toMinor } from "../fiat.js";
import type { Provider } from "./types.js";

const notes = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).nullish();
const orderIdIn = (value: z.infer<typeof notes>) =>
  value && !Array.isArray(value) && typeof value.crowdstake_order_id === "string" ? value.crowdstake_order_id : undefined;

const event = z.object({
  entity: z.literal("event"),
  event: z.string(),
  payload: z.object({
    payment_link: z.object({
      entity: z.object({
        id: z.string(),
        reference_id: z.string().nullish(),
        amount: z.number().int(),
        amount_paid: z.number().int().nullish(),
        currency: z.string(),
        status: z.string(),
        notes,
      }),
    }).optional(),
    payment: z.object({
      entity: z.object({
        id: z.string(),
        amount: z.number().int(),
        currency: z.string(),
        status: z.string(),
        notes,
        error_code: z.string().nullish(),
        error_description: z.string().nullish(),
      }),
    }).optional(),
  }),
});

const linkResponse = z.object({ id: z.string(), short_url: z.string().url() });

export function razorpay(config: Config): Provider {
  return {
    name: "razorpay",
    signatureHeader: "x-razorpay-signature",
    callbackSecret: () => config.RAZORPAY_WEBHOOK_SECRET,
    configured: () => Boolean(config.RAZORPAY_KEY_ID && config.RAZORPAY_KEY_SECRET && config.RAZORPAY_WEBHOOK_SECRET),
    async createCheckout({ order }) {
      const auth = Buffer.from(`${config.RAZORPAY_KEY_ID}:${config.RAZORPAY_KEY_SECRET}`).toString("base64");
      const amount = toMinor(order.fiatAmount);
      let response: Response;
      try {
        response = await fetch(new URL("/v1/payment_links", config.RAZORPAY_API_URL), {
          method: "POST",
          headers: { authorization: `Basic ${auth}`, "content-type": "application/json" },
          body: JSON.stringify({
            amount: Number(amount),
            currency: order.fiatCurrency,
            accept_partial: false,
            reference_id: order.id,
            description: order.kind === "contribution" ? `Contribution to campaign ${order.campaign}` : `Payment ${order.paymentSessionId}`,
            notes: { crowdstake_order_id: order.id },
            callback_url: `${config.WEB_URL}/onramp/${order.id}`,
            callback_method: "get",
          }),
          signal: AbortSignal.timeout(15_000),
        });
      } catch (error) {
        throw new ApiError("UPSTREAM_ERROR", "Razorpay could not be reached", { reason: (error as Error).message });
      }
      const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; description?: string } } | undefined;
      const link = linkResponse.safeParse(body);
      if (!response.ok || !link.success) {
        throw new ApiError("UPSTREAM_ERROR", "Razorpay refused the payment link", {
          status: response.status,
          code: body?.error?.code,
          description: body?.error?.description,
        });
      }
      return { checkoutUrl: link.data.short_url, providerRef: link.data.id };
    },
    parseCallback(body) {
      const parsed = event.safeParse(body);
      if (!parsed.success) return undefined;
      const { event: name, payload } = parsed.data;
      const link = payload.payment_link?.entity;
      const payment = payload.payment?.entity;
      if (name === "payment_link.paid" && link) {
        return {
          orderId: link.reference_id ?? orderIdIn(link.notes),
          outcome: "paid",
          providerRef: link.id,
          paidMinor: BigInt(link.amount_paid ?? link.amount),
          currency: link.currency,
        };
      }
      if ((name === "payment_link.expired" || name === "payment_link.cancelled") && link) {
        return { orderId: link.reference_id ?? orderIdIn(link.notes), outcome: "failed", providerRef: link.id, reason: `razorpay ${name}` };
      }
      if (name === "payment.failed" && payment) {
        return {
          orderId: orderIdIn(payment.notes),
          outcome: "failed",
          reason: `razorpay payment ${payment.id} failed: ${payment.error_code ?? "unknown"} ${payment.error_description ?? ""}`.trim(),
        };
      }
      if (name.startsWith("payment_link.") && !link) return undefined;
      if (name.startsWith("payment.") && !payment) return undefined;
      return { orderId: link?.reference_id ?? orderIdIn(link?.notes ?? payment?.notes), outcome: "other" };
    },
  };
}
