// What every dashboard panel needs to know about the signed-in merchant.
import type { Address } from "viem";

export interface MerchantAuth {
  /** the SIWE session token (Authorization: Bearer) */
  token: string;
  /** checksummed */
  merchant: Address;
  /** the connected wallet is the merchant's, so merchant-only transactions can be sent */
  walletIsMerchant: boolean;
  /** report an API error: a 401 signs the dashboard out */
  onApiError: (error: unknown) => void;
}
