// Claim the campaign tokens a successful campaign owes the connected backer. The transaction's
// state lives in the panel above, so its "confirmed" stays once this offer is gone.
import { formatAmount } from "../lib/format.ts";
import { CAMPAIGN_TOKEN_DECIMALS } from "./tokens.ts";

export function ClaimTokens({ claimable, tokenSymbol, busy, onClaim }: { claimable: bigint; tokenSymbol: string; busy: boolean; onClaim: () => void }) {
  const tokens = formatAmount(claimable, CAMPAIGN_TOKEN_DECIMALS, tokenSymbol);
  return (
    <div className="stack">
      <h3>Claim your tokens</h3>
      <p className="campaign-line">The campaign succeeded: {tokens} are yours to claim.</p>
      <div>
        <button type="button" className="button" disabled={busy} onClick={onClaim}>
          Claim {tokens}
        </button>
      </div>
    </div>
  );
}
