// The configuration the web app reads at run time (window.__CROWDSTAKE__, from /config.js), so
// one build serves any chain, API and deployment. The dev and preview servers answer /config.js
// from the environment; a static host writes the same file by hand.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";

export interface RuntimeConfig {
  chainId: number;
  rpcUrl: string;
  apiUrl: string;
  /** WalletConnect Cloud project id: without it only injected (browser) wallets are offered. */
  walletConnectProjectId?: string;
  /** Contract addresses by name; missing ones come from generated/crowdstake.ts. */
  contracts: Record<string, string>;
}

const root = path.resolve(import.meta.dirname, "..");

/** Addresses of DEPLOYMENT_JSON ({chainId, contracts: {Name: {address}}}) or of Ignition's local journal. */
function deployedContracts(chainId: number): Record<string, string> {
  const file = process.env.DEPLOYMENT_JSON;
  if (file) {
    const deployment = JSON.parse(readFileSync(file, "utf8")) as { chainId: number; contracts: Record<string, { address: string }> };
    if (deployment.chainId !== chainId) throw new Error(`DEPLOYMENT_JSON is for chain ${deployment.chainId}, not CROWDSTAKE_CHAIN_ID ${chainId}`);
    return Object.fromEntries(Object.entries(deployment.contracts).map(([name, { address }]) => [name, address]));
  }
  const addresses = path.join(root, "deploy/deployments", `chain-${chainId}`, "deployed_addresses.json");
  if (!existsSync(addresses)) return {};
  const byFuture = JSON.parse(readFileSync(addresses, "utf8")) as Record<string, string>;
  return Object.fromEntries(Object.entries(byFuture).map(([future, address]) => [future.split("#").pop()!, address]));
}

export function runtimeConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const chainId = Number(env.CROWDSTAKE_CHAIN_ID ?? 31337);
  if (!Number.isSafeInteger(chainId) || chainId <= 0) throw new Error(`CROWDSTAKE_CHAIN_ID must be a positive integer, got "${env.CROWDSTAKE_CHAIN_ID}"`);
  for (const name of ["CROWDSTAKE_RPC_URL", "CROWDSTAKE_API_URL"] as const) {
    if (env[name] !== undefined && !URL.canParse(env[name]!)) throw new Error(`${name} must be a URL, got "${env[name]}"`);
  }
  return {
    chainId,
    rpcUrl: env.CROWDSTAKE_RPC_URL ?? "http://127.0.0.1:8545",
    apiUrl: (env.CROWDSTAKE_API_URL ?? "http://127.0.0.1:42069").replace(/\/$/, ""),
    walletConnectProjectId: env.WALLETCONNECT_PROJECT_ID || undefined,
    contracts: deployedContracts(chainId),
  };
}

/** Serves /config.js in `vite` and `vite preview`, read afresh on each request. */
export function runtimeConfigPlugin(): Plugin {
  const serve = (_req: unknown, res: { setHeader(name: string, value: string): void; end(body: string): void }) => {
    res.setHeader("content-type", "text/javascript; charset=utf-8");
    res.setHeader("cache-control", "no-store");
    res.end(`window.__CROWDSTAKE__ = ${JSON.stringify(runtimeConfig())};\n`);
  };
  return {
    name: "crowdstake-runtime-config",
    configureServer(server) {
      server.middlewares.use("/config.js", serve);
    },
    configurePreviewServer(server) {
      server.middlewares.use("/config.js", serve);
    },
  };
}
