// Every staking pool the indexer knows, with TVL, stakers and APR; token symbols from the chain.
import { Link } from "react-router";
import { getAddress } from "viem";
import { useGraphQL } from "../hooks/useGraphQL.ts";
import { formatAmount } from "../lib/format.ts";
import { aprView } from "./apr.ts";
import { AprText } from "./AprText.tsx";
import { poolTitle } from "./poolTitle.ts";
import { POOLS_QUERY, type PoolSummary, type PoolsResult } from "./queries.ts";
import { tokenOf, type TokenMap } from "./tokens.ts";
import { useTokens } from "./useTokens.ts";

function PoolCard({ pool, tokens }: { pool: PoolSummary; tokens: TokenMap }) {
  const staking = tokenOf(tokens, pool.stakingToken);
  const rewards = tokenOf(tokens, pool.rewardsToken);
  const title = poolTitle(pool.campaignInfo?.tokenName, staking.symbol || pool.campaignInfo?.tokenSymbol || "");
  const apr = aprView({
    aprBps: pool.aprBps,
    rewardPerSecond: BigInt(pool.rewardPerSecond),
    totalStaked: BigInt(pool.totalStaked),
    sameToken: pool.stakingToken === pool.rewardsToken,
    stakingDecimals: staking.decimals,
  });
  return (
    <li className="card stack">
      <h2>{title}</h2>
      <dl className="facts">
        <dt>Total value locked</dt>
        <dd>{staking.known ? formatAmount(pool.tvl, staking.decimals, staking.symbol) : "…"}</dd>
        <dt>Stakers</dt>
        <dd>{pool.stakerCount}</dd>
        <dt>APR</dt>
        <dd>{rewards.known ? <AprText view={apr} staking={staking} rewards={rewards} /> : "…"}</dd>
        <dt>Rewards in</dt>
        <dd>{rewards.symbol || "…"}</dd>
        <dt>Status</dt>
        <dd>{pool.paused ? <span className="badge bad">Paused</span> : pool.active ? <span className="badge ok">Rewards streaming</span> : <span className="badge warn">No rewards now</span>}</dd>
      </dl>
      <Link className="button" to={`/staking/${getAddress(pool.id)}`} aria-label={`Open pool: ${title}`}>
        Open pool
      </Link>
    </li>
  );
}

export function PoolList() {
  const { data, error, isLoading } = useGraphQL<PoolsResult>(["pools"], POOLS_QUERY);
  const pools = data?.pools.items ?? [];
  const tokens = useTokens(pools.flatMap((pool) => [pool.stakingToken, pool.rewardsToken]));
  return (
    <>
      <h1>Staking</h1>
      <p className="muted">Stake a campaign's token and earn rewards streamed every second.</p>
      {error && <p className="error" role="alert">{error.message}</p>}
      {isLoading && <p role="status">Loading pools…</p>}
      {!isLoading && !error && pools.length === 0 && <p>No staking pools yet. Pools appear here when a campaign is created with one.</p>}
      <ul className="grid" style={{ listStyle: "none", padding: 0 }}>
        {pools.map((pool) => (
          <PoolCard key={pool.id} pool={pool} tokens={tokens} />
        ))}
      </ul>
    </>
  );
}
