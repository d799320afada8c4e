// Keeps a browser-test stack running while you write tests, and writes its URLs to a file:
//   node e2e/harness/serve-stack.ts /tmp/stack.json   (from web/, on the project's Node 22)
//   E2E_STACK=/tmp/stack.json npx vitest run --config vitest.browser.config.ts e2e/x.test.ts
// Ctrl-C stops it. The chain's state carries over between runs, as in one full run.
import { writeFileSync } from "node:fs";
import { startStack } from "./stack.ts";

const file = process.argv[2] ?? "/tmp/crowdstake-stack.json";
const stack = await startStack();
const { stop, ...info } = stack;
writeFileSync(file, JSON.stringify(info, null, 2));
console.log(`stack running: ${JSON.stringify(info)}\nwrote ${file}; Ctrl-C stops it`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void stop().finally(() => process.exit(0));
  });
}
