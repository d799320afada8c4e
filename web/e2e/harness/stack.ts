// The whole system for the browser tests, on free ports: a `hardhat node` with the platform
// deployed and the demo seeds of `npm start` (on-chain and off-chain), the real Ponder indexer and API on embedded
// PGlite, and the built web app served by `vite preview` with its runtime config pointing at
// both. Started once per run by global-setup.ts; tests reach it through context.ts.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { startChain, type Chain } from "../../../indexer/test/harness/chain.ts";
import { startIndexer, type Indexer } from "../../../indexer/test/harness/indexer.ts";
import { freePort, waitFor } from "../../../indexer/test/harness/wait.ts";
import { seedOffchain, type OffchainSeed } from "../../../scripts/dev/seed-offchain.ts";

export const WEB_ROOT = path.resolve(import.meta.dirname, "../..");
const VITE_CLI = path.resolve(WEB_ROOT, "../node_modules/vite/bin/vite.js");

/** What the tests receive (plain data: it crosses from the global setup to the test workers). */
export interface StackInfo {
  rpcUrl: string;
  apiUrl: string;
  webUrl: string;
  deploymentJson: string;
  /** What the off-chain demo seed made: the merchant's (#4) token and API key, sessions, a settled card order. */
  demo: OffchainSeed;
}

export interface Stack extends StackInfo {
  stop(): Promise<void>;
}

async function startWebPreview(port: number, env: Record<string, string>): Promise<ChildProcess> {
  if (!existsSync(path.join(WEB_ROOT, "dist/index.html"))) {
    throw new Error("web/dist is missing: build the web app first (npm run build --workspace web)");
  }
  let output = "";
  const child = spawn(process.execPath, [VITE_CLI, "preview", "--port", String(port), "--strictPort", "--host", "127.0.0.1"], {
    cwd: WEB_ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  try {
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`vite preview exited ${child.exitCode}: ${output}`);
      return (await fetch(`http://127.0.0.1:${port}/config.js`)).ok;
    }, "vite preview to serve the web app", 30_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return child;
}

export async function startStack(): Promise<Stack> {
  const chain: Chain = await startChain();
  let indexer: Indexer | undefined;
  let web: ChildProcess | undefined;
  let demo: OffchainSeed | undefined;
  const webUrl = `http://127.0.0.1:${await freePort()}`;
  try {
    await chain.seed();
    // WEB_URL: CORS admits the app, and hosted checkout links point at it.
    indexer = await startIndexer(chain, { WEB_URL: webUrl });
    await indexer.waitForBlock();
    demo = await seedOffchain(indexer.url, undefined, undefined, { webUrl, rpcUrl: chain.rpcUrl, escrow: chain.addresses.PaymentEscrow });
    web = await startWebPreview(Number(new URL(webUrl).port), {
      CROWDSTAKE_CHAIN_ID: "31337",
      CROWDSTAKE_RPC_URL: chain.rpcUrl,
      CROWDSTAKE_API_URL: indexer.url,
      DEPLOYMENT_JSON: chain.deploymentJson,
    });
  } catch (error) {
    await indexer?.dispose();
    await chain.stop();
    throw error;
  }
  const preview = web;
  const api = indexer;
  return {
    rpcUrl: chain.rpcUrl,
    apiUrl: api.url,
    webUrl,
    demo: demo!,
    deploymentJson: chain.deploymentJson,
    async stop() {
      preview.kill("SIGTERM");
      await api.dispose();
      await chain.stop();
    },
  };
}
