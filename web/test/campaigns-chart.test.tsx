import { describe, expect, it } from "vitest";
import { raiseSeries, toChartPoints } from "../src/campaigns/raiseSeries.ts";

const row = (amount: bigint, timestamp: number) => ({ amount: amount.toString(), timestamp: String(timestamp) });

describe("raiseSeries", () => {
  it("accumulates contributions in time order, starting at zero when the campaign opened", () => {
    const series = raiseSeries([row(700n, 300), row(1_500n, 200)], [], "100");
    expect(series).toEqual([
      { time: 100, raised: 0n },
      { time: 200, raised: 1_500n },
      { time: 300, raised: 2_200n },
    ]);
  });

  it("subtracts refunds and merges moves of the same second into one point", () => {
    const series = raiseSeries([row(5n, 10), row(7n, 10), row(3n, 20)], [row(5n, 30), row(7n, 30)]);
    expect(series).toEqual([
      { time: 10, raised: 12n },
      { time: 20, raised: 15n },
      { time: 30, raised: 3n },
    ]);
  });

  it("keeps amounts exact as bigint beyond float precision", () => {
    const huge = 10n ** 30n + 1n;
    expect(raiseSeries([row(huge, 1), row(1n, 2)], []).at(-1)!.raised).toBe(huge + 1n);
  });

  it("is a single zero point (or nothing) without contributions", () => {
    expect(raiseSeries([], [], "50")).toEqual([{ time: 50, raised: 0n }]);
    expect(raiseSeries([], [])).toEqual([]);
  });
});

describe("toChartPoints", () => {
  it("plots whole units and keeps the exact base units for the tooltip", () => {
    expect(toChartPoints([{ time: 1, raised: 2_200_500_000n }], 6)).toEqual([{ time: 1, value: 2_200.5, raised: "2200500000" }]);
  });
});
