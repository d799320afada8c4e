// Fiat amounts: decimal strings with at most two decimals, compared in minor units (cents, paise).
import { parseUnits } from "viem";

export const FIAT_AMOUNT = /^(0|[1-9]\d{0,15})(\.\d{1,2})?$/;

export function toMinor(amount: string): bigint {
  return parseUnits(amount, 2);
}
