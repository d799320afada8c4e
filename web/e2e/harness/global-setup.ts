// Vitest global setup of the browser tests: one stack for the whole run (tests use their own
// accounts and campaigns, so they do not step on each other); its URLs reach the tests as
// inject("stack"). With E2E_STACK=<file> the tests use a stack that is already running.
import { readFileSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { startStack, type Stack, type StackInfo } from "./stack.ts";

let stack: Stack | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (process.env.E2E_STACK) {
    // A stack kept running by `node e2e/harness/serve-stack.ts` (while writing tests).
    project.provide("stack", JSON.parse(readFileSync(process.env.E2E_STACK, "utf8")) as StackInfo);
    return;
  }
  const started = Date.now();
  stack = await startStack();
  const { stop: _stop, ...info } = stack;
  project.provide("stack", info);
  console.log(`browser tests: stack up in ${((Date.now() - started) / 1000).toFixed(1)} s — web ${info.webUrl}, API ${info.apiUrl}, RPC ${info.rpcUrl}`);
}

export async function teardown(): Promise<void> {
  await stack?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}
