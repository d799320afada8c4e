// A pool's terms and totals: TVL and stakers from the indexer, rules and rate from the chain.
import { formatAmount, formatDuration } from "../lib/format.ts";
import { aprView } from "./apr.ts";
import { AprText } from "./AprText.tsx";
import { TimeLeft } from "./TimeLeft.tsx";
import type { PoolDetail } from "./queries.ts";
import type { PoolChainState } from "./usePoolReads.ts";

export function PoolFacts({ detail, poolState, now }: { detail: PoolDetail | undefined; poolState: PoolChainState; now: bigint }) {
  const { staking, rewards } = poolState;
  const running = now < poolState.periodFinish;
  const rewardPerSecond = running ? poolState.rewardRate : 0n;
  const apr = aprView({
    aprBps: detail?.aprBps,
    rewardPerSecond,
    totalStaked: poolState.totalSupply,
    sameToken: poolState.stakingToken.toLowerCase() === poolState.rewardsToken.toLowerCase(),
    stakingDecimals: staking.decimals,
  });
  return (
    <section className="card" aria-labelledby="pool-heading">
      <h2 id="pool-heading">Pool</h2>
      <dl className="facts">
        <dt>Total value locked</dt>
        <dd>{detail ? formatAmount(detail.tvl, staking.decimals, staking.symbol) : "…"}</dd>
        <dt>Stakers</dt>
        <dd>{detail ? detail.stakerCount : "…"}</dd>
        <dt>APR</dt>
        <dd><AprText view={apr} staking={staking} rewards={rewards} /></dd>
        <dt>Rewards</dt>
        <dd>{formatAmount(rewardPerSecond * 86_400n, rewards.decimals, rewards.symbol)} per day, shared by stake</dd>
        <dt>{running ? "Reward period ends" : "Reward period ended"}</dt>
        <dd>{poolState.periodFinish > 0n ? <TimeLeft until={poolState.periodFinish} now={now} /> : "not started"}</dd>
        <dt>Lock after staking</dt>
        <dd>{poolState.minStakePeriod > 0n ? formatDuration(poolState.minStakePeriod) : "none"}</dd>
        <dt>Unstake cooldown</dt>
        <dd>{poolState.cooldown > 0n ? formatDuration(poolState.cooldown) : "none"}</dd>
        <dt>Reward vesting</dt>
        <dd>{poolState.vestingDuration > 0n ? formatDuration(poolState.vestingDuration) : "none"}</dd>
        {poolState.limits.maxStakePerAccount > 0n && (
          <>
            <dt>Limit per account</dt>
            <dd>{formatAmount(poolState.limits.maxStakePerAccount, staking.decimals, staking.symbol)}</dd>
          </>
        )}
        {poolState.limits.poolCap > 0n && (
          <>
            <dt>Pool cap</dt>
            <dd>{formatAmount(poolState.limits.poolCap, staking.decimals, staking.symbol)}</dd>
          </>
        )}
        <dt>Status</dt>
        <dd>
          {poolState.paused ? <span className="badge bad">Paused</span> : running ? <span className="badge ok">Rewards streaming</span> : <span className="badge warn">No rewards now</span>}
        </dd>
      </dl>
    </section>
  );
}
