// Release and refund of one payment, as the escrow allows them now (paymentActions.ts), each sent
// through useTx with its status shown in the row.
import { useState } from "react";
import type { Address, Hex } from "viem";
import { useAccount } from "wagmi";
import { TxStatus } from "../components/TxStatus.tsx";
import { contractAddress } from "../config.ts";
import { useTx } from "../hooks/useTx.ts";
import { paymentEscrowAbi } from "../lib/contracts.ts";
import type { TokenInfo } from "../checkout/useTokenInfo.ts";
import { paymentActions } from "./paymentActions.ts";
import type { MerchantPayment } from "./queries.ts";
import { RefundForm } from "./RefundForm.tsx";

interface Props {
  payment: MerchantPayment;
  token: TokenInfo | undefined;
  walletIsMerchant: boolean;
  now: bigint;
  /** how the row names the payment to assistive technology */
  name: string;
}

export function PaymentActionsCell({ payment, token, walletIsMerchant, now, name }: Props) {
  const { address } = useAccount();
  const tx = useTx();
  const [refunding, setRefunding] = useState(false);
  const escrow = contractAddress("PaymentEscrow");
  const actions = paymentActions(
    { state: payment.state, amount: BigInt(payment.amount), refundedAmount: BigInt(payment.refundedAmount), releaseAt: BigInt(payment.releaseAt) },
    { isMerchant: walletIsMerchant, now },
  );
  if (!escrow || !address || (!actions.release && !actions.refund)) {
    return tx.state.status === "idle" ? <span className="muted">—</span> : <TxStatus state={tx.state} />;
  }
  const call = { address: escrow, abi: paymentEscrowAbi, account: address as Address } as const;
  const id = payment.id as Hex;

  return (
    <div className="stack">
      <div className="row">
        {actions.release && (
          <button type="button" className="button" disabled={tx.busy} aria-label={`Release ${name}`} onClick={() => void tx.write("Release", { ...call, functionName: "release", args: [id] })}>
            Release
          </button>
        )}
        {actions.refund && token && !refunding && (
          <button type="button" className="button secondary" disabled={tx.busy} aria-label={`Refund ${name}`} onClick={() => setRefunding(true)}>
            Refund…
          </button>
        )}
      </div>
      {refunding && token && (
        <RefundForm
          held={actions.held}
          token={token}
          disabled={tx.busy}
          onCancel={() => setRefunding(false)}
          onRefund={async (amount) => {
            const hash = await tx.write(amount === actions.held ? "Full refund" : "Partial refund", { ...call, functionName: "refund", args: [id, amount] });
            if (hash) setRefunding(false);
          }}
        />
      )}
      <TxStatus state={tx.state} />
    </div>
  );
}
