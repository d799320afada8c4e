// wagmi configuration: the one chain this deployment runs on and the wallets offered. Browser
// wallets are found by EIP-6963 discovery (wagmi's default), which RainbowKit lists as
// "Installed"; WalletConnect joins only when a project id is configured, and only then is its
// (large) code loaded.
import { defineChain, http } from "viem";
import { createConfig } from "wagmi";
import { config } from "./config.ts";

export const chain = defineChain({
  id: config.chainId,
  name: config.chainId === 31337 ? "Crowdstake local" : `Chain ${config.chainId}`,
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: [config.rpcUrl] } },
  testnet: config.chainId === 31337,
});

const connectors = config.walletConnectProjectId ? (await import("./walletConnect.ts")).walletConnectConnectors(config.walletConnectProjectId) : [];

export const wagmiConfig = createConfig({
  chains: [chain],
  connectors,
  multiInjectedProviderDiscovery: true,
  transports: { [chain.id]: http(config.rpcUrl) },
  // A local chain mines on demand: poll often so confirmations show at once.
  pollingInterval: config.chainId === 31337 ? 500 : 4_000,
});

declare module "wagmi" {
  interface Register {
    config: typeof wagmiConfig;
  }
}
