// The chain the realtime and on-ramp benchmarks share: the test harness's `hardhat node` with the
// local deployment and `npm start`'s demo seed, started once per `npm run bench` (deploy + seed
// take a minute on 2 cores) and stopped by index.ts at the end. Plus what the parts share: fast
// polling, GraphQL, block-time switching and a small table formatter.
import { type Address } from "viem";
import { startChain, type Chain } from "../../indexer/test/harness/chain.ts";

export interface Seeded {
  /** Solar Coop: active, cUSD, the demo's open campaign. */
  solar: Address;
  /** Corner Bakery's pool: alice and bob hold BREAD left to stake. */
  bakeryPool: Address;
}

export interface BenchChain extends Chain {
  seeded: Seeded;
  /** 0: automine (a block per transaction, none otherwise); n > 0: a block every n ms, no automine. */
  setBlockTime(ms: number): Promise<void>;
}

let shared: Promise<BenchChain> | undefined;

export function sharedChain(): Promise<BenchChain> {
  shared ??= (async () => {
    const chain = await startChain();
    const output = await chain.seed();
    const find = (pattern: RegExp) => {
      const match = pattern.exec(output);
      if (!match) throw new Error(`bench: the seed's output lacks ${pattern}:\n${output}`);
      return match[1]!.toLowerCase() as Address;
    };
    const seeded = {
      solar: find(/campaign "Solar Coop" (0x[0-9a-fA-F]{40})/),
      bakeryPool: find(/campaign "Corner Bakery" 0x[0-9a-fA-F]{40} .*?pool (0x[0-9a-fA-F]{40})/),
    };
    return {
      ...chain,
      seeded,
      async setBlockTime(ms) {
        // Interval mining alone keeps automine on (a block per transaction): turn it off too.
        await chain.test.setAutomine(ms === 0);
        // Raw RPC: viem's setIntervalMining multiplies by 1,000 in hardhat mode (it takes seconds
        // there), while Hardhat's evm_setIntervalMining takes milliseconds.
        await (chain.test.request as (args: { method: string; params: unknown[] }) => Promise<unknown>)({ method: "evm_setIntervalMining", params: [ms] });
      },
    };
  })();
  return shared;
}

export async function stopSharedChain(): Promise<void> {
  if (!shared) return;
  const chain = await shared.catch(() => undefined);
  shared = undefined;
  await chain?.stop();
}

/** POSTs a GraphQL query; throws on errors. */
export async function graphql<T = any>(apiUrl: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${apiUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${body.errors.map((error) => error.message).join("; ")}`);
  return body.data!;
}

/** Polls `probe` every `everyMs` until it returns true; resolves with performance.now() of that answer. */
export async function pollUntil(probe: () => Promise<boolean>, what: string, everyMs = 20, timeoutMs = 60_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  let lastError = "";
  for (;;) {
    const ok = await probe().catch((error: Error) => {
      lastError = ` (last error: ${error.message})`;
      return false;
    });
    if (ok) return performance.now();
    if (performance.now() > deadline) throw new Error(`bench: timed out after ${timeoutMs} ms waiting for ${what}${lastError}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export function table(header: string[], rows: (string | number)[][]): string {
  return [`| ${header.join(" | ")} |`, `|${header.map((_, index) => (index === 0 ? "---" : "---:")).join("|")}|`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}

export const ms = (value: number) => Math.round(value);
