// What the merchants module reads from the chain side: the escrow's address (from the same
// deployment Ponder indexes), the platform signer, and Ponder's `payment` and `cancelledIntent`
// rows through its read-only database.
import { eq, sql } from "ponder";
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

/**
 * The head that confirmations count to: the chain's, but never past the block Ponder has indexed
 * (and so checked against reorgs). Otherwise, while Ponder catches up with a reorg, a payment on
 * the abandoned branch would look confirmed by blocks of the new one.
 */
/**
 * The latest block is read at most once a second per process while Ponder's indexed block stays
 * the same: every GraphQL request with a derived field needs the head, and Ponder's RPC client
 * is rate-limited (from 20 requests/s), which capped the whole endpoint at that rate. A new
 * indexed block reads it again at once, so an answer is never behind what Ponder has indexed.
 */
const HEAD_TTL_MS = 1_000;
const latestBlocks = new WeakMap<ApiContext, { at: number; indexed: bigint | undefined; block: Promise<{ number: bigint; timestamp: bigint }> }>();

function latestBlock(api: ApiContext, indexed: bigint | undefined): Promise<{ number: bigint; timestamp: bigint }> {
  const cached = latestBlocks.get(api);
  if (cached && cached.indexed === indexed && Date.now() - cached.at < HEAD_TTL_MS) return cached.block;
  const block = api.client.getBlock({ blockTag: "latest" }).then(({ number, timestamp }) => ({ number, timestamp }));
  const entry = { at: Date.now(), indexed, block };
  latestBlocks.set(api, entry);
  // A failed read is not kept: the next caller tries again.
  block.catch(() => latestBlocks.get(api) === entry && latestBlocks.delete(api));
  return block;
}

export async function chainHead(api: ApiContext): Promise<{ number: bigint; now: Date }> {
  const indexed = await indexedBlock(api).catch(() => undefined);
  const block = await latestBlock(api, indexed);
  // A local chain's clock can run ahead of the wall clock (evm_increaseTime): take the later one.
  const now = Math.max(Date.now(), Number(block.timestamp) * 1_000);
  const number = indexed !== undefined && indexed < block.number ? indexed : block.number;
  return { number, now: new Date(now) };
}

/** Ponder's latest checkpoint (10 digits of timestamp, 16 of chain id, 16 of block number, ...): it changes with every indexed block and every reorg. */
export async function indexedCheckpoint(api: ApiContext): Promise<string | undefined> {
  const db = api.ponderDb as { execute(query: unknown): Promise<{ rows: { checkpoint: string }[] } | { checkpoint: string }[]> };
  const result = await db.execute(sql`SELECT latest_checkpoint AS checkpoint FROM _ponder_checkpoint`);
  const rows = Array.isArray(result) ? result : result.rows;
  return rows[0]?.checkpoint ?? undefined;
}

/** Ponder's latest indexed block. */
async function indexedBlock(api: ApiContext): Promise<bigint | undefined> {
  const checkpoint = await indexedCheckpoint(api);
  return checkpoint ? BigInt(checkpoint.slice(26, 42)) : undefined;
}
