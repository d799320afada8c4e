// The indexer's tests: each suite runs its own hardhat node and Ponder process on free ports,
// so suites run one at a time (2-core CI). TEST_DATABASE=postgres runs the same suites on a
// private PostgreSQL that the global setup starts.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/faults/**", "**/node_modules/**"],
    globalSetup: ["test/harness/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 360_000,
    reporters: ["verbose"],
  },
});
