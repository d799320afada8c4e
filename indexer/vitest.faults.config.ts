// The fault tests (test/faults/): crashes, outages, deep reorgs, failing merchant endpoints,
// callback floods, property-based bad input and the scale-out (one indexer, several API
// processes, one PostgreSQL). They run once, on a private PostgreSQL — the deployment that has
// several processes — after the main suite; suites run one at a time (2-core CI).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/faults/**/*.test.ts"],
    globalSetup: ["test/harness/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 360_000,
    reporters: ["verbose"],
  },
});
