// A campaign's progress toward its goal, as an accessible progressbar (0–100 % of the goal;
// the text beside it says when a campaign is over-funded).
import { formatBps } from "../lib/format.ts";

export function ProgressBar({ bps, label }: { bps: number; label: string }) {
  const percent = Math.min(100, Math.max(0, bps / 100));
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(percent)}
      aria-valuetext={`${formatBps(bps)} of the goal`}
    >
      <span style={{ width: `${percent}%` }} />
    </div>
  );
}
