// Small HTTP helpers for `npm start`: JSON-RPC calls, GraphQL queries and waiting on a condition
// with a deadline (never on a fixed sleep).
import type { Managed } from "./processes.ts";

export async function rpc<T = unknown>(url: string, method: string, params: unknown[] = [], timeoutMs = 10_000): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`${method}: HTTP ${response.status}`);
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

export async function graphql<T = any>(apiUrl: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((error) => error.message).join("; ")}`);
  return body.data as T;
}

export async function httpOk(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Polls `condition` until it holds. Fails after `timeoutMs`, or at once when `process` (the
 * server being waited for) exits.
 */
/** A wait that failed; `process` is the server it was waiting for, if any. */
export class WaitFailed extends Error {
  readonly process: Managed | undefined;
  constructor(message: string, process: Managed | undefined) {
    super(message);
    this.process = process;
  }
}

export async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs: number, process?: Managed, intervalMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (process && process.child.exitCode !== null) {
      throw new WaitFailed(`${process.name} exited with code ${process.child.exitCode} before ${what}`, process);
    }
    if (process && process.child.signalCode !== null) {
      throw new WaitFailed(`${process.name} was stopped (${process.child.signalCode}) before ${what}`, process);
    }
    try {
      if (await condition()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new WaitFailed(`${what} did not happen within ${Math.round(timeoutMs / 1000)} s`, process);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
