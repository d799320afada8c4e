// The off-chain store: on-ramp orders, relayer steps, payment sessions, merchants' API keys and
// webhooks. Ponder's own database is read-only from the API, so these live apart: in a second
// embedded PGlite directory by default, or in their own schema of the Postgres that
// DATABASE_URL names (so several API processes share them).
import { mkdirSync } from "node:fs";
import { hostname } from "node:os";
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
  /**
   * Runs `work` while this process holds the lock `name`, or resolves undefined at once when
   * another holder has it. Postgres: a session-level advisory lock on a connection kept for the
   * call, so a holder that dies (or loses its connection) releases it with its connection;
   * `held()` turns false when that connection fails. PGlite is one process: an in-process flag.
   */
  tryLock<T>(name: string, work: (held: () => boolean) => Promise<T>): Promise<T | undefined>;
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
  const locks = new Set<string>();
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
    async tryLock<T>(name: string, work: (held: () => boolean) => Promise<T>): Promise<T | undefined> {
      if (locks.has(name)) return undefined;
      locks.add(name);
      try {
        return await work(() => true);
      } finally {
        locks.delete(name);
      }
    },
    close: () => db.close(),
  };
}

async function openPostgres(url: string, schema: string): Promise<OffchainDb> {
  const { default: pg } = await import("pg");
  // Amounts are NUMERIC(78,0) and come back as strings, which is what JSON and GraphQL want.
  // TCP keepalives both ways: a holder of an advisory lock (tryLock) whose host vanishes without
  // closing its socket is dropped by the server within about a minute, and its lock with it.
  // The application name tells in pg_stat_activity which process holds what.
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    keepAlive: true,
    application_name: `crowdstake-api ${hostname()} ${process.pid}`.slice(0, 63),
    options: `-c search_path=${schema} -c tcp_keepalives_idle=30 -c tcp_keepalives_interval=10 -c tcp_keepalives_count=3`,
  });
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
    async tryLock<T>(name: string, work: (held: () => boolean) => Promise<T>): Promise<T | undefined> {
      const client = await pool.connect();
      let lost: Error | undefined;
      // A checked-out client's errors are ours to handle (unhandled, they would end the process).
      const onError = (error: Error) => (lost ??= error);
      client.on("error", onError);
      try {
        // hashtextextended: a bigint key from the name, the same in every process.
        const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked", [name]);
        if (!rows[0]?.locked) return undefined;
        try {
          return await work(() => lost === undefined);
        } finally {
          await client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [name]).catch((error: Error) => (lost ??= error));
        }
      } finally {
        client.off("error", onError);
        // A connection whose unlock failed is destroyed, not pooled: closing it frees the lock.
        client.release(lost);
      }
    },
    close: () => pool.end(),
  };
}
