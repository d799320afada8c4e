// The pay button and everything that can stand in its way: no wallet, the wrong network, an
// intent restricted to another payer, a balance that is too low. Shows each wallet step and its
// outcome (TxStatus); once the payment is sent the live status takes over.
import type { Address, Hex } from "viem";
import { useAccount } from "wagmi";
import { TxStatus } from "../components/TxStatus.tsx";
import { config } from "../config.ts";
import { checksum, formatAmount } from "../lib/format.ts";
import { ConnectPrompt } from "./ConnectPrompt.tsx";
import { pathSteps } from "./paymentPath.ts";
import { payerAllowed, type IntentArgs } from "./session.ts";
import { usePayment } from "./usePayment.ts";
import type { TokenInfo } from "./useTokenInfo.ts";

interface Props {
  intent: IntentArgs;
  signature: Hex;
  escrow: Address;
  token: TokenInfo;
}

export function PayPanel({ intent, signature, escrow, token }: Props) {
  const { address, isConnected, chainId } = useAccount();
  const { readiness, pay, paidHash, tx } = usePayment(intent, signature, escrow);
  const amountText = formatAmount(intent.amount, token.decimals, token.symbol, token.decimals);

  if (paidHash) {
    return (
      <div className="stack">
        <TxStatus state={tx.state} />
        <p role="status">Payment sent. Waiting for the network to confirm it…</p>
      </div>
    );
  }
  if (!isConnected || !address) return <ConnectPrompt />;

  let blocker: string | undefined;
  if (chainId !== config.chainId) blocker = "Switch your wallet to this app's network to pay (see the banner above).";
  else if (!payerAllowed(intent.payer, address)) blocker = `This payment request can only be paid by ${checksum(intent.payer)}. Connect that account.`;
  else if (readiness.balance !== undefined && readiness.balance < intent.amount)
    blocker = `Your balance is ${formatAmount(readiness.balance, token.decimals, token.symbol, token.decimals)}; this payment needs ${amountText}.`;

  const steps = readiness.path ? pathSteps(readiness.path, token.symbol) : [];
  return (
    <div className="stack">
      <p className="muted">
        Paying from <code>{checksum(address)}</code>
      </p>
      {steps.length > 1 && (
        <ol aria-label="Steps">
          {steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      )}
      {blocker && <p className="error" role="alert">{blocker}</p>}
      <button type="button" className="button" onClick={() => void pay()} disabled={Boolean(blocker) || readiness.loading || !readiness.path || tx.busy}>
        {tx.busy ? "Paying…" : readiness.loading ? "Checking your balance…" : `Pay ${amountText}`}
      </button>
      <TxStatus state={tx.state} />
    </div>
  );
}
