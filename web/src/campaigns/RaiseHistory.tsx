// The campaign's raise over time: the data from GraphQL, the chart (recharts) loaded only here,
// and a one-line summary for those who do not see the chart.
import { lazy, Suspense, useMemo } from "react";
import { keepPreviousData } from "@tanstack/react-query";
import { formatUnits } from "viem";
import { useGraphQL } from "../hooks/useGraphQL.ts";
import { formatAmount, formatDate } from "../lib/format.ts";
import type { AssetInfo } from "./assets.ts";
import { RAISE_HISTORY_QUERY, type RaiseHistoryResult } from "./queries.ts";
import { raiseSeries, toChartPoints } from "./raiseSeries.ts";

const RaiseChart = lazy(() => import("./RaiseChart.tsx"));

interface Props {
  campaign: string;
  start: string;
  goal: string;
  assetInfo: AssetInfo;
  /** changes with every contribution or refund the page has seen (the campaign's counts): refetch then */
  version: string;
}

export function RaiseHistory({ campaign, start, goal, assetInfo, version }: Props) {
  // The whole history is fetched again only when the campaign's counts move, not on a timer.
  const history = useGraphQL<RaiseHistoryResult>(["raiseHistory", campaign, version], RAISE_HISTORY_QUERY, { campaign }, { refetchInterval: false, placeholderData: keepPreviousData });
  const series = useMemo(
    () => (history.data ? raiseSeries(history.data.contributions.items, history.data.refunds.items, start) : []),
    [history.data, start],
  );
  const points = useMemo(() => toChartPoints(series, assetInfo.decimals), [series, assetInfo.decimals]);
  const last = series.at(-1);
  const count = history.data?.contributions.items.length ?? 0;
  const summary =
    last && count > 0
      ? `${formatAmount(last.raised, assetInfo.decimals, assetInfo.symbol)} raised by ${formatDate(last.time)}, from ${count} ${count === 1 ? "contribution" : "contributions"}.`
      : "No contributions yet.";

  return (
    <section className="card campaign-section" aria-labelledby="raise-history-title">
      <h2 id="raise-history-title">Raise over time</h2>
      {history.isPending ? (
        <p role="status">Loading the history…</p>
      ) : history.isError ? (
        <p className="error">The history could not be loaded: {history.error.message}</p>
      ) : (
        <>
          <p className="muted campaign-line">{summary}</p>
          {series.length > 1 && (
            <div className="campaign-chart" role="img" aria-label={`Chart of the amount raised over time. ${summary}`}>
              <Suspense fallback={<p role="status">Loading the chart…</p>}>
                <RaiseChart points={points} goal={Number(formatUnits(BigInt(goal), assetInfo.decimals))} assetInfo={assetInfo} />
              </Suspense>
            </div>
          )}
        </>
      )}
    </section>
  );
}
