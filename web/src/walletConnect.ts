// WalletConnect (phones and other devices), offered only when WALLETCONNECT_PROJECT_ID is set.
import { connectorsForWallets } from "@rainbow-me/rainbowkit";
import { injectedWallet, walletConnectWallet } from "@rainbow-me/rainbowkit/wallets";
import { config } from "./config.ts";

export function walletConnectConnectors(projectId: string) {
  return connectorsForWallets([{ groupName: "Wallets", wallets: [injectedWallet, walletConnectWallet] }], { appName: config.appName, projectId });
}
