// Bulk orders for the callback flood. POST /v1/onramp/sessions makes ~5 RPC reads per order
// (campaign checks, the token's decimals) through Ponder's rate-limited client: thousands of them
// take minutes on a 2-core machine. So the flood creates a sample through the route and the rest
// with the route's own store function (insertOrder + onrampRefOf of src/api/onramp/orders.ts),
// in one transaction: the same rows the route writes, without the chain reads.
import type { Address } from "viem";
import type { Indexer } from "../harness/indexer.js";
import { insertOrder, newOrderId, onrampRefOf } from "../../src/api/onramp/orders.js";
import type { Sql } from "../../src/api/store/db.js";

export interface BulkOrder {
  provider: "simulated" | "mercuryo";
  campaign: Address;
  asset: Address;
  beneficiary: Address;
  /** base units of a 6-decimal stablecoin */
  amount: bigint;
  fiatAmount: string;
}

/** Runs `work` in one transaction on the indexer's off-chain store (under PGlite, stop the indexer first). */
async function inStore<T>(indexer: Indexer, work: (sql: Sql) => Promise<T>): Promise<T> {
  const url = indexer.storageEnv.DATABASE_URL;
  if (url) {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: url, options: "-c search_path=crowdstake_offchain" });
    await client.connect();
    const sql: Sql = { query: async (text, params) => ({ rows: (await client.query(text, params)).rows }), exec: async (text) => void (await client.query(text)) };
    try {
      await client.query("BEGIN");
      const result = await work(sql);
      await client.query("COMMIT");
      return result;
    } finally {
      await client.end();
    }
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const db = new PGlite(indexer.storageEnv.OFFCHAIN_PGLITE_DIR!);
  try {
    return (await db.transaction((tx) => work({ query: (text, params) => tx.query(text, params) as never, exec: async (text) => void (await tx.exec(text)) }))) as T;
  } finally {
    await db.close();
  }
}

/** Inserts the orders as the route would and returns their ids, in order. */
export async function insertOrders(indexer: Indexer, chainId: number, orders: BulkOrder[]): Promise<string[]> {
  return inStore(indexer, async (sql) => {
    const ids: string[] = [];
    for (const order of orders) {
      const fields = {
        id: newOrderId(), provider: order.provider, kind: "contribution" as const, campaign: order.campaign, paymentSessionId: null,
        beneficiary: order.beneficiary.toLowerCase() as Address, amount: order.amount,
      };
      await insertOrder(sql, { ...fields, asset: order.asset, fiatAmount: order.fiatAmount, fiatCurrency: "USD", onrampRef: onrampRefOf(chainId, fields) });
      ids.push(fields.id);
    }
    return ids;
  });
}
