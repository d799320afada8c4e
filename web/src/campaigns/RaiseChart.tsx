// The raise over time as an area chart. Its own chunk (recharts is large): the campaign page
// loads it lazily, and the Explore page never does.
import { Area, AreaChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatAmount } from "../lib/format.ts";
import type { AssetInfo } from "./assets.ts";
import type { ChartPoint } from "./raiseSeries.ts";

const day = (seconds: number) => new Date(seconds * 1000).toLocaleDateString(undefined, { month: "short", day: "numeric" });
const moment = (seconds: number) => new Date(seconds * 1000).toLocaleString();

export default function RaiseChart({ points, goal, assetInfo }: { points: ChartPoint[]; goal: number; assetInfo: AssetInfo }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <AreaChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d9d9e3" />
        <XAxis dataKey="time" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={day} stroke="#555566" />
        {/* The goal stays in view, so the line reads as progress toward it. */}
        <YAxis
          stroke="#555566"
          width={72}
          domain={[0, (dataMax: number) => Math.max(dataMax, goal)]}
          tickFormatter={(value: number) => value.toLocaleString("en-US", { notation: "compact" })}
        />
        <Tooltip
          labelFormatter={(label) => moment(Number(label))}
          formatter={(_value, _name, item) => [formatAmount((item.payload as ChartPoint).raised, assetInfo.decimals, assetInfo.symbol), "Raised"]}
        />
        <ReferenceLine y={goal} stroke="#146c2e" strokeDasharray="6 3" label={{ value: "Goal", position: "insideTopLeft", fill: "#146c2e" }} />
        <Area type="stepAfter" dataKey="value" stroke="#3a3ad6" fill="#3a3ad6" fillOpacity={0.15} isAnimationActive={false} />
      </AreaChart>
    </ResponsiveContainer>
  );
}
