// The campaign page's actions: with a connected wallet, what applies now — contribute while
// active, claim after success, refund after failure or cancellation — following the chain's
// status and the backer's own position; pay by card for anyone while the campaign is active.
import { useAccount } from "wagmi";
import type { Address } from "viem";
import { TxStatus } from "../components/TxStatus.tsx";
import { useTx } from "../hooks/useTx.ts";
import { campaignAbi } from "../lib/contracts.ts";
import { formatAmount } from "../lib/format.ts";
import { availableActions, noActionNote, type BackerPosition } from "./actions.ts";
import type { AssetInfo } from "./assets.ts";
import { CardPayment } from "./CardPayment.tsx";
import { ClaimTokens } from "./ClaimTokens.tsx";
import { ContributeForm } from "./ContributeForm.tsx";
import type { ContributionRules } from "./contribution.ts";
import type { Phase } from "./phase.ts";
import type { CampaignDetail } from "./queries.ts";
import { RefundContribution } from "./RefundContribution.tsx";
import { CAMPAIGN_TOKEN_DECIMALS, tokensFor } from "./tokens.ts";
import { useCampaignChain } from "./useCampaignChain.ts";

export function BackerPanel({ campaign, assetInfo }: { campaign: CampaignDetail; assetInfo: AssetInfo }) {
  const { address: account, isConnected } = useAccount();
  const address = campaign.id as Address;
  const chainState = useCampaignChain(address, account);
  // Claim and refund share one transaction state, kept here so it outlives their buttons.
  const payout = useTx();
  // The chain's answer when it has come, the indexer's until then.
  const phase: Phase = chainState.phase ?? campaign.phase;
  const position = chainState.position;
  const actions = availableActions(phase, position);
  const rate = BigInt(campaign.rate);
  const rules: ContributionRules = {
    minContribution: BigInt(campaign.minContribution),
    maxPerBacker: BigInt(campaign.maxPerBacker),
    cap: BigInt(campaign.cap),
    raised: chainState.raised ?? BigInt(campaign.raised),
  };
  const walletActions = actions.contribute || actions.claim || actions.refund;

  return (
    <section className="card stack campaign-actions" aria-labelledby="backer-panel-title">
      <h2 id="backer-panel-title">Back this campaign</h2>
      {!isConnected || !account ? (
        <p className="campaign-line" data-testid="connect-prompt">
          Connect your wallet (top right) to contribute, claim your tokens or take a refund.
        </p>
      ) : (
        <>
          <YourPosition position={position} assetInfo={assetInfo} rate={rate} tokenSymbol={campaign.tokenSymbol} />
          {actions.contribute && (
            <ContributeForm
              campaign={address}
              asset={campaign.asset}
              assetInfo={assetInfo}
              tokenSymbol={campaign.tokenSymbol}
              rate={rate}
              rules={rules}
              account={account}
              contributed={position?.contributed ?? 0n}
            />
          )}
          {actions.claim && position && (
            <ClaimTokens
              claimable={position.claimable}
              tokenSymbol={campaign.tokenSymbol}
              busy={payout.busy}
              onClaim={() => void payout.write("Claim tokens", { address, abi: campaignAbi, functionName: "claimTokens" })}
            />
          )}
          {actions.refund && position && (
            <RefundContribution
              amount={position.contributed}
              assetInfo={assetInfo}
              reason={phase === "failed" ? "The campaign did not reach its goal." : "The campaign was cancelled."}
              busy={payout.busy}
              onRefund={() => void payout.write("Refund", { address, abi: campaignAbi, functionName: "refund" })}
            />
          )}
          {!walletActions && <p className="campaign-line">{noActionNote(phase, position, campaign.start)}</p>}
          <TxStatus state={payout.state} />
        </>
      )}
      {actions.payByCard && (
        <>
          <hr />
          <CardPayment campaign={address} assetInfo={assetInfo} native={campaign.isNative} rules={rules} account={account} />
        </>
      )}
    </section>
  );
}

function YourPosition({ position, assetInfo, rate, tokenSymbol }: { position: BackerPosition | undefined; assetInfo: AssetInfo; rate: bigint; tokenSymbol: string }) {
  if (!position) return <p className="campaign-line muted">Reading your contribution…</p>;
  if (position.contributed === 0n) return <p className="campaign-line">You have not contributed to this campaign yet.</p>;
  const tokens = formatAmount(tokensFor(position.contributed, rate), CAMPAIGN_TOKEN_DECIMALS, tokenSymbol);
  const status = position.refunded ? " (refunded)" : position.claimed ? ` (${tokens} claimed)` : ` (worth ${tokens})`;
  return (
    <p className="campaign-line" data-testid="your-contribution">
      Your contribution: <strong>{formatAmount(position.contributed, assetInfo.decimals, assetInfo.symbol)}</strong>
      {status}
    </p>
  );
}
