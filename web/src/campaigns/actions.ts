// Which backer actions apply to a campaign in a phase, given what the chain says about the
// connected backer (Campaign.backerInfo / claimableTokens), and what to say when none does.
import { formatDate } from "../lib/format.ts";
import type { Phase } from "./phase.ts";

export interface BackerPosition {
  contributed: bigint;
  claimed: boolean;
  refunded: boolean;
  /** tokens claimable now (0 unless successful and unclaimed) */
  claimable: bigint;
}

export interface AvailableActions {
  contribute: boolean;
  payByCard: boolean;
  claim: boolean;
  refund: boolean;
}

export function availableActions(phase: Phase, position: BackerPosition | undefined): AvailableActions {
  const open = phase === "active";
  const hasMoneyIn = position !== undefined && position.contributed > 0n;
  return {
    contribute: open,
    payByCard: open,
    claim: phase === "successful" && hasMoneyIn && !position.claimed,
    refund: (phase === "failed" || phase === "cancelled") && hasMoneyIn && !position.refunded,
  };
}

/** The sentence shown to a connected backer when no wallet action applies. */
export function noActionNote(phase: Phase, position: BackerPosition | undefined, start: string): string {
  const backed = position !== undefined && position.contributed > 0n;
  switch (phase) {
    case "draft":
      return "This campaign has not been launched yet.";
    case "scheduled":
      return `Contributions open ${formatDate(start)}.`;
    case "active":
      return "";
    case "successful":
      if (backed && position.claimed) return "You have claimed your tokens.";
      return "This campaign succeeded and no longer takes contributions.";
    case "failed":
    case "cancelled":
      if (backed && position.refunded) return "Your contribution has been refunded.";
      return `This campaign ${phase === "failed" ? "did not reach its goal" : "was cancelled"}; backers can take a refund. You have nothing to refund.`;
  }
}
