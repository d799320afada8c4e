// The app's configuration, read once at start from window.__CROWDSTAKE__ (/config.js, see
// runtime-config.ts) with the local stack's defaults, and the contract addresses for its chain.
import { deployments } from "../../generated/crowdstake.ts";
import type { RuntimeConfig } from "../runtime-config.ts";

declare global {
  interface Window {
    __CROWDSTAKE__?: Partial<RuntimeConfig>;
  }
}

export type ContractName = "CampaignFactory" | "PaymentEscrow" | "DevStablecoin";

const runtime = (typeof window === "undefined" ? undefined : window.__CROWDSTAKE__) ?? {};
const chainId = runtime.chainId ?? 31337;
const generated = (deployments as Record<string, { contracts: Record<string, { address: string }> }>)[String(chainId)]?.contracts ?? {};

export const config = {
  chainId,
  rpcUrl: runtime.rpcUrl ?? "http://127.0.0.1:8545",
  apiUrl: runtime.apiUrl ?? "http://127.0.0.1:42069",
  walletConnectProjectId: runtime.walletConnectProjectId,
  appName: "Crowdstake",
};

/** The deployed address of a platform contract, or undefined when this chain has none. */
export function contractAddress(name: ContractName): `0x${string}` | undefined {
  const address = runtime.contracts?.[name] ?? generated[name]?.address;
  return address as `0x${string}` | undefined;
}
