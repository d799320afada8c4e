// The payment session as the hosted checkout reads it from GraphQL (public), and its signed
// intent turned into the escrow's `pay` arguments. Amounts and times arrive as decimal strings
// and become bigint here, never numbers.
import { getAddress, type Address, type Hex } from "viem";
import type { PaymentStatus } from "./paymentStatus.ts";

export interface SessionIntent {
  id: string;
  merchant: string;
  token: string;
  amount: string;
  deadline: string;
  payer: string;
  splits: { recipient: string; bps: number }[];
  metadataHash: string;
}

export interface CheckoutSession {
  id: string;
  merchant: string;
  status: PaymentStatus;
  expiresAt: string;
  checkoutUrl: string;
  successUrl: string | null;
  cancelUrl: string | null;
  signature: string;
  intent: SessionIntent;
  payment: { id: string; status: PaymentStatus; confirmations: number; txHash: string } | null;
}

export const CHECKOUT_SESSION_QUERY = /* GraphQL */ `
  query CheckoutSession($id: String!) {
    paymentSession(id: $id) {
      id
      merchant
      status
      expiresAt
      checkoutUrl
      successUrl
      cancelUrl
      signature
      intent { id merchant token amount deadline payer splits { recipient bps } metadataHash }
      payment { id status confirmations txHash }
    }
  }
`;

/** The intent as the escrow's `PaymentIntent` struct. */
export function intentArgs(intent: SessionIntent) {
  return {
    id: intent.id as Hex,
    merchant: getAddress(intent.merchant),
    token: getAddress(intent.token),
    amount: BigInt(intent.amount),
    deadline: BigInt(intent.deadline),
    payer: getAddress(intent.payer),
    splits: intent.splits.map((split) => ({ recipient: getAddress(split.recipient), bps: split.bps })),
    metadataHash: intent.metadataHash as Hex,
  };
}

export type IntentArgs = ReturnType<typeof intentArgs>;

/** A session id is the intent's bytes32 payment id: anything else cannot exist. */
export function isSessionId(value: string | undefined): value is Hex {
  return value !== undefined && /^0x[0-9a-fA-F]{64}$/.test(value);
}

/** Whether `account` may pay an intent restricted to `payer` (the zero address lets anyone pay). */
export function payerAllowed(payer: string, account: Address | undefined): boolean {
  if (/^0x0{40}$/i.test(payer)) return true;
  return account !== undefined && account.toLowerCase() === payer.toLowerCase();
}
