// GraphQL under load: the three reads the web app sends most (Explore's campaign list, an account's
// dashboard, a merchant's payments page — the query texts are imported from web/src, so the
// benchmark sends what the app sends) at 50 connections with autocannon, through the stitched
// gateway (/graphql) and, as a baseline, the same selection against Ponder's own generated GraphQL
// (/ponder/graphql) with the gateway-only fields dropped.
import autocannon from "autocannon";
import { buildClientSchema, getIntrospectionQuery, parse, print, TypeInfo, visit, visitWithTypeInfo, type IntrospectionQuery } from "graphql";
import { CAMPAIGN_LIST_QUERY } from "../../web/src/campaigns/queries.ts";
import { ACCOUNT_QUERY, REWARD_KINDS } from "../../web/src/account/queries.ts";
import { PAYMENTS_QUERY } from "../../web/src/merchant/queries.ts";
import { machine, type BenchSection, type Figure } from "./section.ts";

/** web/src/campaigns/useCampaignList.ts PAGE_SIZE (that module pulls in React, so not imported). */
const EXPLORE_PAGE = 12;

export interface GraphqlTarget {
  /** The API's base URL (the real indexer's). */
  url: string;
  busyAccount: string;
  busyMerchant: string;
  /** Rows in the indexer's tables, for the section's method line. */
  rows: number;
  storage: string;
}

export interface LoadOptions {
  connections?: number;
  /** Measured seconds per query and endpoint. */
  seconds?: number;
  warmupSeconds?: number;
}

interface Scenario {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** Paths (dot-separated) that must hold a non-empty list or an object in the answer. */
  mustHold: string[];
}

function scenarios(target: GraphqlTarget): Scenario[] {
  return [
    {
      name: "Explore: campaign list, first page",
      query: CAMPAIGN_LIST_QUERY,
      // campaignWhere("all") in web/src/campaigns/phase.ts
      variables: { where: { status_in: ["launched", "finalized", "successful", "failed", "cancelled"] }, after: null, limit: EXPLORE_PAGE },
      mustHold: ["campaigns.items"],
    },
    {
      name: "Account dashboard (busiest account)",
      query: ACCOUNT_QUERY,
      variables: { account: target.busyAccount, rewardKinds: REWARD_KINDS },
      mustHold: ["contributions.items", "backers.items", "tokenClaims.items", "refunds.items", "stakePositions.items", "stakeEvents.items", "payments.items"],
    },
    {
      name: "Merchant payments page (busiest merchant)",
      query: PAYMENTS_QUERY,
      // PaymentsPanel's first page: PAGE_SIZE 20, no state filter
      variables: { merchant: target.busyMerchant, where: { merchant: target.busyMerchant }, after: null, limit: 20 },
      mustHold: ["merchant", "payments.items"],
    },
  ];
}

async function post(endpoint: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  if (!response.ok || body.errors?.length) throw new Error(`${endpoint}: HTTP ${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 800)}`);
  return body.data!;
}

/** The query with every field the schema lacks removed (the gateway's derived and off-chain fields). */
async function forSchemaOf(endpoint: string, query: string): Promise<string> {
  const schema = buildClientSchema((await post(endpoint, getIntrospectionQuery())) as unknown as IntrospectionQuery);
  const typeInfo = new TypeInfo(schema);
  const pruned = visit(parse(query), visitWithTypeInfo(typeInfo, { Field: () => (typeInfo.getFieldDef() ? undefined : null) }));
  // Drop variables nothing uses any more (e.g. none today; a removed off-chain list could leave one).
  const text = print(pruned);
  const used = new Set([...text.matchAll(/\$(\w+)\b(?!\s*:)/g)].map((match) => match[1]));
  return print(visit(parse(text), { VariableDefinition: (node) => (used.has(node.variable.name.value) ? undefined : null) }));
}

function at(data: unknown, dotted: string): unknown {
  return dotted.split(".").reduce<unknown>((value, key) => (value as Record<string, unknown> | null | undefined)?.[key], data);
}

function checkAnswer(data: Record<string, unknown>, scenario: Scenario, endpoint: string): number {
  let items = 0;
  for (const dotted of scenario.mustHold) {
    const value = at(data, dotted);
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
      throw new Error(`${scenario.name} on ${endpoint}: ${dotted} is empty; the load would measure an empty answer`);
    }
    if (Array.isArray(value)) items += value.length;
  }
  return items;
}

interface Run {
  /** NaN when nothing answered (every request timed out or failed). */
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  non2xx: number;
  errors: number;
  graphqlErrors: number;
}

async function load(endpoint: string, body: string, seconds: number, connections: number): Promise<Run> {
  const result = await autocannon({
    url: endpoint,
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    connections,
    duration: seconds,
    // A GraphQL error still answers 200: count it as a mismatch.
    verifyBody: (answer) => typeof answer === "string" && !answer.includes('"errors"'),
  });
  const answered = result["2xx"] + result.non2xx > 0;
  return {
    p50: answered ? result.latency.p50 : Number.NaN,
    p99: answered ? result.latency.p99 : Number.NaN,
    rps: result.requests.average,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    graphqlErrors: result.mismatches,
  };
}

export async function benchGraphql(target: GraphqlTarget, options: LoadOptions = {}): Promise<BenchSection> {
  const connections = options.connections ?? 50;
  const seconds = options.seconds ?? 12;
  const warmup = options.warmupSeconds ?? 3;
  const gateway = `${target.url}/graphql`;
  const ponder = `${target.url}/ponder/graphql`;
  const figures: Figure[] = [];
  const rows: string[] = [];
  const checks: string[] = [];
  for (const scenario of scenarios(target)) {
    const ponderQuery = await forSchemaOf(ponder, scenario.query);
    const runs: Run[] = [];
    for (const [endpoint, query] of [[gateway, scenario.query], [ponder, ponderQuery]] as const) {
      const items = checkAnswer(await post(endpoint, query, scenario.variables), scenario, endpoint);
      checks.push(`${scenario.name} via \`${endpoint.slice(target.url.length)}\`: ${items} list items`);
      const body = JSON.stringify({ query, variables: scenario.variables });
      await load(endpoint, body, warmup, connections);
      runs.push(await load(endpoint, body, seconds, connections));
    }
    const [viaGateway, viaPonder] = runs as [Run, Run];
    figures.push({ name: `${scenario.name}: p99 via /graphql`, value: viaGateway.p99, unit: "ms", target: { op: "<=", value: 50 } });
    const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? (a / b).toFixed(2) : "–");
    const ms = (value: number) => (Number.isFinite(value) ? String(value) : "no answer");
    for (const [label, run] of [["/graphql", viaGateway], ["/ponder/graphql", viaPonder]] as const) {
      rows.push(`| ${scenario.name} | \`${label}\` | ${ms(run.p50)} | ${ms(run.p99)} | ${Math.round(run.rps)} | ${run.requests} | ${run.non2xx} | ${run.errors} | ${run.graphqlErrors} |`);
    }
    rows.push(`| ${scenario.name} | gateway / Ponder | ${ratio(viaGateway.p50, viaPonder.p50)}× | ${ratio(viaGateway.p99, viaPonder.p99)}× | ${ratio(viaGateway.rps, viaPonder.rps)}× | | | | |`);
  }
  const body = [
    `Method: autocannon, ${connections} connections, ${warmup} s of warm-up then ${seconds} s measured per query and endpoint, one POST body each (the query texts the web app sends, imported from \`web/src\`), against the real indexer (\`ponder start\` of \`indexer/\`, ${target.storage}) holding ${target.rows.toLocaleString("en-US")} rows from the generated history of the indexer backfill section. ` +
      "Each query goes through `/graphql` (the stitched gateway, with its derived fields: `phase`, `progressBps`, `secondsLeft`, payment `status` and `confirmations`, the off-chain on-ramp orders) and, as the baseline, through Ponder's own generated GraphQL at `/ponder/graphql` with the fields it lacks removed. " +
      "Before loading, each answer is checked to hold data (non-empty lists); a GraphQL error in a 200 answer counts as a GraphQL error. autocannon runs in the benchmark's process on the same 2 cores as the indexer.",
    "",
    "| query | endpoint | p50 (ms) | p99 (ms) | requests/s | requests | non-2xx | connection errors and timeouts | GraphQL errors |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ...rows,
    "",
    `Answers checked: ${checks.join("; ")}.`,
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}.`,
  ].join("\n");
  return { id: "graphql-load", title: "GraphQL under load", figures, body };
}
