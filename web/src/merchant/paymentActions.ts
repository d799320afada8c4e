// What can be done to an escrowed payment now, by whom (PaymentEscrow):
// - release: while held; the merchant any time, anyone else from releaseAt;
// - refund: the merchant only, while held or disputed, up to what is still held;
// - a dispute is opened by the payer before releaseAt and freezes the payment: the merchant can
//   no longer release it, only refund (in full or in part); an arbiter resolves it.
export interface EscrowedPayment {
  /** held | disputed | released | refunded | resolved */
  state: string;
  amount: bigint;
  refundedAmount: bigint;
  releaseAt: bigint;
}

export interface PaymentActions {
  release: boolean;
  refund: boolean;
  /** what a refund may take at most (what the escrow still holds) */
  held: bigint;
  /** the payer may still open a dispute */
  disputeWindowOpen: boolean;
  /** anyone (not only the merchant) may release it */
  releasableByAnyone: boolean;
}

export function paymentActions(payment: EscrowedPayment, caller: { isMerchant: boolean; now: bigint }): PaymentActions {
  const open = payment.state === "held" || payment.state === "disputed";
  const held = open ? payment.amount - payment.refundedAmount : 0n;
  const matured = caller.now >= payment.releaseAt;
  return {
    release: payment.state === "held" && held > 0n && (caller.isMerchant || matured),
    refund: open && held > 0n && caller.isMerchant,
    held,
    disputeWindowOpen: payment.state === "held" && !matured,
    releasableByAnyone: payment.state === "held" && matured,
  };
}
