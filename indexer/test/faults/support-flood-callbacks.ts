// The callback flood's traffic: a bounded-concurrency runner, a seeded shuffle, and for an order
// its provider's "paid" callback in that provider's wire format and signature scheme, plus the
// ways a callback can be forged (bad signature) or broken (signed but malformed).
import type { Address } from "viem";
import { SECRETS, SIMULATED_SECRET, hmac, mercuryoCallback, razorpayLinkPaid } from "../onramp-support.js";

export type FloodProvider = "simulated" | "mercuryo" | "razorpay";

export interface Callback {
  path: string;
  body: string;
  headers: Record<string, string>;
}

const SIGNATURE_HEADER: Record<FloodProvider, string> = {
  simulated: "x-simulated-signature",
  mercuryo: "x-signature",
  razorpay: "x-razorpay-signature",
};
const SECRET: Record<FloodProvider, string> = {
  simulated: SIMULATED_SECRET,
  mercuryo: SECRETS.MERCURYO_SIGN_KEY,
  razorpay: SECRETS.RAZORPAY_WEBHOOK_SECRET,
};



export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
  return items;
}

function signed(provider: FloodProvider, body: string, extra: Record<string, string> = {}): Callback {
  return { path: `/onramp/${provider}/callback`, body, headers: { [SIGNATURE_HEADER[provider]]: hmac(SECRET[provider], body), ...extra } };
}

/** The provider's "paid" callback for an order of `fiatAmount` USD (razorpay: its payment link). */
export function paidCallback(
  provider: FloodProvider,
  order: { orderId: string; fiatAmount: string; link?: Record<string, unknown> },
  operator: Address,
  serial: number,
): Callback {
  if (provider === "mercuryo") return signed(provider, mercuryoCallback(order.orderId, "paid", order.fiatAmount, "USD", operator));
  if (provider === "razorpay") return signed(provider, razorpayLinkPaid(order.link!), { "x-razorpay-event-id": `evt_flood_${serial}` });
  const body = JSON.stringify({
    event: "payment.succeeded", eventId: `evt_flood_${serial}`, orderId: order.orderId, reference: `sim_${order.orderId}`,
    amount: order.fiatAmount, currency: "USD",
  });
  return signed(provider, body);
}

/** Five ways a signature fails: absent, another secret, the body changed after signing, cut short, not hex. */
export function forged(callback: Callback, provider: FloodProvider, variant: number): Callback {
  const header = SIGNATURE_HEADER[provider];
  const { [header]: signature, ...rest } = callback.headers;
  switch (variant % 5) {
    case 0:
      return { ...callback, headers: rest };
    case 1:
      return { ...callback, headers: { ...rest, [header]: hmac(`${SECRET[provider]}-rotated`, callback.body) } };
    case 2:
      return { ...callback, body: callback.body.replace(/"USD"/, '"EUR"') + " ", headers: callback.headers };
    case 3:
      return { ...callback, headers: { ...rest, [header]: signature!.slice(0, 63) } };
    default:
      return { ...callback, headers: { ...rest, [header]: "z".repeat(64) } };
  }
}

/** Correctly signed bodies that are not the provider's callback: each must get 400 and be audited "malformed". */
export function malformed(provider: FloodProvider, orderId: string, variant: number): Callback {
  const shapes: Record<FloodProvider, string[]> = {
    simulated: [`{"event":"payment.succeeded","orderId":"${orderId}"}`, `{"event":"refund","eventId":"e","orderId":"${orderId}","reference":"r","amount":"1.00","currency":"USD"}`],
    mercuryo: [`{"data":{"merchant_transaction_id":"${orderId}"}}`, `{"eventId":"e","data":{"id":"","type":"buy","status":"paid","merchant_transaction_id":"${orderId}"}}`],
    razorpay: ['{"entity":"event","event":"payment_link.paid","payload":{}}', `{"entity":"event","event":"payment_link.paid","payload":{"payment_link":{"entity":{"id":"plink_x","reference_id":"${orderId}","amount":"100","currency":"USD","status":"paid"}}}}`],
  };
  const bodies = [`{"orderId":"${orderId}"`, "[]", "null", "", ...shapes[provider]];
  return signed(provider, bodies[variant % bodies.length]!);
}
