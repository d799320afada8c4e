// Indexer backfill: one generated history (history.ts) indexed from block 0 by the real indexer
// (`ponder start` of indexer/) and by a bare Ponder app with the same contracts and one insert
// per event (bare-ponder/), one after the other on the same storage kind; the real indexer, still
// holding the whole history, then serves the GraphQL load (graphql-load.ts). Returns the sections
// "indexer-backfill" and "graphql-load".
//   node scripts/bench/backfill.ts [--scale 0.1] [--no-write]   (--scale or BENCH_INDEXER_SCALE: a smaller history to try it)
import path from "node:path";
import { INDEXER_ROOT } from "../../indexer/test/harness/paths.ts";
import { generateHistory, type History } from "./history.ts";
import { benchGraphql } from "./graphql-load.ts";
import { countRows, startPonder, type RunningPonder } from "./lib-ponder.ts";
import { machine, printSection, writeSection, type BenchSection } from "./section.ts";

const BARE_ROOT = path.join(import.meta.dirname, "bare-ponder");
const MB = 1024 * 1024;

export interface IndexerBenchOptions {
  /** History size: 1 = the full history (≥ 50,000 events, ≥ 100,000 rows); default BENCH_INDEXER_SCALE or 1. */
  scale?: number;
  log?: (line: string) => void;
}

interface Measured {
  backfillMs: number;
  readyMs: number;
  startupMs: number;
  startupRss: number;
  /** Peak RSS while backfilling, and until stopped (GraphQL load included, for the real indexer). */
  backfillRss: number;
  peakRss: number;
  rows: Record<string, number>;
  storage: string;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, count) => total + count, 0);

/** Starts an app, measures its backfill, runs `whileUp` against it, stops it. */
async function measure(name: string, root: string, history: History, rowsPath: string, whileUp?: (app: RunningPonder, rows: Record<string, number>) => Promise<void>): Promise<Measured> {
  const env = { PONDER_RPC_URL: history.chain.rpcUrl, PONDER_CHAIN_ID: "31337", DEPLOYMENT_JSON: history.chain.deploymentJson, LOG_LEVEL: "warn" };
  const app = await startPonder({ name, root, env }, history.head);
  try {
    const backfillRss = app.peakRss();
    const rows = await countRows(`${app.url}${rowsPath}`);
    await whileUp?.(app, rows);
    return { backfillMs: app.backfillMs, readyMs: app.readyMs, startupMs: app.startupMs, startupRss: app.startupRss, backfillRss, peakRss: app.peakRss(), rows, storage: app.storage };
  } finally {
    await app.stop();
  }
}

export async function benchIndexer(options: IndexerBenchOptions = {}): Promise<BenchSection[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const history = await generateHistory({ scale: options.scale ?? Number(process.env.BENCH_INDEXER_SCALE ?? 1), log });
  try {
    let graphql: BenchSection | undefined;
    log("indexer: backfilling with the real indexer");
    const real = await measure("indexer", INDEXER_ROOT, history, "/ponder/graphql", async (app, rows) => {
      log(`indexer: ${sum(rows)} rows after ${seconds(app.backfillMs)} s; GraphQL load`);
      graphql = await benchGraphql({ url: app.url, busyAccount: history.busyAccount, busyMerchant: history.busyMerchant, rows: sum(rows), storage: app.storage });
    });
    log("indexer: backfilling with the bare Ponder app");
    const bare = await measure("bare", BARE_ROOT, history, "/graphql");
    return [backfillSection(history, real, bare), graphql!];
  } finally {
    await history.chain.stop();
  }
}

function backfillSection(history: History, real: Measured, bare: Measured): BenchSection {
  const realRows = sum(real.rows);
  const bareRows = sum(bare.rows);
  const ratio = real.backfillMs / bare.backfillMs;
  const kinds = Object.entries(history.eventsByKind).sort((a, b) => b[1] - a[1]);
  const tables = Object.entries(real.rows).filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1]);
  const perSecond = (ms: number) => Math.round(history.events / (ms / 1000));
  const body = [
    `Method: a fresh \`hardhat node\` with the platform deployed by the local Ignition module (${seconds(history.setupMs)} s to start and deploy), then a generated history (scripts/bench/history.ts): ` +
      `${history.accounts} accounts, ${history.campaigns} campaigns (16 active, 4 funded and finalised with staking pools, 2 failed, 1 cancelled, 1 scheduled, 1 draft), ${history.pools} staking pools, ${history.merchants} merchants (one escrowing for a day: releases, refunds, disputes; the others settling at once, one with revenue splits); ` +
      `${history.transactions.toLocaleString("en-US")} transactions signed locally and sent as raw transactions in JSON-RPC batches, automine off, ${history.blocks} blocks mined one at a time with \`evm_mine\` (then ${history.trailingBlocks} empty ones, so that every event lies deeper than Ponder's 30-block finality window and goes through its historical sync, as a long history does), in ${seconds(history.generationMs)} s; ` +
      `**${history.events.toLocaleString("en-US")} events** the indexer has handlers for (counted with \`eth_getLogs\`; every transaction checked to have emitted its event).`,
    "",
    `Each app is started with \`ponder start\` on ${real.storage} against the finished chain and indexes it from block 0; the time is from spawning the process until \`/status\` names the chain's head (polled every 100 ms; it includes Ponder's build and database setup, and for the real indexer its off-chain store). ` +
      "Peak RSS is that of the Ponder process and its children, sampled every 200 ms from /proc (plus the main process's VmHWM). " +
      "The bare app (scripts/bench/bare-ponder/) has the same contracts, factory children, addresses and start blocks, and a handler for every event the real indexer handles that inserts one row into one table; the two run one after the other on the same chain.",
    "",
    "| | real indexer | bare Ponder app | real / bare |",
    "|---|---:|---:|---:|",
    `| spawn → head indexed (s) | ${seconds(real.backfillMs)} | ${seconds(bare.backfillMs)} | ${ratio.toFixed(2)}× |`,
    `| spawn → /ready (s) | ${seconds(real.readyMs)} | ${seconds(bare.readyMs)} | ${(real.readyMs / bare.readyMs).toFixed(2)}× |`,
    `| spawn → first indexed block in /status (s): build, databases, migrations | ${seconds(real.startupMs)} | ${seconds(bare.startupMs)} | |`,
    `| first indexed block → head (s): indexing alone | ${seconds(real.backfillMs - real.startupMs)} | ${seconds(bare.backfillMs - bare.startupMs)} | ${((real.backfillMs - real.startupMs) / (bare.backfillMs - bare.startupMs)).toFixed(2)}× |`,
    `| events/s (spawn → head) | ${perSecond(real.backfillMs).toLocaleString("en-US")} | ${perSecond(bare.backfillMs).toLocaleString("en-US")} | |`,
    `| peak RSS at the first indexed block (MB) | ${Math.round(real.startupRss / MB)} | ${Math.round(bare.startupRss / MB)} | |`,
    `| peak RSS during backfill (MB) | ${Math.round(real.backfillRss / MB)} | ${Math.round(bare.backfillRss / MB)} | |`,
    `| peak RSS until stopped (MB) | ${Math.round(real.peakRss / MB)} (GraphQL load included) | ${Math.round(bare.peakRss / MB)} | |`,
    `| rows | ${realRows.toLocaleString("en-US")} | ${bareRows.toLocaleString("en-US")} | |`,
    "",
    bareRows === history.events ? "The bare app's rows equal the events counted on the chain (one per event)." : `**The bare app holds ${bareRows} rows for ${history.events} events on the chain**: an event was missed or doubled.`,
    "",
    "| event | count |",
    "|---|---:|",
    ...kinds.map(([kind, count]) => `| ${kind} | ${count.toLocaleString("en-US")} |`),
    "",
    "| real indexer table (GraphQL) | rows |",
    "|---|---:|",
    ...tables.map(([table, count]) => `| ${table} | ${count.toLocaleString("en-US")} |`),
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}.`,
  ].join("\n");
  return {
    id: "indexer-backfill",
    title: "Indexer backfill",
    figures: [
      { name: "Indexed events in the generated history", value: history.events, unit: "events", target: { op: ">=", value: 50_000 } },
      { name: "Rows in the real indexer's tables", value: realRows, unit: "rows", target: { op: ">=", value: 100_000 } },
      { name: "Real indexer, spawn to head indexed", value: seconds(real.backfillMs), unit: "s" },
      { name: "Real indexer throughput", value: perSecond(real.backfillMs), unit: "events/s" },
      { name: "Real indexer peak RSS (backfill and GraphQL load)", value: Math.round(real.peakRss / MB), unit: "MB", target: { op: "<=", value: 600 } },
      { name: "Backfill time, real indexer / bare Ponder app", value: Math.round(ratio * 100) / 100, unit: "×", target: { op: "<=", value: 1.5 } },
      { name: "History generation", value: seconds(history.generationMs), unit: "s" },
    ],
    body,
  };
}

// Alone: prints both sections (with their bodies) and writes them into docs/benchmarks.md (unless --no-write).
if (import.meta.main) {
  const args = process.argv.slice(2);
  const scaleAt = args.indexOf("--scale");
  const sections = await benchIndexer(scaleAt >= 0 ? { scale: Number(args[scaleAt + 1]) } : {});
  for (const section of sections) {
    printSection(section);
    console.log(`\n${section.body}`);
    if (!args.includes("--no-write")) writeSection(section);
  }
}
