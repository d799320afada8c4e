// Applies the off-chain tables' migrations once each, in order. Every module owns its list;
// ids are "<module>/<nnn>". Under Postgres an advisory lock keeps two API processes that
// start together from applying the same migration twice.
import type { OffchainDb } from "./db.js";

export interface Migration {
  id: string;
  sql: string;
}

const LOCK_KEY = 7_312_025; // any constant shared by every process of this app

export async function migrate(db: OffchainDb, migrations: Migration[]): Promise<string[]> {
  return db.transaction(async (tx) => {
    if (db.kind === "postgres") await tx.query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEY]);
    await tx.query("CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
    const { rows } = await tx.query<{ id: string }>("SELECT id FROM schema_migrations");
    const applied = new Set(rows.map((row) => row.id));
    const done: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.id)) continue;
      await tx.exec(migration.sql);
      await tx.query("INSERT INTO schema_migrations (id) VALUES ($1)", [migration.id]);
      done.push(migration.id);
    }
    return done;
  });
}
