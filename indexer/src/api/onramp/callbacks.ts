// One provider callback: verified over the RAW body, audited whatever its verdict, and applied
// to its order in the same transaction as its audit row, so the new state is committed before
// the 2xx. Bad input (401/400) never touches an order.
//
// An unknown order gets 200 {"status":"unknown_order"}, not a 404: provider webhooks are
// account-wide (Razorpay sends every payment link of the account, Mercuryo every transaction of
// the widget), so a signed event for an order we never created is normal traffic. A non-2xx
// would be retried for days (Mercuryo: 3 days) and Razorpay disables a webhook that keeps
// failing, which would stop our real orders' callbacks too. The audit log keeps the event.
import type { Sql } from "../store/db.js";
import { ApiError } from "../http/errors.js";
import type { ApiContext } from "../module.js";
import { toMinor } from "./fiat.js";
import { verifyHmacHex } from "./hmac.js";
import { findOrder, transition, type Order } from "./orders.js";
import type { Provider, ProviderEvent } from "./providers/types.js";

export type Verdict = "accepted" | "duplicate" | "ignored" | "bad_signature" | "malformed" | "unknown_order";

/** Headers kept for audit: routing and identification, never credentials (no Authorization, no cookies). */
const AUDITED = ["content-type", "content-length", "user-agent", "x-forwarded-for", "x-request-id", "x-razorpay-event-id"];

export function auditHeaders(headers: Headers, provider: Provider): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of [...AUDITED, provider.signatureHeader]) {
    const value = headers.get(name);
    if (value !== null) kept[name] = value.slice(0, 512);
  }
  return kept;
}

async function audit(
  sql: Sql,
  provider: Provider,
  headers: Record<string, string>,
  raw: string,
  verdict: Verdict,
  orderId?: string,
  eventId?: string,
): Promise<void> {
  await sql.query("INSERT INTO onramp_callbacks (provider, headers, raw_body, verdict, order_id, event_id) VALUES ($1, $2, $3, $4, $5, $6)", [
    provider.name,
    JSON.stringify(headers),
    raw,
    verdict,
    orderId ?? null,
    eventId ?? null,
  ]);
}

/** What a verified event does to its order (inside the order's row lock). */
async function apply(tx: Sql, order: Order, event: ProviderEvent): Promise<Verdict> {
  if (event.outcome === "paid") {
    // A payment the provider reports after a provider-side failure (e.g. Razorpay: a failed
    // attempt, then a successful retry on the same link) still pays the order, unless the
    // relayer already acted on it.
    const providerFailed = order.error === "PaymentFailed" || order.error === "CheckoutFailed";
    const payable = order.status === "received" || (order.status === "failed" && providerFailed && order.txHash === null && order.attempts === 0);
    if (!payable) return order.status === "failed" ? "ignored" : "duplicate";
    const currencyOk = event.currency === undefined || event.currency.toUpperCase() === order.fiatCurrency;
    const amountOk = event.paidMinor === undefined || event.paidMinor >= toMinor(order.fiatAmount);
    if (!currencyOk || !amountOk) {
      await transition(tx, order.id, {
        status: "failed",
        error: "AmountMismatch",
        detail: `paid ${event.paidMinor ?? "?"} minor units of ${event.currency ?? "?"}, expected ${toMinor(order.fiatAmount)} of ${order.fiatCurrency}`,
      }, { providerRef: event.providerRef });
      return "accepted";
    }
    await transition(tx, order.id, { status: "paid", detail: event.eventId ? `provider event ${event.eventId}` : null }, { providerRef: event.providerRef });
    return "accepted";
  }
  if (event.outcome === "failed") {
    if (order.status === "failed") return "duplicate";
    if (order.status !== "received") return "ignored";
    await transition(tx, order.id, { status: "failed", error: "PaymentFailed", detail: event.reason ?? null }, { providerRef: event.providerRef });
    return "accepted";
  }
  return "ignored";
}

export interface CallbackAnswer {
  verdict: Verdict;
  orderId?: string;
}

export async function handleCallback(api: ApiContext, provider: Provider, raw: string, headers: Headers): Promise<CallbackAnswer> {
  const secret = provider.callbackSecret();
  if (!secret) throw new ApiError("NOT_CONFIGURED", `the ${provider.name} provider is not configured`);
  const kept = auditHeaders(headers, provider);
  if (!verifyHmacHex(secret, raw, headers.get(provider.signatureHeader) ?? undefined)) {
    await audit(api.store, provider, kept, raw, "bad_signature");
    throw new ApiError("UNAUTHORIZED", `missing or invalid ${provider.signatureHeader} signature`);
  }
  let event: ProviderEvent | undefined;
  try {
    event = provider.parseCallback(JSON.parse(raw));
  } catch {
    event = undefined;
  }
  if (!event) {
    await audit(api.store, provider, kept, raw, "malformed");
    throw new ApiError("INVALID_REQUEST", `the body is not a ${provider.name} callback`);
  }
  const eventId = event.eventId ?? kept["x-razorpay-event-id"];
  const orderId = event.orderId;
  if (orderId === undefined) {
    await audit(api.store, provider, kept, raw, "ignored", undefined, eventId);
    return { verdict: "ignored" };
  }
  const verdict = await api.store.transaction(async (tx) => {
    const order = await findOrder(tx, orderId, true);
    const outcome: Verdict = !order || order.provider !== provider.name ? "unknown_order" : await apply(tx, order, event);
    await audit(tx, provider, kept, raw, outcome, orderId, eventId);
    return outcome;
  });
  api.log.info({ provider: provider.name, orderId, verdict, eventId }, "on-ramp callback");
  return { verdict, orderId };
}
