// The browser tests (e2e/): a real Chromium against the whole stack. One stack per run (global
// setup); files run one after another, since they share the chain and its clock.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["e2e/harness/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
