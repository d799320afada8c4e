// Direct reads of the indexer's off-chain store, to check what is (and is not) stored. Under
// PGlite the store is one process's directory: the indexer must be stopped first.
import type { Indexer } from "../harness/indexer.js";

export async function queryOffchain<Row = Record<string, unknown>>(indexer: Indexer, text: string, params: unknown[] = []): Promise<Row[]> {
  const url = indexer.storageEnv.DATABASE_URL;
  if (url) {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: url, options: "-c search_path=crowdstake_offchain" });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as Row[];
    } finally {
      await client.end();
    }
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const db = new PGlite(indexer.storageEnv.OFFCHAIN_PGLITE_DIR!);
  try {
    return (await db.query<Row>(text, params)).rows;
  } finally {
    await db.close();
  }
}
