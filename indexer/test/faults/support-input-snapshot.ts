// What the bad-input suite compares and checks: the off-chain store's rows (before and after
// the fuzzing: equal), the callback audit log's verdict counts, and the REST error shape of
// DESIGN.md ({"error": {"code", "message", "details"}} with the code's own HTTP status).
import type { Indexer } from "../harness/indexer.js";
import { queryOffchain } from "../merchants/offchain-db.js";

/**
 * Every off-chain table, in a stable order. Not here: siwe_nonces (POST /v1/auth/nonce adds one by
 * design; the suite checks it apart), onramp_callbacks (the audit log keeps refused callbacks by
 * design; compared by verdict), and api_keys.last_used_at (each request with the key sets it).
 */
const TABLES: Record<string, string> = {
  onramp_orders: "SELECT * FROM onramp_orders ORDER BY seq",
  onramp_order_steps: "SELECT * FROM onramp_order_steps ORDER BY id",
  api_keys: "SELECT id, merchant, prefix, key_hash, label, created_at, revoked_at FROM api_keys ORDER BY id",
  merchant_sessions: "SELECT * FROM merchant_sessions ORDER BY token_hash",
  webhook_endpoints: "SELECT * FROM webhook_endpoints ORDER BY merchant",
  payment_sessions: "SELECT * FROM payment_sessions ORDER BY seq",
  payment_statuses: "SELECT * FROM payment_statuses ORDER BY payment_id",
  webhook_events: "SELECT * FROM webhook_events ORDER BY seq",
  webhook_attempts: "SELECT * FROM webhook_attempts ORDER BY event_id, attempt",
  schema_migrations: "SELECT * FROM schema_migrations ORDER BY id",
};

export interface StoreSnapshot {
  tables: Record<string, unknown[]>;
  nonces: string[];
  verdicts: Record<string, number>;
}

/** Reads the store; under PGlite the indexer must be stopped (its directory is one process's). */
export async function storeSnapshot(indexer: Indexer): Promise<StoreSnapshot> {
  const tables: Record<string, unknown[]> = {};
  for (const [name, query] of Object.entries(TABLES)) tables[name] = await queryOffchain(indexer, query);
  const nonces = (await queryOffchain<{ nonce: string }>(indexer, "SELECT nonce FROM siwe_nonces ORDER BY nonce")).map((row) => row.nonce);
  const counted = await queryOffchain<{ verdict: string; n: string | number }>(indexer, "SELECT verdict, count(*) AS n FROM onramp_callbacks GROUP BY verdict");
  return { tables, nonces, verdicts: Object.fromEntries(counted.map((row) => [row.verdict, Number(row.n)])) };
}

/** The snapshot, stopping and restarting a PGlite indexer around it. */
export async function snapshotAround(indexer: Indexer, restart: boolean): Promise<StoreSnapshot> {
  const pglite = !indexer.storageEnv.DATABASE_URL;
  if (pglite) await indexer.stop();
  const snapshot = await storeSnapshot(indexer);
  if (pglite && restart) await indexer.start();
  return snapshot;
}

const STATUS_OF_CODE: Record<string, number> = {
  INVALID_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_ORDER: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

export interface RestError {
  status: number;
  code: string;
  message: string;
  details: Record<string, unknown>;
}

/**
 * Reads a response that must be a 4xx with DESIGN.md's error shape; `statuses` are those allowed
 * for this input. Throws (failing the property, with the answer) otherwise.
 */
export async function restError(response: Response, statuses: readonly number[], what: string): Promise<RestError> {
  const text = await response.text();
  const fail = (why: string) => new Error(`${what}: ${why} — HTTP ${response.status} ${text.slice(0, 300)}`);
  if (!statuses.includes(response.status)) throw fail(`expected HTTP ${statuses.join(" or ")}`);
  let body: { error?: { code?: unknown; message?: unknown; details?: unknown } };
  try {
    body = JSON.parse(text);
  } catch {
    throw fail("the body is not JSON");
  }
  const error = body.error;
  if (!error || Object.keys(body).join() !== "error") throw fail('the body is not {"error": ...}');
  if (typeof error.code !== "string" || STATUS_OF_CODE[error.code] !== response.status) throw fail("the code does not match the status");
  if (typeof error.message !== "string" || error.message.length === 0) throw fail("no message");
  if (typeof error.details !== "object" || error.details === null || Array.isArray(error.details)) throw fail("details is not an object");
  return { status: response.status, code: error.code, message: error.message, details: error.details as Record<string, unknown> };
}
