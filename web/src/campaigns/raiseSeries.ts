// The raise over time for the chart: contributions add, refunds subtract, one point per
// moment (the running total after everything in that second). Amounts stay bigint; only the
// plotted `value` is a float, since a chart axis needs numbers.
import { formatUnits } from "viem";

export interface AmountAt {
  amount: string;
  timestamp: string;
}

export interface RaisePoint {
  /** unix seconds */
  time: number;
  raised: bigint;
}

export function raiseSeries(contributions: readonly AmountAt[], refunds: readonly AmountAt[], start?: string): RaisePoint[] {
  const moves = [
    ...contributions.map((row) => ({ time: Number(row.timestamp), delta: BigInt(row.amount) })),
    ...refunds.map((row) => ({ time: Number(row.timestamp), delta: -BigInt(row.amount) })),
  ].sort((a, b) => a.time - b.time);
  const points: RaisePoint[] = [];
  let raised = 0n;
  for (const move of moves) {
    raised += move.delta;
    const last = points.at(-1);
    if (last && last.time === move.time) last.raised = raised;
    else points.push({ time: move.time, raised });
  }
  // Start the line at zero when the campaign opened, so the first contribution shows as a rise.
  const opened = start === undefined ? undefined : Number(start);
  if (opened !== undefined && (points.length === 0 || opened < points[0]!.time)) points.unshift({ time: opened, raised: 0n });
  return points;
}

export interface ChartPoint {
  time: number;
  value: number;
  raised: string;
}

export function toChartPoints(series: readonly RaisePoint[], decimals: number): ChartPoint[] {
  return series.map((point) => ({ time: point.time, value: Number(formatUnits(point.raised, decimals)), raised: point.raised.toString() }));
}
