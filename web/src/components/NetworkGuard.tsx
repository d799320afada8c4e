// A connected wallet on another chain gets a prompt to switch, not failing transactions.
import { useAccount, useSwitchChain } from "wagmi";
import { chain } from "../wagmi.ts";

export function NetworkGuard() {
  const { isConnected, chainId } = useAccount();
  const { switchChain, isPending, error } = useSwitchChain();
  if (!isConnected || chainId === chain.id) return null;
  return (
    <div className="banner banner-warning" role="alert">
      <span>Your wallet is on another network. Crowdstake runs on {chain.name} (chain id {chain.id}).</span>
      <button type="button" className="button" disabled={isPending} onClick={() => switchChain({ chainId: chain.id })}>
        {isPending ? "Switching…" : `Switch to ${chain.name}`}
      </button>
      {error && <span className="error">{error.message.split("\n")[0]}</span>}
    </div>
  );
}
