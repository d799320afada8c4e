// Before the dashboard: connect the merchant's wallet, then sign a SIWE message (no gas).
import { useAccount } from "wagmi";
import type { Address } from "viem";
import { TxStatus } from "../components/TxStatus.tsx";
import type { TxState } from "../hooks/useTx.ts";
import { checksum } from "../lib/format.ts";
import { ConnectPrompt } from "../checkout/ConnectPrompt.tsx";

interface Props {
  onSignIn: (address: Address) => void;
  busy: boolean;
  txState: TxState;
  error: string | undefined;
}

export function SignInCard({ onSignIn, busy, txState, error }: Props) {
  const { address, isConnected } = useAccount();
  return (
    <section className="card stack" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Sign in</h2>
      <p>
        Merchants sign in with the wallet that receives their payments. Signing the message costs no gas and lets this dashboard manage your API keys
        and webhooks.
      </p>
      {isConnected && address ? (
        <div className="stack">
          <p>
            Wallet: <code>{checksum(address)}</code>
          </p>
          <div>
            <button type="button" className="button" disabled={busy} onClick={() => onSignIn(address)}>
              Sign in with Ethereum
            </button>
          </div>
        </div>
      ) : (
        <ConnectPrompt />
      )}
      <TxStatus state={txState} />
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
