// Runs a Ponder app (`ponder start`, the CLI the indexer's test harness uses) on fresh PGlite
// storage and measures its backfill: wall time from spawn until /status reports the chain's head,
// and the peak resident memory of its process tree, sampled from /proc while it works.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PONDER_CLI } from "../../indexer/test/harness/paths.ts";
import { freePort } from "../lib/ports.ts";

export interface PonderApp {
  name: string;
  /** The app's directory (ponder.config.ts, ponder.schema.ts, src/). */
  root: string;
  env: Record<string, string>;
}

export interface RunningPonder {
  url: string;
  pid: number;
  /** Storage kind, for the report. */
  storage: string;
  /** Spawn until /status names the head. */
  backfillMs: number;
  /** Spawn until /status first names a block: build, database setup and migrations done. */
  startupMs: number;
  /** Peak RSS up to then: the app before it holds any data. */
  startupRss: number;
  /** Spawn until /ready answered 200. */
  readyMs: number;
  /** Highest sampled RSS of the process tree (bytes); updated until stop(). */
  peakRss(): number;
  output(): string;
  /** Stops it (SIGTERM, then SIGKILL) and deletes its storage. */
  stop(): Promise<void>;
}

/** Resident set size of a process, in bytes (0 if it is gone). */
function statusField(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The process and every descendant (esbuild, workers), from /proc's parent links. */
function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // gone meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

/** Samples the tree's summed RSS every `intervalMs`; the main process's VmHWM covers peaks between samples. */
export function rssSampler(pid: number, intervalMs = 200) {
  let peak = 0;
  const sample = () => {
    const tree = processTree(pid);
    const sum = tree.reduce((total, member) => total + statusField(member, "VmRSS"), 0);
    peak = Math.max(peak, sum, statusField(pid, "VmHWM"));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    peak: () => peak,
    stop() {
      sample();
      clearInterval(timer);
    },
  };
}

async function probe<T>(url: string, read: (response: Response) => Promise<T>): Promise<T | undefined> {
  try {
    return await read(await fetch(url, { signal: AbortSignal.timeout(2_000) }));
  } catch {
    return undefined;
  }
}

/** Starts `app` on fresh storage against `rpcUrl` and resolves once it has indexed block `head`. */
export async function startPonder(app: PonderApp, head: bigint, timeoutMs = 1_800_000): Promise<RunningPonder> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(path.join(tmpdir(), `crowdstake-bench-${app.name}-`));
  const storageEnv = { PGLITE_DIR: path.join(dir, "pglite"), OFFCHAIN_PGLITE_DIR: path.join(dir, "offchain") };
  let output = "";
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [PONDER_CLI, "start", "--port", String(port), "--schema", "bench"], {
    cwd: app.root,
    env: { ...process.env, PONDER_TELEMETRY_DISABLED: "true", PONDER_LOG_LEVEL: "warn", NO_COLOR: "1", PUBLIC_API_URL: url, ...storageEnv, ...app.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const sampler = rssSampler(child.pid!);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    sampler.stop();
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    let backfillMs: number | undefined;
    let readyMs: number | undefined;
    let startupMs: number | undefined;
    let startupRss = 0;
    while (backfillMs === undefined || readyMs === undefined) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${app.name}: ponder exited (${child.exitCode ?? child.signalCode}):\n${output.slice(-4_000)}`);
      if (performance.now() - started > timeoutMs) throw new Error(`${app.name}: not at block ${head} after ${timeoutMs} ms:\n${output.slice(-4_000)}`);
      if (backfillMs === undefined) {
        const status = await probe(`${url}/status`, async (response) => (await response.json()) as { main?: { block?: { number?: number } } });
        if (startupMs === undefined && status?.main?.block?.number !== undefined) {
          startupMs = performance.now() - started;
          startupRss = sampler.peak();
        }
        if (BigInt(status?.main?.block?.number ?? -1) >= head) backfillMs = performance.now() - started;
      }
      if (readyMs === undefined && (await probe(`${url}/ready`, async (response) => response.status)) === 200) readyMs = performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { url, pid: child.pid!, storage: "PGlite (embedded, fresh directory)", backfillMs, readyMs, startupMs: startupMs ?? backfillMs, startupRss, peakRss: sampler.peak, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Row counts of every table Ponder's generated GraphQL at `endpoint` serves (its plural queries' totalCount). */
export async function countRows(endpoint: string): Promise<Record<string, number>> {
  const post = async (query: string) => {
    const response = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
    if (!response.ok || body.errors?.length) throw new Error(`${endpoint}: ${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
    return body.data!;
  };
  const schema = (await post(`{ __schema { queryType { fields { name type { name kind ofType { name } } } } } }`)) as {
    __schema: { queryType: { fields: { name: string; type: { name: string | null; ofType: { name: string | null } | null } }[] } };
  };
  // Plural queries return `<table>Page` with items and totalCount.
  const plurals = schema.__schema.queryType.fields.filter((field) => (field.type.name ?? field.type.ofType?.name ?? "").endsWith("Page")).map((field) => field.name);
  const data = (await post(`{ ${plurals.map((name) => `${name} { totalCount }`).join(" ")} }`)) as Record<string, { totalCount: number }>;
  return Object.fromEntries(plurals.map((name) => [name, data[name]!.totalCount]));
}
