// A payment session as stored off-chain (table payment_sessions, created by the merchants
// module's migrations): the signed intent a payer or the relayer submits to the escrow.
// The session id is the intent's payment id (bytes32, merchant-bound).
import type { Address, Hex } from "viem";
import type { Sql } from "../store/db.js";

export interface SignedIntent {
  id: Hex;
  merchant: Address;
  token: Address;
  /** base units, decimal string */
  amount: string;
  /** unix seconds, decimal string */
  deadline: string;
  payer: Address;
  splits: { recipient: Address; bps: number }[];
  metadataHash: Hex;
}

export interface PaymentSessionRecord {
  id: Hex;
  merchant: Address;
  intent: SignedIntent;
  signature: Hex;
  expiresAt: Date;
  successUrl: string | null;
  cancelUrl: string | null;
  createdAt: Date;
}

/** A payment_sessions row as selected with SESSION_COLUMNS. */
export interface PaymentSessionRow {
  id: string;
  merchant: string;
  intent: SignedIntent | string;
  signature: string;
  expires_at: Date | string;
  success_url: string | null;
  cancel_url: string | null;
  created_at: Date | string;
}

export const SESSION_COLUMNS = "id, merchant, intent, signature, expires_at, success_url, cancel_url, created_at";

export async function findPaymentSession(sql: Sql, id: string): Promise<PaymentSessionRecord | undefined> {
  const { rows } = await sql.query<PaymentSessionRow>(`SELECT ${SESSION_COLUMNS} FROM payment_sessions WHERE id = $1`, [id.toLowerCase()]);
  const row = rows[0];
  return row ? sessionFromRow(row) : undefined;
}

export function sessionFromRow(row: PaymentSessionRow): PaymentSessionRecord {
  return {
    id: row.id as Hex,
    merchant: row.merchant as Address,
    intent: typeof row.intent === "string" ? (JSON.parse(row.intent) as SignedIntent) : row.intent,
    signature: row.signature as Hex,
    expiresAt: new Date(row.expires_at),
    successUrl: row.success_url,
    cancelUrl: row.cancel_url,
    createdAt: new Date(row.created_at),
  };
}
