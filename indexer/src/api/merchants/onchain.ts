// What the merchants module reads from the chain side: the escrow's address (from the same
// deployment Ponder indexes), the platform signer, and Ponder's `payment` and `cancelledIntent`
// rows through its read-only database.
import { eq } from "ponder";
import { privateKeyToAccount } from "viem/accounts";
import type { Address, Hex } from "viem";
import ponderConfig from "../../../ponder.config.js";
import type { OnchainPaymentState } from "../payments/status.js";
import type { ApiContext } from "../module.js";

export const escrowAddress = (ponderConfig.contracts.PaymentEscrow.address as Address).toLowerCase() as Address;

export function platformSigner(api: ApiContext) {
  return privateKeyToAccount(api.config.signerKey);
}

/** A row of Ponder's `payment` table (ponder.schema.ts). */
export interface PaymentRow {
  id: Hex;
  merchant: Hex;
  payer: Hex;
  token: Hex;
  amount: bigint;
  feeBps: number;
  releaseAt: bigint;
  metadataHash: Hex;
  state: OnchainPaymentState;
  refundedAmount: bigint;
  onrampRef: Hex | null;
  createdBlock: bigint;
  createdAt: bigint;
  updatedBlock: bigint;
  updatedAt: bigint;
  txHash: Hex;
}

interface Drizzle {
  select(): { from(table: unknown): Promise<unknown[]> & { where(condition: unknown): Promise<unknown[]> } };
}

function table(api: ApiContext, name: string): { id: unknown; merchant: unknown } | undefined {
  return api.tables[name] as { id: unknown; merchant: unknown } | undefined;
}

export async function findPayment(api: ApiContext, id: string): Promise<PaymentRow | undefined> {
  const payment = table(api, "payment");
  if (!payment) return undefined;
  const rows = await (api.ponderDb as Drizzle).select().from(payment).where(eq(payment.id as never, id.toLowerCase() as never));
  return rows[0] as PaymentRow | undefined;
}

export async function isIntentCancelled(api: ApiContext, id: string): Promise<boolean> {
  const cancelled = table(api, "cancelledIntent");
  if (!cancelled) return false;
  const rows = await (api.ponderDb as Drizzle).select().from(cancelled).where(eq(cancelled.id as never, id.toLowerCase() as never));
  return rows.length > 0;
}

/** Every indexed payment (the webhook worker compares each one's status with the last it saw). */
export async function allPayments(api: ApiContext): Promise<PaymentRow[]> {
  const payment = table(api, "payment");
  if (!payment) return [];
  return (await (api.ponderDb as Drizzle).select().from(payment)) as PaymentRow[];
}

/** The chain head: confirmations count from its number; expiries compare with its time too. */
export async function chainHead(api: ApiContext): Promise<{ number: bigint; now: Date }> {
  const block = await api.client.getBlock({ blockTag: "latest" });
  // A local chain's clock can run ahead of the wall clock (evm_increaseTime): take the later one.
  const now = Math.max(Date.now(), Number(block.timestamp) * 1_000);
  return { number: block.number, now: new Date(now) };
}
