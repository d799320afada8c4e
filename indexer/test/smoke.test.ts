// The stack comes up: a chain with the platform deployed, the indexer on it, and the one
// GraphQL endpoint answering with on-chain rows and off-chain fields side by side.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChain, type Chain } from "./harness/chain.js";
import { startIndexer, type Indexer } from "./harness/indexer.js";

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
});
