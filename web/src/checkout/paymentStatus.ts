// The off-chain payment statuses of DESIGN.md as people read them: a label, a badge tone and
// where a status sits on the checkout's way from "pending" to "paid". Shared by the hosted
// checkout and the merchant dashboard so both say the same thing.
export type PaymentStatus =
  | "pending"
  | "expired"
  | "detected"
  | "confirmed"
  | "settled"
  | "refunded"
  | "disputed"
  | "resolved"
  | "failed";

export type Tone = "ok" | "warn" | "bad" | "neutral";

const VIEWS: Record<PaymentStatus, { label: string; tone: Tone }> = {
  pending: { label: "Awaiting payment", tone: "neutral" },
  expired: { label: "Expired", tone: "bad" },
  detected: { label: "Detected", tone: "warn" },
  confirmed: { label: "Confirmed", tone: "ok" },
  settled: { label: "Settled", tone: "ok" },
  refunded: { label: "Refunded", tone: "warn" },
  disputed: { label: "Disputed", tone: "bad" },
  resolved: { label: "Resolved", tone: "neutral" },
  failed: { label: "Failed", tone: "bad" },
};

export function statusView(status: string): { label: string; tone: Tone } {
  return VIEWS[status as PaymentStatus] ?? { label: status, tone: "neutral" };
}

/** Deep enough that the payer's money is in the merchant's hands: time to send them back. */
export function isPaidAndConfirmed(status: string): boolean {
  return status === "confirmed" || status === "settled";
}

/** The chain has the payment (possibly not yet deep enough). */
export function isPaid(status: string): boolean {
  return status === "detected" || isPaidAndConfirmed(status);
}

/** Nothing will change any more without someone acting: the checkout can stop polling. */
export function isFinal(status: string): boolean {
  return status === "settled" || status === "refunded" || status === "resolved" || status === "failed";
}
