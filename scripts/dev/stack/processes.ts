// The processes `npm start` runs. Each child gets a process group of its own (detached), so that
// stopping it also stops what it started (Ponder's and Vite's helpers); its output goes to a log
// file and to a short in-memory tail for error messages, and, once the stack is up, optionally to
// the terminal with a prefix.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import path from "node:path";

const TAIL_LINES = 40;

export interface Managed {
  name: string;
  child: ChildProcess;
  pid: number;
  logFile: string;
  /** the last lines it printed */
  tail(): string;
  /** resolves with the exit code (or the signal's name) */
  exited: Promise<number | string>;
  /** echo its output to the terminal from now on, each line prefixed (only lines `filter` accepts) */
  echo(prefix: string, filter?: (line: string) => boolean): void;
}

export class ChildFailed extends Error {
  readonly managed: Managed;
  constructor(message: string, managed: Managed) {
    super(message);
    this.managed = managed;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Signals a whole process group; false when it has no process left. */
function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

export class Processes {
  private readonly running = new Set<Managed>();
  private readonly streams: WriteStream[] = [];
  private stopping = false;
  private readonly mutes: (() => void)[] = [];
  private readonly logDir: string;

  constructor(logDir: string) {
    this.logDir = logDir;
    mkdirSync(logDir, { recursive: true });
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Starts a long-running child (a server); it is stopped by stopAll(). */
  start(name: string, command: string, args: string[], options: SpawnOptions): Managed {
    if (this.stopping) throw new Error("stopping");
    const logFile = path.join(this.logDir, `${name}.log`);
    const log = createWriteStream(logFile, { flags: "w" });
    this.streams.push(log);
    const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    if (child.pid === undefined) throw new Error(`could not start ${name} (${command})`);
    const lines: string[] = [];
    let partial = "";
    let prefix: string | undefined;
    let accept: (line: string) => boolean = () => true;
    this.mutes.push(() => (prefix = undefined));
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      const text = partial + chunk.toString("utf8");
      const parts = text.split("\n");
      partial = parts.pop() ?? "";
      for (const raw of parts) {
        // eslint-disable-next-line no-control-regex
        const line = raw.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "").replace(/\r/g, "");
        lines.push(line);
        if (lines.length > TAIL_LINES) lines.shift();
        if (prefix !== undefined && line.trim() !== "" && accept(line)) console.log(`${prefix}${line}`);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    const managed: Managed = {
      name,
      child,
      pid: child.pid,
      logFile,
      tail: () => [...lines, partial].filter((line) => line.trim() !== "").join("\n"),
      exited: new Promise((resolve) => {
        child.once("error", (error) => {
          lines.push(String(error));
          resolve(1);
        });
        child.once("exit", (code, signal) => resolve(code ?? signal ?? 1));
      }),
      echo: (value, filter) => {
        prefix = value;
        if (filter) accept = filter;
      },
    };
    this.running.add(managed);
    void managed.exited.then(() => {
      // The group may outlive its leader for a moment (helpers); stopAll() still signals it.
      if (!signalGroup(managed.pid, 0)) this.running.delete(managed);
    });
    return managed;
  }

  /** Runs a child to completion (a deploy, a seed); rejects with its output's tail if it fails. */
  async run(name: string, command: string, args: string[], options: SpawnOptions): Promise<Managed> {
    const managed = this.start(name, command, args, options);
    const code = await managed.exited;
    this.running.delete(managed);
    if (code !== 0) throw new ChildFailed(`${name} exited with ${code}`, managed);
    return managed;
  }

  /** The PIDs of the children still running (group leaders). */
  pids(): Record<string, number> {
    return Object.fromEntries([...this.running].filter((m) => m.child.exitCode === null).map((m) => [m.name, m.pid]));
  }

  /**
   * Stops every child and everything it started: SIGTERM to each process group (newest first),
   * then SIGKILL to whatever is left after `graceMs`. Resolves once no process of theirs is left.
   */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    for (const mute of this.mutes) mute();
    const groups = [...this.running].reverse();
    for (const managed of groups) signalGroup(managed.pid, "SIGTERM");
    const deadline = Date.now() + graceMs;
    const left = () => groups.filter((managed) => signalGroup(managed.pid, 0) || alive(managed.pid));
    while (left().length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    for (const managed of left()) signalGroup(managed.pid, "SIGKILL");
    const killDeadline = Date.now() + 5_000;
    while (left().length > 0 && Date.now() < killDeadline) await new Promise((resolve) => setTimeout(resolve, 50));
    this.running.clear();
    await Promise.all(this.streams.map((stream) => new Promise((resolve) => stream.end(resolve))));
  }

  /** Last resort when the process is exiting right now: SIGKILL every group, synchronously. */
  killAllNow(): void {
    for (const managed of this.running) signalGroup(managed.pid, "SIGKILL");
  }
}
