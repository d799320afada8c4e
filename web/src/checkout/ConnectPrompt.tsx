// Connect a wallet without leaving the checkout: the browser wallets wagmi discovered (EIP-6963,
// including a phone wallet's in-app browser), or a hint when there is none.
import { useConnect } from "wagmi";

export function ConnectPrompt() {
  const { connectors, connect, isPending, error } = useConnect();
  if (connectors.length === 0) {
    return <p>No browser wallet found. Open this page in your wallet app (scan the QR code) or install a wallet extension.</p>;
  }
  return (
    <div className="stack">
      <p>Connect a wallet to pay.</p>
      <div className="row">
        {connectors.map((connector) => (
          <button key={connector.uid} type="button" className="button" disabled={isPending} onClick={() => connect({ connector })}>
            Connect {connector.name}
          </button>
        ))}
      </div>
      {error && <p className="error" role="alert">{error.message.split("\n")[0]}</p>}
    </div>
  );
}
