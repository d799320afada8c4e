// A moment in chain time with a countdown to it: "12/3/2026, 10:00:00 (in 3h 2m)".
import { formatDate, formatDuration } from "../lib/format.ts";

export function TimeLeft({ until, now }: { until: bigint; now: bigint }) {
  const iso = new Date(Number(until) * 1000).toISOString();
  return (
    <>
      <time dateTime={iso}>{formatDate(until)}</time>
      {until > now ? <span className="muted"> (in {formatDuration(until - now)})</span> : <span className="muted"> (passed)</span>}
    </>
  );
}
