// The order store: on-ramp orders and their steps in the off-chain database. Every state change
// writes the order and its step in one transaction, so the steps are the order's full history.
import { randomBytes } from "node:crypto";
import { encodeAbiParameters, keccak256, pad, type Address, type Hex } from "viem";
import type { Sql } from "../store/db.js";

export type OrderStatus = "received" | "paid" | "submitted" | "settled" | "failed";
export type OrderKind = "contribution" | "payment";

export interface Order {
  id: string;
  /** Insertion order, the pagination cursor. */
  seq: string;
  provider: string;
  kind: OrderKind;
  campaign: Address | null;
  paymentSessionId: Hex | null;
  beneficiary: Address;
  /** ERC-20 paid on-chain, or the zero address for the native coin. */
  asset: Address;
  amount: bigint;
  fiatAmount: string;
  fiatCurrency: string;
  providerRef: string | null;
  status: OrderStatus;
  onrampRef: Hex;
  txHash: Hex | null;
  error: string | null;
  attempts: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface Step {
  orderId: string;
  status: string;
  txHash: string | null;
  error: string | null;
  detail: string | null;
  at: Date;
}

const COLUMNS = `id, seq::text AS seq, provider, kind, campaign, payment_session_id, beneficiary, asset, amount::text AS amount,
  fiat_amount::text AS fiat_amount, fiat_currency, provider_ref, status, onramp_ref, tx_hash, error, attempts,
  created_at, updated_at`;

interface Row {
  id: string;
  seq: string;
  provider: string;
  kind: OrderKind;
  campaign: string | null;
  payment_session_id: string | null;
  beneficiary: string;
  asset: string;
  amount: string;
  fiat_amount: string;
  fiat_currency: string;
  provider_ref: string | null;
  status: OrderStatus;
  onramp_ref: string;
  tx_hash: string | null;
  error: string | null;
  attempts: number;
  created_at: Date | string;
  updated_at: Date | string;
}

function toOrder(row: Row): Order {
  return {
    id: row.id,
    seq: row.seq,
    provider: row.provider,
    kind: row.kind,
    campaign: row.campaign as Address | null,
    paymentSessionId: row.payment_session_id as Hex | null,
    beneficiary: row.beneficiary as Address,
    asset: row.asset as Address,
    amount: BigInt(row.amount),
    fiatAmount: row.fiat_amount,
    fiatCurrency: row.fiat_currency,
    providerRef: row.provider_ref,
    status: row.status,
    onrampRef: row.onramp_ref as Hex,
    txHash: row.tx_hash as Hex | null,
    error: row.error,
    attempts: Number(row.attempts),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** The shape of every order id newOrderId issues. */
export const ORDER_ID = /^ord_[0-9a-f]{24}$/;

/** Short enough for Razorpay's reference_id (40) and Mercuryo's merchant_transaction_id. */
export function newOrderId(): string {
  return `ord_${randomBytes(12).toString("hex")}`;
}

/**
 * The bytes32 the contracts record with the settlement: a hash binding the chain, the order id
 * and everything the order pays, so a reference can never settle a different order.
 */
export function onrampRefOf(chainId: number, order: Pick<Order, "id" | "kind" | "campaign" | "paymentSessionId" | "beneficiary" | "amount">): Hex {
  const target = order.kind === "contribution" ? pad(order.campaign!, { size: 32 }) : order.paymentSessionId!;
  return keccak256(
    encodeAbiParameters(
      [{ type: "string" }, { type: "uint256" }, { type: "string" }, { type: "string" }, { type: "bytes32" }, { type: "address" }, { type: "uint256" }],
      ["crowdstake-onramp-v1", BigInt(chainId), order.id, order.kind, target, order.beneficiary, order.amount],
    ),
  );
}

export type NewOrder = Omit<Order, "seq" | "status" | "txHash" | "error" | "attempts" | "createdAt" | "updatedAt" | "providerRef">;

export async function insertOrder(sql: Sql, order: NewOrder): Promise<void> {
  await sql.query(
    `INSERT INTO onramp_orders (id, provider, kind, campaign, payment_session_id, beneficiary, asset, amount, fiat_amount, fiat_currency, status, onramp_ref)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'received', $11)`,
    [
      order.id,
      order.provider,
      order.kind,
      order.campaign?.toLowerCase() ?? null,
      order.paymentSessionId?.toLowerCase() ?? null,
      order.beneficiary.toLowerCase(),
      order.asset.toLowerCase(),
      order.amount.toString(),
      order.fiatAmount,
      order.fiatCurrency,
      order.onrampRef,
    ],
  );
  await addStep(sql, order.id, { status: "received" });
}

export async function findOrder(sql: Sql, id: string, forUpdate = false): Promise<Order | undefined> {
  const { rows } = await sql.query<Row>(`SELECT ${COLUMNS} FROM onramp_orders WHERE id = $1${forUpdate ? " FOR UPDATE" : ""}`, [id]);
  return rows[0] ? toOrder(rows[0]) : undefined;
}

export interface StepInput {
  status: string;
  txHash?: string | null;
  error?: string | null;
  detail?: string | null;
}

export async function addStep(sql: Sql, orderId: string, step: StepInput): Promise<void> {
  await sql.query("INSERT INTO onramp_order_steps (order_id, status, tx_hash, error, detail) VALUES ($1, $2, $3, $4, $5)", [
    orderId,
    step.status,
    step.txHash ?? null,
    step.error ?? null,
    step.detail ?? null,
  ]);
}

/** Moves an order to `status` and records the step; call inside a transaction. */
export async function transition(
  sql: Sql,
  orderId: string,
  step: StepInput & { status: OrderStatus },
  extra: { providerRef?: string; clearLease?: boolean } = {},
): Promise<void> {
  await sql.query(
    `UPDATE onramp_orders SET status = $2, tx_hash = COALESCE($3, tx_hash), error = $4,
       provider_ref = COALESCE($5, provider_ref), updated_at = now(),
       leased_until = CASE WHEN $6 THEN NULL ELSE leased_until END
     WHERE id = $1`,
    [orderId, step.status, step.txHash ?? null, step.error ?? null, extra.providerRef ?? null, extra.clearLease ?? false],
  );
  await addStep(sql, orderId, step);
}

export async function setProviderRef(sql: Sql, orderId: string, providerRef: string): Promise<void> {
  await sql.query("UPDATE onramp_orders SET provider_ref = $2, updated_at = now() WHERE id = $1", [orderId, providerRef]);
}

/**
 * Claims due orders for this process: paid ones, and submitted ones left by a crash or waiting
 * on a retry. The lease keeps other processes off them; an expired lease (a dead process) frees them.
 */
export async function claimDue(sql: Sql, limit: number, leaseMs: number): Promise<Order[]> {
  const { rows } = await sql.query<Row>(
    `UPDATE onramp_orders SET leased_until = now() + ($2::bigint * interval '1 millisecond')
     WHERE id IN (
       SELECT id FROM onramp_orders
       WHERE status IN ('paid', 'submitted') AND next_attempt_at <= now() AND (leased_until IS NULL OR leased_until < now())
       ORDER BY next_attempt_at, created_at
       LIMIT $1
       FOR UPDATE SKIP LOCKED
     )
     RETURNING ${COLUMNS}`,
    [limit, leaseMs],
  );
  return rows.map(toOrder);
}

/** Schedules another attempt after an RPC failure and releases the lease. */
export async function scheduleRetry(sql: Sql, orderId: string, delayMs: number, error: string): Promise<void> {
  await sql.query(
    `UPDATE onramp_orders SET attempts = attempts + 1, error = $3, updated_at = now(), leased_until = NULL,
       next_attempt_at = now() + ($2::bigint * interval '1 millisecond')
     WHERE id = $1`,
    [orderId, delayMs, error],
  );
  await addStep(sql, orderId, { status: "retry", error });
}

export async function releaseLease(sql: Sql, orderId: string): Promise<void> {
  await sql.query("UPDATE onramp_orders SET leased_until = NULL WHERE id = $1", [orderId]);
}

export interface OrderFilter {
  status?: string | null;
  provider?: string | null;
  beneficiary?: string | null;
  campaign?: string | null;
  kind?: string | null;
  paymentSessionId?: string | null;
}

/**
 * A page of orders, newest first, after the cursor `afterSeq` (a previous page's last seq). Ordered
 * by the table's bigint column: a bare `seq` would be COLUMNS' text alias ("999" after "1000").
 */
export async function listOrders(sql: Sql, filter: OrderFilter, first: number, afterSeq?: string): Promise<Order[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (column: string, value: string | null | undefined, lower = false) => {
    if (value === undefined || value === null) return;
    params.push(lower ? value.toLowerCase() : value);
    where.push(`${column} = $${params.length}`);
  };
  add("status", filter.status);
  add("provider", filter.provider);
  add("beneficiary", filter.beneficiary, true);
  add("campaign", filter.campaign, true);
  add("kind", filter.kind);
  add("payment_session_id", filter.paymentSessionId, true);
  if (afterSeq !== undefined) {
    params.push(afterSeq);
    where.push(`seq < $${params.length}::bigint`);
  }
  params.push(first);
  const { rows } = await sql.query<Row>(
    `SELECT ${COLUMNS} FROM onramp_orders ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
     ORDER BY onramp_orders.seq DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(toOrder);
}

export async function stepsOf(sql: Sql, orderIds: string[]): Promise<Step[]> {
  if (orderIds.length === 0) return [];
  const { rows } = await sql.query<{ order_id: string; status: string; tx_hash: string | null; error: string | null; detail: string | null; at: Date | string }>(
    "SELECT order_id, status, tx_hash, error, detail, at FROM onramp_order_steps WHERE order_id = ANY($1) ORDER BY id",
    [orderIds],
  );
  return rows.map((row) => ({ orderId: row.order_id, status: row.status, txHash: row.tx_hash, error: row.error, detail: row.detail, at: new Date(row.at) }));
}

/**
 * Whether a payment session's on-ramp failed: its latest order failed (the payment-session
 * status "failed" of DESIGN.md). A later order in flight or settled clears it.
 */
export async function paymentSessionOnrampFailed(sql: Sql, paymentSessionId: string): Promise<boolean> {
  const { rows } = await sql.query<{ status: OrderStatus }>(
    "SELECT status FROM onramp_orders WHERE payment_session_id = $1 ORDER BY seq DESC LIMIT 1",
    [paymentSessionId.toLowerCase()],
  );
  return rows[0]?.status === "failed";
}
