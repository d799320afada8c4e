// Every stored row of every projection table, as an indexer serves them through GraphQL: the
// yardstick of the recovery tests (a resumed or reorged indexer must equal a fresh re-index).
// Shared by test/projection-recovery.test.ts and the fault suites.
import type { Indexer } from "../harness/indexer.js";

/** Fields computed at query time from the chain head: equal only at the same head, and not stored. */
const DERIVED = new Set(["phase", "progressBps", "secondsLeft", "active", "rewardPerSecond", "annualRewards", "aprBps", "status@payment", "confirmations"]);
const TABLES = ["campaign", "contribution", "backer", "refund", "tokenClaim", "withdrawal", "pool", "stakePosition", "stakeEvent", "payment", "paymentEvent", "merchant", "cancelledIntent", "account", "platform", "role", "dailyCampaignVolume", "dailyPaymentVolume", "dailyPoolStat", "dailyStat"];
/** Ponder's largest page. */
const PAGE = 1000;

/** Scalar columns of each table, in primary-key order, every page of them (fault suites hold thousands of rows). */
export async function everything(indexer: Indexer): Promise<Record<string, unknown[]>> {
  const types = await indexer.graphql(`{ __schema { types { name fields { name type { kind ofType { kind ofType { kind ofType { kind } } } } } } } }`);
  const scalar = (t: any): boolean => (t.kind === "NON_NULL" || t.kind === "LIST" ? scalar(t.ofType) : t.kind === "SCALAR" || t.kind === "ENUM");
  const selection = (table: string) => {
    const type = types.__schema.types.find((t: any) => t.name === table);
    const fields = type.fields.filter((f: any) => scalar(f.type) && !DERIVED.has(f.name) && !DERIVED.has(`${f.name}@${table}`)).map((f: any) => f.name);
    return `items { ${fields.join(" ")} } pageInfo { hasNextPage endCursor }`;
  };
  // One query for the first page of every table, then one per further page.
  const first = await indexer.graphql(`{ ${TABLES.map((table) => `${table}s(limit: ${PAGE}) { ${selection(table)} }`).join("\n")} }`);
  const rows: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    let page = first[`${table}s`];
    rows[`${table}s`] = [...page.items];
    while (page.pageInfo.hasNextPage) {
      const next = await indexer.graphql(`query ($after: String) { page: ${table}s(limit: ${PAGE}, after: $after) { ${selection(table)} } }`, { after: page.pageInfo.endCursor });
      page = next.page;
      rows[`${table}s`]!.push(...page.items);
    }
  }
  return rows;
}
