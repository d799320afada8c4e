// The real indexer for a test suite: `ponder start` (the Ponder process with the API, the
// GraphQL endpoint and the workers) against a suite's chain, on a free port, on embedded
// PGlite in a temp dir, or, under TEST_DATABASE=postgres, on a fresh database of the run's
// PostgreSQL. stop() and start() keep the storage, so a restart resumes.
import { mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import type { PublicClient } from "viem";
import type { Chain } from "./chain.ts";
import type {} from "./global-setup.ts"; // its ProvidedContext (postgresUrl)
import { ponderProcess } from "./ponder-process.ts";
import { postGraphql } from "./graphql.ts";
import { freePort, waitFor } from "./wait.ts";

export interface Indexer {
  url: string;
  /** POSTs a GraphQL query to /graphql; throws if the answer has errors. */
  graphql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<T>;
  /** fetch() against the API. */
  request(pathname: string, init?: RequestInit): Promise<Response>;
  /** Waits until Ponder has indexed `block` (default: the chain's head now). */
  waitForBlock(block?: bigint): Promise<void>;
  /** Stops the process (SIGTERM, or SIGKILL to simulate a crash); storage is kept. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same storage and port, and waits until it is ready. */
  start(): Promise<void>;
  /** Everything the process printed, for a failing test's message. */
  output(): string;
  /** Stops it and deletes its storage. */
  dispose(): Promise<void>;
  /** The storage-related environment (DATABASE_URL or the PGlite dirs), for direct inspection. */
  storageEnv: Record<string, string>;
}

async function storage(): Promise<{ env: Record<string, string>; remove(): void }> {
  const postgresUrl = process.env.TEST_DATABASE === "postgres" ? inject("postgresUrl") : undefined;
  if (postgresUrl) {
    const name = `ix_${randomBytes(6).toString("hex")}`;
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    return { env: { DATABASE_URL: url.toString() }, remove: () => undefined };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "crowdstake-indexer-"));
  return {
    env: { PGLITE_DIR: path.join(dir, "pglite"), OFFCHAIN_PGLITE_DIR: path.join(dir, "offchain") },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Waits until the indexer at `url` has indexed `block` (default: the chain's head now). */
export async function waitForIndexedBlock(url: string, chainPublic: PublicClient, block?: bigint): Promise<void> {
  // cacheTime 0: viem otherwise answers from a 4 s cache, an old head.
  const target = block ?? (await chainPublic.getBlockNumber({ cacheTime: 0 }));
  await waitFor(
    async () => {
      const status = (await (await fetch(`${url}/status`)).json()) as { main?: { block?: { number: number } } };
      return BigInt(status.main?.block?.number ?? -1) >= target;
    },
    `the indexer to reach block ${target}`,
    60_000,
    100,
  );
}

/** The Ponder schema the indexer writes; `ponder serve` processes must name the same one. */
export const PONDER_SCHEMA = "crowdstake";

/** The environment of a Ponder process (start or serve) against `chain`, answering at `url`. */
export function ponderEnv(chain: Chain, url: string, env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PONDER_TELEMETRY_DISABLED: "true",
    PONDER_RPC_URL: chain.rpcUrl,
    PONDER_CHAIN_ID: "31337",
    DEPLOYMENT_JSON: chain.deploymentJson,
    PONDER_POLLING_MS: "200",
    WORKER_POLL_MS: "100",
    PUBLIC_API_URL: url,
    LOG_LEVEL: "warn",
    NO_COLOR: "1",
    ...env,
  };
}

export async function startIndexer(chain: Chain, env: Record<string, string> = {}): Promise<Indexer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const store = await storage();
  const ponder = ponderProcess(["start", "--port", String(port), "--schema", PONDER_SCHEMA], ponderEnv(chain, url, { ...store.env, ...env }), url, "the indexer");

  const indexer: Indexer = {
    url,
    storageEnv: store.env,
    graphql: (query, variables, headers) => postGraphql(url, query, variables, headers),
    request: (pathname, init) => fetch(`${url}${pathname}`, init),
    waitForBlock: (block) => waitForIndexedBlock(url, chain.public, block),
    stop: ponder.stop,
    start: ponder.launch,
    output: ponder.output,
    async dispose() {
      await indexer.stop();
      store.remove();
    },
  };
  try {
    await ponder.launch();
  } catch (error) {
    await indexer.dispose();
    throw error;
  }
  return indexer;
}
