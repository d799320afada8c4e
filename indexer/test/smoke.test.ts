// The stack comes up: a chain with the platform deployed, the indexer on it, and the one
// GraphQL endpoint answering with on-chain rows and off-chain fields side by side.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChain, type Chain } from "./harness/chain.js";
import { startIndexer, type Indexer } from "./harness/indexer.js";
import { INDEXER_ROOT } from "./harness/paths.js";
import { servedSdl } from "./harness/sdl.js";

const COMMITTED_SDL = path.join(INDEXER_ROOT, "schema.graphql");

describe("stack smoke test", () => {
  let chain: Chain;
  let indexer: Indexer;

  beforeAll(async () => {
    chain = await startChain();
    indexer = await startIndexer(chain);
  });
  afterAll(async () => {
    await indexer?.dispose();
    await chain?.stop();
  });

  it("serves Ponder's tables and the off-chain schema from /graphql", async () => {
    const data = await indexer.graphql(`{ offchainReady campaigns { items { id } } }`);
    expect(data.offchainReady).toBe(true);
    expect(data.campaigns.items).toEqual([]);
  });

  it("reports readiness of the store and the indexer", async () => {
    const response = await indexer.request("/v1/ready");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ready: true, checks: { offchainStore: true, indexer: true } });
  });

  it("serves exactly the committed SDL (indexer/schema.graphql)", async () => {
    const served = await servedSdl(indexer);
    if (process.env.UPDATE_SCHEMA === "1") writeFileSync(COMMITTED_SDL, served);
    expect(existsSync(COMMITTED_SDL), "indexer/schema.graphql is missing: npm run schema:update -w indexer").toBe(true);
    expect(served).toBe(readFileSync(COMMITTED_SDL, "utf8"));
  });
});
