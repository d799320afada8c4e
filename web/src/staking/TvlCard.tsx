// TVL over time: the chart for sighted readers, and the same figures in words for everyone.
import { lazy, Suspense } from "react";
import { formatAmount } from "../lib/format.ts";
import { tvlSeries, type DailyTvl } from "./tvl.ts";
import type { TokenInfo } from "./tokens.ts";

const TvlChart = lazy(() => import("./TvlChart.tsx"));

export function TvlCard({ days, token }: { days: readonly DailyTvl[] | undefined; token: TokenInfo }) {
  const points = tvlSeries(days ?? [], token.decimals);
  const latest = days && days.length ? [...days].sort((a, b) => b.day - a.day)[0] : undefined;
  return (
    <section className="card staking-wide" aria-labelledby="tvl-heading">
      <h2 id="tvl-heading">Total value locked over time</h2>
      {!days ? (
        <p role="status">Loading…</p>
      ) : points.length === 0 ? (
        <p className="muted">No staking activity yet.</p>
      ) : (
        <figure style={{ margin: 0 }}>
          <div role="img" aria-label={`TVL at the end of each day with activity, ${points.length} days`}>
            <Suspense fallback={<p role="status">Loading chart…</p>}>
              <TvlChart points={points} symbol={token.symbol} />
            </Suspense>
          </div>
          <figcaption className="muted">
            TVL at the end of each UTC day with activity (staked plus cooling down)
            {latest && <>; on {latest.date}: {formatAmount(latest.tvl, token.decimals, token.symbol)}</>}.
          </figcaption>
        </figure>
      )}
    </section>
  );
}
