// One Ponder process of a test (`ponder start` or `ponder serve`) on a given port: spawned with
// the node that runs the tests (no npx in between, so the pid is Ponder's), its output kept for a
// failing test's message, ready once /ready answers 200; stop() waits for the exit.
import { spawn, type ChildProcess } from "node:child_process";
import { INDEXER_ROOT, PONDER_CLI } from "./paths.ts";
import { waitFor } from "./wait.ts";

export interface PonderProcess {
  /** Spawns it and waits until /ready answers 200 (or rejects with its output if it exits). */
  launch(): Promise<void>;
  /** SIGTERM, or SIGKILL to simulate a crash; resolves once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** The OS process id while it runs. */
  pid(): number | undefined;
  output(): string;
}

export function ponderProcess(args: string[], env: NodeJS.ProcessEnv, url: string, label: string): PonderProcess {
  let child: ChildProcess | undefined;
  let output = "";
  const running = () => (child && child.exitCode === null && child.signalCode === null ? child : undefined);
  return {
    async launch() {
      const current = spawn(process.execPath, [PONDER_CLI, ...args], { cwd: INDEXER_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
      child = current;
      current.stdout!.on("data", (chunk) => (output += chunk));
      current.stderr!.on("data", (chunk) => (output += chunk));
      const exited = new Promise<never>((_, reject) => current.once("exit", (code) => reject(new Error(`${label} exited with ${code}:\n${output.slice(-4000)}`))));
      exited.catch(() => undefined);
      await Promise.race([exited, waitFor(async () => (await fetch(`${url}/ready`)).status === 200, `${label} to be ready`, 240_000)]);
    },
    async stop(signal = "SIGTERM") {
      const current = running();
      if (!current) return;
      const exited = new Promise((resolve) => current.once("exit", resolve));
      current.kill(signal);
      await exited;
    },
    pid: () => running()?.pid,
    output: () => output,
  };
}
