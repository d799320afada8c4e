// An extra API process for a running indexer: `ponder serve` (Ponder's HTTP server and our
// src/api app with its workers, without indexing) on a free port, reading the indexer's
// PostgreSQL database and --schema. Ponder's serve refuses PGlite, and a schema no
// `ponder start` has created yet.
import { spawn, type ChildProcess } from "node:child_process";
import type { Chain } from "./chain.ts";
import { PONDER_SCHEMA, ponderEnv, type Indexer } from "./indexer.ts";
import { INDEXER_ROOT, PONDER_CLI } from "./paths.ts";
import { postGraphql } from "./graphql.ts";
import { freePort, waitFor } from "./wait.ts";

export interface ApiProcess {
  url: string;
  /** The OS process id while it runs (the node process itself: no npx in between). */
  pid(): number | undefined;
  /** POSTs a GraphQL query to /graphql; throws if the answer has errors. */
  graphql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<T>;
  request(pathname: string, init?: RequestInit): Promise<Response>;
  /** Stops it (SIGTERM, or SIGKILL for a crash) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and waits until it answers /ready. */
  start(): Promise<void>;
  output(): string;
}

/** `env`: the same extra variables the indexer was started with (workers, leases, secrets). */
export async function startServe(chain: Chain, indexer: Indexer, env: Record<string, string> = {}): Promise<ApiProcess> {
  if (!indexer.storageEnv.DATABASE_URL) throw new Error("ponder serve needs PostgreSQL: run with TEST_DATABASE=postgres");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let output = "";

  const launch = async () => {
    child = spawn(process.execPath, [PONDER_CLI, "serve", "--port", String(port), "--schema", PONDER_SCHEMA], {
      cwd: INDEXER_ROOT,
      env: ponderEnv(chain, url, { ...indexer.storageEnv, ...env }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    const exited = new Promise<never>((_, reject) => child!.once("exit", (code) => reject(new Error(`ponder serve exited with ${code}:\n${output.slice(-4000)}`))));
    exited.catch(() => undefined);
    await Promise.race([exited, waitFor(async () => (await fetch(`${url}/ready`)).status === 200, `ponder serve on ${port} to be ready`, 240_000)]);
  };

  const api: ApiProcess = {
    url,
    pid: () => (child && child.exitCode === null && child.signalCode === null ? child.pid : undefined),
    graphql: (query, variables, headers) => postGraphql(url, query, variables, headers),
    request: (pathname, init) => fetch(`${url}${pathname}`, init),
    async stop(signal = "SIGTERM") {
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return;
      const exited = new Promise((resolve) => current.once("exit", resolve));
      current.kill(signal);
      await exited;
    },
    start: launch,
    output: () => output,
  };
  try {
    await launch();
  } catch (error) {
    await api.stop("SIGKILL");
    throw error;
  }
  return api;
}
