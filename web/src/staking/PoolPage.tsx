// One staking pool: its terms and TVL chart for everyone; position, stake, unstake/withdraw,
// claim and vesting for the connected wallet.
import { Link } from "react-router";
import { useAccount } from "wagmi";
import { getAddress, type Address } from "viem";
import { useGraphQL } from "../hooks/useGraphQL.ts";
import { POOL_QUERY, type PoolResult } from "./queries.ts";
import { usePoolReads } from "./usePoolReads.ts";
import { useChainClock } from "./useChainClock.ts";
import { poolTitle } from "./poolTitle.ts";
import { PoolFacts } from "./PoolFacts.tsx";
import { PositionCard } from "./PositionCard.tsx";
import { StakeCard } from "./StakeCard.tsx";
import { UnstakeCard } from "./UnstakeCard.tsx";
import { VestingCard } from "./VestingCard.tsx";
import { TvlCard } from "./TvlCard.tsx";
import "./staking.css";

export function PoolPage({ pool }: { pool: Address }) {
  const { address } = useAccount();
  const now = useChainClock();
  const chain = usePoolReads(pool, address);
  const indexed = useGraphQL<PoolResult>(["pool", pool], POOL_QUERY, { id: pool.toLowerCase() });
  const detail = indexed.data?.pool ?? undefined;

  if (chain.error && !chain.pool) {
    return (
      <>
        <h1>Staking pool</h1>
        <p className="error" role="alert">This address is not a staking pool on this network, or the chain cannot be reached.</p>
        <Link to="/staking">All pools</Link>
      </>
    );
  }
  if (!chain.pool) return <p role="status">Loading the pool…</p>;
  const poolState = chain.pool;
  const actionProps = address && chain.account ? { pool, poolState, account: chain.account, now } : undefined;

  return (
    <>
      <p><Link to="/staking">← All pools</Link></p>
      <h1>{poolTitle(detail?.campaignInfo?.tokenName, poolState.staking.symbol)}</h1>
      <p className="muted">
        Stake {poolState.staking.symbol}, earn {poolState.rewards.symbol} every second.{" "}
        {detail?.campaign && <Link to={`/campaigns/${getAddress(detail.campaign)}`}>{detail.campaignInfo?.tokenName ?? "The"} campaign page</Link>}
      </p>
      {indexed.error && <p className="error" role="alert">{indexed.error.message}</p>}
      <div className="grid">
        <PoolFacts detail={detail} poolState={poolState} now={now} />
        {!address ? (
          <section className="card" aria-labelledby="connect-heading">
            <h2 id="connect-heading">Your position</h2>
            <p>Connect your wallet (top right) to stake, unstake and claim rewards.</p>
          </section>
        ) : !actionProps ? (
          <p role="status">Loading your position…</p>
        ) : (
          <>
            <PositionCard {...actionProps} />
            <StakeCard {...actionProps} owner={address} />
            <UnstakeCard {...actionProps} />
            {poolState.vestingDuration > 0n && <VestingCard {...actionProps} />}
          </>
        )}
      </div>
      <TvlCard days={detail?.dailyStats?.items ?? (indexed.isLoading ? undefined : [])} token={poolState.staking} />
    </>
  );
}
