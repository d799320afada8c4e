// docs/graphql.md's examples run as written: against a chain with the demo data of `npm start`
// (scripts/dev/seed.ts on-chain, scripts/dev/seed-offchain.ts through the API), every ```graphql
// block (with the ```json variables block that may follow it) is POSTed to /graphql with the
// demo merchant's token, and must answer without errors and with data. The placeholders the
// doc asks readers to fill in (<sessionId>, <orderId>) get what the seed made.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChain, type Chain } from "./harness/chain.js";
import { startIndexer, type Indexer } from "./harness/indexer.js";
import { REPO_ROOT } from "./harness/paths.js";
import { seedOffchain, type OffchainSeed } from "../../scripts/dev/seed-offchain.ts";

interface Example {
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

/** Each ```graphql block, titled by the heading above it, with the ```json block after it. */
function examples(markdown: string): Example[] {
  const found: Example[] = [];
  let title = "";
  const blocks = markdown.split(/^```/m);
  for (let index = 1; index < blocks.length; index += 2) {
    const before = blocks[index - 1]!;
    const heading = [...before.matchAll(/^#+\s+(.*)$/gm)].pop();
    if (heading) title = heading[1]!;
    const block = blocks[index]!;
    if (block.startsWith("graphql\n")) {
      found.push({ title, query: block.slice("graphql\n".length) });
    } else if (block.startsWith("json\n") && found.length > 0 && blocks[index - 1]!.trim() === "" && !found.at(-1)!.variables) {
      found.at(-1)!.variables = JSON.parse(block.slice("json\n".length));
    }
  }
  return found;
}

/**
 * True when the answer holds data: somewhere a non-empty list, a non-empty string, a non-zero
 * number or `true` (an empty page — `items: []`, `hasNextPage: false`, `totalCount: 0` — is not).
 */
function hasData(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value !== null && typeof value === "object") return Object.values(value).some(hasData);
  return value === true || (typeof value === "string" && value !== "") || (typeof value === "number" && value !== 0);
}

const docs = readFileSync(path.join(REPO_ROOT, "docs/graphql.md"), "utf8");
const all = examples(docs);

describe("docs/graphql.md examples against the demo data", () => {
  let chain: Chain;
  let indexer: Indexer;
  let seeded: OffchainSeed;

  beforeAll(async () => {
    chain = await startChain();
    await chain.seed();
    indexer = await startIndexer(chain);
    await indexer.waitForBlock();
    const { campaigns } = await indexer.graphql("{ campaigns(limit: 1) { items { id asset } } }");
    seeded = await seedOffchain(indexer.url, campaigns.items[0].id, campaigns.items[0].asset);
    await indexer.waitForBlock();
  });
  afterAll(async () => {
    await indexer?.dispose();
    await chain?.stop();
  });

  it("has examples", () => {
    expect(all.length).toBeGreaterThan(3);
  });

  it.each(all.map((example) => [example.title, example] as const))("%s", async (_title, example) => {
    const placeholders: Record<string, string> = { "<sessionId>": seeded.sessionId, "<orderId>": seeded.orderId };
    const variables = JSON.parse(JSON.stringify(example.variables ?? {}), (_key, value) => placeholders[value] ?? value);
    const data = await indexer.graphql(example.query, variables, { authorization: `Bearer ${seeded.merchantToken}` });
    expect(hasData(data), JSON.stringify(data)).toBe(true);
  });
});
