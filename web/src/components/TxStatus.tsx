// What a transaction is doing, announced to screen readers: waiting for the wallet, pending,
// confirmed, cancelled in the wallet (not an error) or failed with the decoded reason.
import type { TxState } from "../hooks/useTx.ts";

export function TxStatus({ state }: { state: TxState }) {
  switch (state.status) {
    case "idle":
      return null;
    case "signing":
      return <p className="tx tx-signing" role="status">{state.label}: confirm in your wallet…</p>;
    case "pending":
      return <p className="tx tx-pending" role="status">{state.label}: pending <code>{state.hash.slice(0, 10)}…</code></p>;
    case "confirmed":
      return <p className="tx tx-confirmed" role="status">{state.label}: confirmed ✓</p>;
    case "rejected":
      return <p className="tx tx-rejected" role="status">{state.label}: {state.message}</p>;
    case "failed":
      return <p className="tx tx-failed" role="alert">{state.label} failed: {state.message}</p>;
  }
}
