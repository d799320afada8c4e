// The pool's TVL over time for the chart, from the indexer's daily statistics (the TVL at the
// end of each UTC day with activity). Amounts become numbers only here, for drawing; every
// figure a person reads as text stays bigint.
import { formatUnits } from "viem";

export interface DailyTvl {
  date: string;
  day: number;
  tvl: string;
}

export interface TvlPoint {
  date: string;
  /** whole tokens, for the chart's scale only */
  tvl: number;
}

export function tvlSeries(days: readonly DailyTvl[], decimals: number): TvlPoint[] {
  return [...days].sort((a, b) => a.day - b.day).map((row) => ({ date: row.date, tvl: Number(formatUnits(BigInt(row.tvl), decimals)) }));
}
