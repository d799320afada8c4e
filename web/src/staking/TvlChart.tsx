// The TVL line chart (recharts, its own chunk: loaded only when a pool page shows it).
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TvlPoint } from "./tvl.ts";

export default function TvlChart({ points, symbol }: { points: TvlPoint[]; symbol: string }) {
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#e4e4ee" />
        <XAxis dataKey="date" tick={{ fontSize: 12 }} />
        <YAxis tick={{ fontSize: 12 }} width={64} />
        <Tooltip formatter={(value) => [`${Number(value).toLocaleString("en-US")} ${symbol}`, "TVL"]} />
        <Line type="stepAfter" dataKey="tvl" stroke="#3a3ad6" strokeWidth={2} dot={points.length < 30} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
