// Delivers merchant webhook events: claims due events atomically (FOR UPDATE SKIP LOCKED plus a
// lease, so several processes never send the same attempt), POSTs the stored JSON body signed
// with the endpoint's current secret (webhook-signature.ts), cuts off at WEBHOOK_TIMEOUT_MS, and
// logs every attempt. A non-2xx answer, a timeout or a network error schedules the next attempt
// after the next delay of WEBHOOK_SCHEDULE; after the last one the event is marked failed.
import type { ApiContext, Worker } from "../module.js";
import { findEndpoint } from "./webhook-endpoint.js";
import { SIGNATURE_HEADER, signWebhook } from "./webhook-signature.js";

const BATCH = 10;
/**
 * Deliveries run in the background of the worker's loop, not inside its pass: a pass that waited
 * for them would hold every other merchant's due events behind one endpoint that hangs until
 * WEBHOOK_TIMEOUT_MS. Bounded per process, and per merchant, so that one merchant's slow endpoint
 * takes at most PER_MERCHANT of the slots.
 */
const MAX_IN_FLIGHT = 50;
const PER_MERCHANT = 5;

interface ClaimedEvent {
  id: string;
  merchant: string;
  type: string;
  body: string;
  attempts: number;
}

interface Outcome {
  url: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export function createWebhookDelivery(api: ApiContext): Worker {
  const { config, store, log } = api;
  // A claimed event stays invisible to other processes for longer than one attempt can take
  // (WEBHOOK_LEASE, checked at start to exceed WEBHOOK_TIMEOUT_MS); a dead claimer's events come
  // back when it runs out.
  const leaseMs = config.webhookLeaseMs;

  async function post(url: string, secret: string, event: ClaimedEvent): Promise<Outcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Crowdstake-Webhooks/1",
          "crowdstake-event-id": event.id,
          [SIGNATURE_HEADER]: signWebhook(secret, event.body),
        },
        body: event.body,
        redirect: "manual",
        signal: AbortSignal.timeout(config.WEBHOOK_TIMEOUT_MS),
      });
      await response.arrayBuffer(); // the answer's body is not used, but it must arrive in time too
      const ok = response.status >= 200 && response.status < 300;
      return { url, statusCode: response.status, error: ok ? null : `HTTP ${response.status}`, durationMs: elapsed() };
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      const reason = timedOut ? `timeout after ${config.WEBHOOK_TIMEOUT_MS} ms` : describe(error);
      return { url, statusCode: null, error: reason, durationMs: elapsed() };
    }
  }

  async function deliver(event: ClaimedEvent): Promise<void> {
    const endpoint = await findEndpoint(api, event.merchant);
    const outcome: Outcome = endpoint
      ? await post(endpoint.url, endpoint.secret, event)
      : { url: "", statusCode: null, error: "the merchant has no webhook endpoint", durationMs: 0 };
    const delivered = outcome.error === null;
    // attempts counts this one: the delay before the next is the schedule's entry for it.
    const delayMs = delivered || !endpoint ? undefined : config.WEBHOOK_SCHEDULE[event.attempts - 1];
    const state = delivered ? "delivered" : delayMs === undefined ? "failed" : "pending";
    await store.transaction(async (tx) => {
      const { rows } = await tx.query<{ next_attempt_at: Date | null }>(
        `UPDATE webhook_events SET state = $2, locked_until = NULL,
           delivered_at = CASE WHEN $2 = 'delivered' THEN now() ELSE NULL END,
           next_attempt_at = CASE WHEN $3::double precision IS NULL THEN next_attempt_at
                                  ELSE now() + $3::double precision * interval '1 millisecond' END
         WHERE id = $1
         RETURNING CASE WHEN state = 'pending' THEN next_attempt_at END AS next_attempt_at`,
        [event.id, state, delayMs ?? null],
      );
      await tx.query(
        `INSERT INTO webhook_attempts (event_id, attempt, url, status_code, error, duration_ms, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [event.id, event.attempts, outcome.url, outcome.statusCode, outcome.error, outcome.durationMs, rows[0]?.next_attempt_at ?? null],
      );
    });
    const entry = { event: event.id, type: event.type, attempt: event.attempts, status: outcome.statusCode, ms: outcome.durationMs, state };
    if (delivered) log.info(entry, "webhook delivered");
    else log.warn({ ...entry, error: outcome.error }, "webhook attempt failed");
  }

  const running = new Set<Promise<void>>();
  const perMerchant = new Map<string, number>();

  function start(event: ClaimedEvent): void {
    perMerchant.set(event.merchant, (perMerchant.get(event.merchant) ?? 0) + 1);
    const delivery = deliver(event)
      // The event stays claimed until its lease ends, then another pass retries it.
      .catch((error) => log.error({ event: event.id, err: error }, "webhook delivery failed"))
      .finally(() => {
        running.delete(delivery);
        const left = (perMerchant.get(event.merchant) ?? 1) - 1;
        if (left > 0) perMerchant.set(event.merchant, left);
        else perMerchant.delete(event.merchant);
      });
    running.add(delivery);
  }

  return {
    name: "webhook-delivery",
    async tick() {
      const free = Math.min(BATCH, MAX_IN_FLIGHT - running.size);
      if (free <= 0) return 0;
      const busy = [...perMerchant].filter(([, count]) => count >= PER_MERCHANT).map(([merchant]) => merchant);
      const { rows } = await store.query<ClaimedEvent>(
        `UPDATE webhook_events SET attempts = attempts + 1, locked_until = now() + $1::double precision * interval '1 millisecond'
         WHERE id IN (
           SELECT id FROM webhook_events
           WHERE state = 'pending' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until <= now())
             AND NOT (merchant = ANY($2::text[]))
           ORDER BY next_attempt_at, seq LIMIT ${free}
           FOR UPDATE SKIP LOCKED)
         RETURNING id, merchant, type, body, attempts`,
        [leaseMs, busy],
      );
      for (const event of rows) start(event);
      return rows.length;
    },
    async drain() {
      await Promise.allSettled([...running]);
    },
  };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ? `${error.message}: ${cause.code}` : error.message;
}
