// The off-chain store: on-ramp orders, relayer steps, payment sessions, merchants' API keys and
// webhooks. Ponder's own database is read-only from the API, so these live apart: in a second
// embedded PGlite directory by default, or in their own schema of the Postgres that
// DATABASE_URL names (so several API processes share them).
import { mkdirSync } from "node:fs";
import type { Config } from "../config.js";

export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: Row[]; affectedRows?: number }>;
  /** Runs SQL without parameters, several statements allowed (migrations). */
  exec(text: string): Promise<void>;
}

export interface OffchainDb extends Sql {
  readonly kind: "pglite" | "postgres";
  /** Runs `work` in one transaction: it commits if `work` resolves and rolls back if it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openOffchainDb(config: Config): Promise<OffchainDb> {
  return config.DATABASE_URL ? openPostgres(config.DATABASE_URL, config.OFFCHAIN_SCHEMA) : openPglite(config.OFFCHAIN_PGLITE_DIR);
}

async function openPglite(directory: string): Promise<OffchainDb> {
  const { PGlite } = await import("@electric-sql/pglite");
  mkdirSync(directory, { recursive: true });
  const db = new PGlite(directory);
  await db.waitReady;
  // PGlite is one connection: serialise transactions so that two never interleave.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    kind: "pglite",
    query: (text, params) => db.query(text, params as unknown[]) as never,
    exec: async (text) => void (await db.exec(text)),
    transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
      const run = queue.then(() =>
        db.transaction<T>((tx) =>
          work({
            query: (text, params) => tx.query(text, params as unknown[]) as never,
            exec: async (text) => void (await tx.exec(text)),
          }),
        ),
      );
      queue = run.catch(() => undefined);
      return run as Promise<T>;
    },
    close: () => db.close(),
  };
}

async function openPostgres(url: string, schema: string): Promise<OffchainDb> {
  const { default: pg } = await import("pg");
  // Amounts are NUMERIC(78,0) and come back as strings, which is what JSON and GraphQL want.
  const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c search_path=${schema}` });
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  return {
    kind: "postgres",
    query: async (text, params) => {
      const result = await pool.query(text, params as unknown[]);
      return { rows: result.rows, affectedRows: result.rowCount ?? 0 };
    },
    exec: async (text) => void (await pool.query(text)),
    async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work({
          query: async (text, params) => {
            const answer = await client.query(text, params as unknown[]);
            return { rows: answer.rows, affectedRows: answer.rowCount ?? 0 };
          },
          exec: async (text) => void (await client.query(text)),
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
