// My account: what the connected wallet did across campaigns, staking and payments. Lists from
// the indexer, pending rewards from the chain.
import { useMemo } from "react";
import { useAccount } from "wagmi";
import { useGraphQL } from "../hooks/useGraphQL.ts";
import { checksum } from "../lib/format.ts";
import { useTokens } from "../staking/useTokens.ts";
import { useChainClock } from "../staking/useChainClock.ts";
import { projectEarned } from "../staking/earned.ts";
import { ACCOUNT_QUERY, REWARD_KINDS, type AccountData, type CampaignRef } from "./queries.ts";
import { claimAndRefundRows, contributionRows, onrampRows, paymentRows, positionRows, rewardRows } from "./transforms.ts";
import { usePositionsEarned } from "./usePositionsEarned.ts";
import { ClaimsAndRefundsTable, ContributionsTable, OnrampOrdersTable, PaymentsTable, RewardsTable, StakesTable } from "./AccountTables.tsx";

/** Every token an amount on the page is in. */
function tokensIn(data: AccountData | undefined): string[] {
  if (!data) return [];
  return [
    ...data.contributions.items.map((c) => c.campaignInfo?.asset),
    ...data.tokenClaims.items.map((c) => c.campaignInfo?.token),
    ...data.refunds.items.map((r) => r.campaignInfo?.asset),
    ...data.stakePositions.items.flatMap((p) => [p.poolInfo?.stakingToken, p.poolInfo?.rewardsToken]),
    ...data.stakeEvents.items.map((e) => e.poolInfo?.rewardsToken),
    ...data.payments.items.map((p) => p.token),
    ...data.onrampOrders.items.map((o) => o.asset),
  ].filter((a): a is string => !!a);
}

export function AccountPage() {
  const { address } = useAccount();
  const now = useChainClock();
  const account = address?.toLowerCase();
  const { data, error, isLoading } = useGraphQL<AccountData>(["account", account], ACCOUNT_QUERY, { account, rewardKinds: REWARD_KINDS }, { enabled: !!account });
  const tokens = useTokens(tokensIn(data));
  const pools = useMemo(() => data?.stakePositions.items.map((p) => p.pool) ?? [], [data]);
  const snapshots = usePositionsEarned(pools, address);
  const earned = useMemo(() => new Map([...snapshots].map(([pool, snapshot]) => [pool, projectEarned(snapshot, now)])), [snapshots, now]);

  if (!address) {
    return (
      <>
        <h1>My account</h1>
        <p>Connect your wallet (top right) to see your contributions, stakes, rewards, payments and card orders.</p>
      </>
    );
  }
  const campaigns = new Map<string, CampaignRef>((data?.contributions.items ?? []).flatMap((c) => (c.campaignInfo ? [[c.campaign.toLowerCase(), c.campaignInfo] as const] : [])));
  const loading = isLoading;
  return (
    <>
      <h1>My account</h1>
      <p className="muted">
        Wallet <code>{checksum(address)}</code>
      </p>
      {error && <p className="error" role="alert">{error.message}</p>}
      <ContributionsTable loading={loading} rows={contributionRows(data?.contributions.items ?? [], data?.backers.items ?? [], tokens)} />
      <ClaimsAndRefundsTable loading={loading} rows={claimAndRefundRows(data?.tokenClaims.items ?? [], data?.refunds.items ?? [], tokens)} />
      <StakesTable loading={loading} rows={positionRows(data?.stakePositions.items ?? [], earned, tokens, now)} />
      <RewardsTable loading={loading} rows={rewardRows(data?.stakeEvents.items ?? [], tokens)} />
      <PaymentsTable loading={loading} rows={paymentRows(data?.payments.items ?? [], tokens)} />
      <OnrampOrdersTable loading={loading} rows={onrampRows(data?.onrampOrders.items ?? [], tokens, campaigns)} />
    </>
  );
}
