// The off-chain payment statuses of DESIGN.md, derived from the escrow's on-chain state, the
// chain head and the confirmation threshold. GraphQL, payment sessions and the webhook worker
// all use this one function, so a merchant's webhook says what the API says.
export type OnchainPaymentState = "held" | "disputed" | "released" | "refunded" | "resolved";

export type PaymentStatus =
  | "pending" // session created, unpaid
  | "expired" // session past its deadline, or its intent cancelled, unpaid
  | "detected" // paid (held or settled at once), under CONFIRMATIONS blocks deep
  | "confirmed" // held in escrow, at least CONFIRMATIONS blocks deep
  | "settled" // released to the merchant, at least CONFIRMATIONS blocks deep
  | "refunded"
  | "disputed"
  | "resolved"
  | "failed"; // the on-ramp order behind it failed

export interface PaymentState {
  state: OnchainPaymentState;
  /** Block of the PaymentReceived event. */
  createdBlock: bigint;
}

/** How many blocks deep `block` is at `head` (the block itself counts as one). */
export function confirmationsOf(block: bigint, head: bigint): number {
  return head < block ? 0 : Number(head - block + 1n);
}

export function paymentStatus(payment: PaymentState, head: bigint, confirmations: number): PaymentStatus {
  const deep = confirmationsOf(payment.createdBlock, head) >= confirmations;
  switch (payment.state) {
    case "held":
      return deep ? "confirmed" : "detected";
    case "released":
      return deep ? "settled" : "detected";
    case "disputed":
    case "refunded":
    case "resolved":
      return payment.state;
  }
}

/** Status of a payment session: its payment's if paid, else pending, expired or failed. */
export function sessionStatus(
  session: { expiresAt: Date; cancelled: boolean; onrampFailed: boolean },
  payment: PaymentState | undefined,
  head: bigint,
  confirmations: number,
  now: Date = new Date(),
): PaymentStatus {
  if (payment) return paymentStatus(payment, head, confirmations);
  if (session.onrampFailed) return "failed";
  if (session.cancelled || now.getTime() >= session.expiresAt.getTime()) return "expired";
  return "pending";
}
