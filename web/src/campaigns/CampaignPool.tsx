// The staking pool created with the campaign: its TVL and APR, and a link to stake in it (the
// pool's id as the indexer spells it, lower-case, as the staking page looks it up).
import { Link } from "react-router";
import { formatAmount, formatBps } from "../lib/format.ts";
import { useAssetInfo } from "./assets.ts";
import type { PoolSummary } from "./queries.ts";
import { CAMPAIGN_TOKEN_DECIMALS } from "./tokens.ts";

export function CampaignPool({ pool, campaignToken, tokenSymbol }: { pool: PoolSummary; campaignToken: string; tokenSymbol: string }) {
  const assetInfo = useAssetInfo([pool.stakingToken]);
  // The pool usually stakes the campaign's own token, whose symbol and decimals we already know.
  const staking = pool.stakingToken.toLowerCase() === campaignToken.toLowerCase() ? { symbol: tokenSymbol, decimals: CAMPAIGN_TOKEN_DECIMALS } : assetInfo(pool.stakingToken);
  return (
    <section className="card campaign-section" aria-labelledby="campaign-pool-title">
      <h2 id="campaign-pool-title">Staking pool</h2>
      <dl className="facts">
        <dt>Total staked</dt>
        <dd>{staking ? formatAmount(pool.tvl, staking.decimals, staking.symbol) : "…"}</dd>
        <dt>APR</dt>
        <dd>{pool.aprBps === null ? "—" : formatBps(pool.aprBps)}</dd>
        <dt>Stakers</dt>
        <dd>{pool.stakerCount}</dd>
        <dt>Rewards</dt>
        <dd>{pool.active ? "Streaming now" : "No active reward period"}</dd>
      </dl>
      <p>
        <Link to={`/staking/${pool.id}`}>Stake in this pool</Link>
      </p>
    </section>
  );
}
