// How a payer pays an intent with the fewest wallet prompts the token allows:
// - native coin: one `pay` with the amount as value;
// - an ERC-20 already approved for the amount: one `pay`;
// - an EIP-2612 token: one free permit signature, then one `payWithPermit` transaction;
// - any other ERC-20: `approve` the escrow for exactly the amount, then `pay`.
export type PaymentPath = "native" | "pay" | "permit" | "approve";

export interface PathInputs {
  native: boolean;
  amount: bigint;
  /** Current allowance of the escrow from the payer (undefined while unknown). */
  allowance: bigint | undefined;
  /** The token answers EIP-2612 `nonces` and EIP-5267 `eip712Domain` (its permit domain). */
  permitSupported: boolean;
}

export function choosePaymentPath({ native, amount, allowance, permitSupported }: PathInputs): PaymentPath {
  if (native) return "native";
  if (allowance !== undefined && allowance >= amount) return "pay";
  return permitSupported ? "permit" : "approve";
}

/** The steps a payer will see, for the button's explanation. */
export function pathSteps(path: PaymentPath, symbol: string): string[] {
  switch (path) {
    case "native":
    case "pay":
      return ["Confirm the payment in your wallet"];
    case "permit":
      return [`Sign a permit for ${symbol} (free, no gas)`, "Confirm the payment in your wallet"];
    case "approve":
      return [`Approve ${symbol} for the escrow`, "Confirm the payment in your wallet"];
  }
}
