// Turns what a wallet or the chain threw into something a person can read: the contract's
// custom error by name (decoded by viem from the ABI), a rejected signature, or a short
// fallback. A rejected signature is not an error: callers show it as "cancelled".
import { BaseError, ContractFunctionRevertedError, UserRejectedRequestError } from "viem";

export type Failure = { kind: "rejected"; message: string } | { kind: "reverted" | "failed"; message: string; errorName?: string };

const MESSAGES: Record<string, string> = {
  AboveMaxPerBacker: "That would take you over this campaign's limit per backer.",
  AlreadyClaimed: "You have already claimed your tokens.",
  AlreadyPaid: "This payment has already been paid.",
  AlreadyWithdrawn: "The funds have already been withdrawn.",
  BelowMinContribution: "The amount is below this campaign's minimum contribution.",
  CannotCancel: "This campaign can no longer be cancelled.",
  CapExceeded: "That would take the campaign past its cap. Try a smaller amount.",
  CooldownActive: "Your cooldown has not ended yet.",
  CooldownNotEnabled: "This pool has no cooldown: withdraw directly.",
  DisputeWindowClosed: "The window for disputes on this payment has closed.",
  EnforcedPause: "This pool is paused at the moment.",
  ExceedsHeld: "That is more than the escrow still holds for this payment.",
  GoalNotReached: "The campaign has not reached its goal.",
  IncorrectValue: "The amount sent does not match.",
  InsufficientBalance: "You have less than that available.",
  IntentExpired: "This payment request has expired.",
  IntentIsCancelled: "The merchant cancelled this payment request.",
  InvalidSignature: "The payment request's signature is not valid.",
  InvalidStatus: "This payment cannot do that in its current state.",
  MaxStakePerAccountExceeded: "That would take you over this pool's limit per account.",
  NotActive: "This campaign is not accepting contributions.",
  NotMerchant: "Only the merchant can do that.",
  NotMerchantOrSigner: "Only the merchant can do that.",
  NotPayer: "Only the payer can do that.",
  NotSuccessful: "The campaign did not succeed, so there are no tokens to claim.",
  NothingToClaim: "There is nothing to claim.",
  NothingToRefund: "There is nothing to refund to you.",
  NothingToWithdraw: "There is nothing to withdraw.",
  PayerNotAllowed: "This payment request is for another payer.",
  PoolCapExceeded: "The pool is full.",
  RefundsNotOpen: "Refunds are not open: the campaign has not failed or been cancelled.",
  StakeLocked: "Your stake is still locked.",
  UnsupportedTokenTransfer: "This token takes a fee on transfer, which is not supported.",
  WrongNativeValue: "The amount sent does not match the payment.",
  ZeroAmount: "The amount must be more than 0.",
  ERC20InsufficientBalance: "Your token balance is too low.",
  ERC20InsufficientAllowance: "The token allowance is too low: approve first.",
  ERC2612ExpiredSignature: "The permit signature expired. Try again.",
};

/** The message for a custom error name, or a generic one that names it. */
export function messageForError(errorName: string): string {
  return MESSAGES[errorName] ?? `The transaction was refused (${errorName}).`;
}

export function describeFailure(error: unknown): Failure {
  if (error instanceof BaseError) {
    if (error.walk((cause) => cause instanceof UserRejectedRequestError)) {
      return { kind: "rejected", message: "You cancelled the request in your wallet." };
    }
    const reverted = error.walk((cause) => cause instanceof ContractFunctionRevertedError) as ContractFunctionRevertedError | null;
    if (reverted) {
      const errorName = reverted.data?.errorName ?? reverted.reason;
      if (errorName) return { kind: "reverted", errorName, message: messageForError(errorName) };
      return { kind: "reverted", message: "The transaction was refused by the contract." };
    }
    return { kind: "failed", message: error.shortMessage };
  }
  if (isRejection(error)) return { kind: "rejected", message: "You cancelled the request in your wallet." };
  return { kind: "failed", message: error instanceof Error ? error.message : String(error) };
}

/** EIP-1193 code 4001 from a provider that viem did not wrap. */
function isRejection(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === 4001;
}
