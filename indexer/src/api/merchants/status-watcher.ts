// Detects payment status changes for merchant webhooks: each pass derives every indexed
// payment's status (paymentStatus: on-chain state + confirmations at the chain head) and
// compares it with the last status recorded off-chain. A difference — including one a reorg
// steps back (confirmed → detected, or a payment that vanished → pending) — is recorded with a
// compare-and-set, so that of several API processes exactly one enqueues the event.
import { randomBytes } from "node:crypto";
import { sql } from "ponder";
import type { ApiContext, Worker } from "../module.js";
import { paymentStatus, type PaymentStatus } from "../payments/status.js";
import { allPayments, chainHead, indexedCheckpoint, type PaymentRow } from "./onchain.js";

type EventData = Record<string, unknown> & { id: string; merchant: string };

function decimalFields(payment: PaymentRow): EventData {
  return Object.fromEntries(
    Object.entries(payment).map(([key, value]) => [key, typeof value === "bigint" ? value.toString() : value]),
  ) as EventData;
}

/**
 * Ponder answers queries while it backfills (and, on a local chain, while it re-indexes after a
 * restart): statuses read then are stale, so the watcher waits until Ponder reports it is ready.
 */
async function ponderReady(api: ApiContext): Promise<boolean> {
  const db = api.ponderDb as { execute(query: unknown): Promise<{ rows: { ready: unknown }[] } | { ready: unknown }[]> };
  const result = await db.execute(sql`SELECT (value->>'is_ready') AS ready FROM _ponder_meta WHERE key = 'app'`);
  const rows = Array.isArray(result) ? result : result.rows;
  return String(rows[0]?.ready) === "1";
}

export function createStatusWatcher(api: ApiContext): Worker {
  let ready = false;
  /** The indexed checkpoint and head of the last complete pass. */
  let lastView: string | undefined;

  async function record(data: EventData, previous: PaymentStatus | undefined, status: PaymentStatus): Promise<boolean> {
    return api.store.transaction(async (tx) => {
      const { rows } = previous
        ? await tx.query(
            "UPDATE payment_statuses SET status = $3, updated_at = now() WHERE payment_id = $1 AND status = $2 RETURNING payment_id",
            [data.id, previous, status],
          )
        : await tx.query(
            "INSERT INTO payment_statuses (payment_id, merchant, status) VALUES ($1, $2, $3) ON CONFLICT (payment_id) DO NOTHING RETURNING payment_id",
            [data.id, data.merchant, status],
          );
      if (rows.length === 0) return false; // another process recorded this change first
      const endpoint = await tx.query("SELECT 1 FROM webhook_endpoints WHERE merchant = $1", [data.merchant]);
      if (endpoint.rows.length === 0) return true; // nobody to tell
      const event = {
        id: `evt_${randomBytes(12).toString("hex")}`,
        type: `payment.${status}`,
        created: Math.floor(Date.now() / 1_000),
        data: { ...data, status, previousStatus: previous ?? "pending" },
      };
      await tx.query("INSERT INTO webhook_events (id, merchant, payment_id, type, body) VALUES ($1, $2, $3, $4, $5)", [
        event.id,
        data.merchant,
        data.id,
        event.type,
        JSON.stringify(event),
      ]);
      return true;
    });
  }

  return {
    name: "payment-status-watcher",
    async tick() {
      if (!ready) ready = await ponderReady(api).catch(() => false);
      if (!ready) return 0;
      // A status derives from the indexed payments and the head only: while neither has moved, a
      // pass would scan every payment to find nothing.
      const [checkpoint, current] = await Promise.all([indexedCheckpoint(api), chainHead(api)]);
      const view = `${checkpoint}:${current.number}`;
      if (view === lastView) return 0;
      // Recorded statuses first, the chain after: with several processes, a status another one
      // recorded from a newer chain view than ours must fail our compare-and-set, not look like
      // a step back (confirmed → detected) that we would then announce.
      const { rows } = await api.store.query<{ payment_id: string; merchant: string; status: PaymentStatus }>(
        "SELECT payment_id, merchant, status FROM payment_statuses",
      );
      const [payments, head] = await Promise.all([allPayments(api), chainHead(api)]);
      const known = new Map(rows.map((row) => [row.payment_id, row]));
      let changes = 0;
      for (const payment of payments) {
        const id = payment.id.toLowerCase();
        const status = paymentStatus(payment, head.number, api.config.CONFIRMATIONS);
        const previous = known.get(id)?.status;
        known.delete(id);
        if (previous === status) continue;
        const data = { ...decimalFields(payment), id, merchant: payment.merchant.toLowerCase() };
        if (await record(data, previous, status)) changes += 1;
      }
      // Recorded but no longer indexed: a reorg removed the payment; it is unpaid again.
      for (const gone of known.values()) {
        if (gone.status === "pending") continue;
        if (await record({ id: gone.payment_id, merchant: gone.merchant }, gone.status, "pending")) changes += 1;
      }
      lastView = view;
      return changes;
    },
  };
}
