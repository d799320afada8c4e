// An extra API process for a running indexer: `ponder serve` (Ponder's HTTP server and our
// src/api app with its workers, without indexing) on a free port, reading the indexer's
// PostgreSQL database and --schema. Ponder's serve refuses PGlite, and a schema no
// `ponder start` has created yet.
import type { Chain } from "./chain.ts";
import { PONDER_SCHEMA, ponderEnv, type Indexer } from "./indexer.ts";
import { ponderProcess } from "./ponder-process.ts";
import { postGraphql } from "./graphql.ts";
import { freePort } from "./wait.ts";

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
  const ponder = ponderProcess(["serve", "--port", String(port), "--schema", PONDER_SCHEMA], ponderEnv(chain, url, { ...indexer.storageEnv, ...env }), url, `ponder serve on ${port}`);
  const api: ApiProcess = {
    url,
    pid: ponder.pid,
    graphql: (query, variables, headers) => postGraphql(url, query, variables, headers),
    request: (pathname, init) => fetch(`${url}${pathname}`, init),
    stop: ponder.stop,
    start: ponder.launch,
    output: ponder.output,
  };
  try {
    await ponder.launch();
  } catch (error) {
    await api.stop("SIGKILL");
    throw error;
  }
  return api;
}
