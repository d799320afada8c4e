// The one line of timing a campaign card or header shows, by phase. Only the indexer's
// chain-time fields are used, never the local clock (a local chain's clock may run ahead).
import { formatDate, formatDuration } from "../lib/format.ts";
import type { Phase } from "./phase.ts";

interface Timed {
  phase: Phase;
  start: string;
  end: string;
  secondsLeft: string;
}

export function timingLabel(campaign: Timed): string {
  switch (campaign.phase) {
    case "draft":
      return "Not launched yet";
    case "scheduled":
      return `Opens ${formatDate(campaign.start)}`;
    case "active":
      return `${formatDuration(BigInt(campaign.secondsLeft))} left`;
    case "successful":
      // by the end, by reaching the cap or finalised early: every way needs the goal met
      return "Goal reached";
    case "failed":
      return `Ended ${formatDate(campaign.end)}`;
    case "cancelled":
      return "Cancelled";
  }
}
