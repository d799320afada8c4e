// Numbered steps with elapsed seconds ("[3/7] deploying the contracts… 12.4 s"), and the choice of
// free ports for the stack.
import { createServer } from "node:net";
import { portIsFree } from "../../lib/ports.ts";

/**
 * Free on 127.0.0.1 and on ::1: a browser may resolve "localhost" to either, and another server on
 * ::1 alone would then answer in our place.
 */
async function portIsFreeForLocalhost(port: number): Promise<boolean> {
  if (!(await portIsFree(port))) return false;
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "EADDRNOTAVAIL" || error.code === "EAFNOSUPPORT"));
    server.listen({ port, host: "::1", ipv6Only: true }, () => server.close(() => resolve(true)));
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export class StepFailed extends Error {
  readonly step: string;
  readonly reason: unknown;
  constructor(step: string, reason: unknown, elapsedMs: number) {
    super(`${step} failed after ${seconds(elapsedMs)}: ${reason instanceof Error ? reason.message : String(reason)}`);
    this.step = step;
    this.reason = reason;
  }
}

export class Progress {
  private index = 0;
  private readonly startedAt = Date.now();
  private ticker: NodeJS.Timeout | undefined;
  private stopped = false;

  private readonly total: number;
  private readonly out: NodeJS.WriteStream;

  constructor(total: number, out: NodeJS.WriteStream = process.stdout) {
    this.total = total;
    this.out = out;
  }

  /** Milliseconds since the stack began to come up. */
  get elapsedMs(): number {
    return Date.now() - this.startedAt;
  }

  /** Runs one step: prints its number and title, then its duration (live on a terminal). */
  async step<T>(title: string, work: () => Promise<T>): Promise<T> {
    this.index += 1;
    const label = `[${this.index}/${this.total}] ${title}…`;
    const began = Date.now();
    const tty = this.out.isTTY === true;
    this.out.write(label);
    if (tty) {
      this.ticker = setInterval(() => this.out.write(`\r${label} ${Math.floor((Date.now() - began) / 1000)} s`), 1_000);
    }
    try {
      const result = await work();
      this.finish(tty ? `\r${label} ${seconds(Date.now() - began)}\n` : ` ${seconds(Date.now() - began)}\n`);
      return result;
    } catch (error) {
      this.finish(tty ? `\r${label} failed\n` : " failed\n");
      throw new StepFailed(`[${this.index}/${this.total}] ${title}`, error, Date.now() - began);
    }
  }

  /** A line of its own between steps (a busy port, a warning). */
  note(message: string): void {
    this.out.write(`  ${message}\n`);
  }

  private finish(text: string): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
    if (!this.stopped) this.out.write(text);
  }

  /** Ends the current line for good (the stack is stopping): later step results are not printed. */
  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
    this.stopped = true;
  }
}

export interface PortChoice {
  port: number;
  /** set when the preferred port was busy */
  message?: string;
}

/**
 * `preferred` if it is free, else the next free port above it. `what` names the service and
 * `variable` the environment variable that sets the preferred port, for the message.
 */
export async function choosePort(preferred: number, what: string, variable: string, taken: Set<number>): Promise<PortChoice> {
  if (!taken.has(preferred) && (await portIsFreeForLocalhost(preferred))) {
    taken.add(preferred);
    return { port: preferred };
  }
  for (let port = preferred + 1; port < Math.min(preferred + 100, 65_536); port++) {
    if (!taken.has(port) && (await portIsFreeForLocalhost(port))) {
      taken.add(port);
      return { port, message: `port ${preferred} (${what}) is busy: using ${port} instead (set ${variable} to choose another)` };
    }
  }
  throw new Error(`ports ${preferred}-${preferred + 99} (${what}) are all busy: set ${variable} to a free port`);
}
