// Take back the connected backer's contribution to a failed or cancelled campaign. The
// transaction's state lives in the panel above, so its "confirmed" stays once this offer is gone.
import { formatAmount } from "../lib/format.ts";
import type { AssetInfo } from "./assets.ts";

interface Props {
  amount: bigint;
  assetInfo: AssetInfo;
  reason: string;
  busy: boolean;
  onRefund: () => void;
}

export function RefundContribution({ amount, assetInfo, reason, busy, onRefund }: Props) {
  const money = formatAmount(amount, assetInfo.decimals, assetInfo.symbol);
  return (
    <div className="stack">
      <h3>Get your refund</h3>
      <p className="campaign-line">
        {reason} You put in {money}.
      </p>
      <div>
        <button type="button" className="button" disabled={busy} onClick={onRefund}>
          Refund {money}
        </button>
      </div>
    </div>
  );
}
