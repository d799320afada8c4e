// Campaign phases: what Campaign.status() answers (the indexer's `phase` is the same, lower-case),
// how each is shown, and the phase filter of the Explore page.

export const PHASES = ["draft", "scheduled", "active", "successful", "failed", "cancelled"] as const;
export type Phase = (typeof PHASES)[number];

/** Campaign.status() returns the Status enum's index (contracts/interfaces/ICampaign.sol). */
export function phaseOfStatus(status: number): Phase | undefined {
  return PHASES[status];
}

export const PHASE_LABEL: Record<Phase, string> = {
  draft: "Draft",
  scheduled: "Scheduled",
  active: "Active",
  successful: "Successful",
  failed: "Failed",
  cancelled: "Cancelled",
};

/** The badge class (styles.css `.badge.ok|bad|warn`) for a phase. */
export function phaseTone(phase: Phase): "ok" | "bad" | "warn" | "" {
  switch (phase) {
    case "successful":
      return "ok";
    case "failed":
    case "cancelled":
      return "bad";
    case "scheduled":
      return "warn";
    default:
      return "";
  }
}

/** Explore shows launched campaigns only: drafts are still being configured. */
export const PHASE_FILTERS = ["all", "active", "scheduled", "successful", "failed", "cancelled"] as const;
export type PhaseFilter = (typeof PHASE_FILTERS)[number];

// The stored `status` (what the events recorded) each phase can come from. `phase` itself is
// derived from the chain's time, so GraphQL cannot filter on it: the server narrows by status,
// the client keeps the rows whose phase matches (see matchesPhase).
const STORED_STATUSES: Record<PhaseFilter, readonly string[]> = {
  all: ["launched", "finalized", "successful", "failed", "cancelled"],
  active: ["launched"],
  scheduled: ["launched"],
  // the cap reached or the end passed while "launched", or a recorded finalize/claim/withdrawal
  successful: ["launched", "finalized", "successful"],
  failed: ["launched", "failed"],
  cancelled: ["cancelled"],
};

export function campaignWhere(filter: PhaseFilter): { status_in: string[] } {
  return { status_in: [...STORED_STATUSES[filter]] };
}

export function matchesPhase(filter: PhaseFilter, phase: Phase): boolean {
  return filter === "all" ? phase !== "draft" : phase === filter;
}

export function isPhaseFilter(value: string | null): value is PhaseFilter {
  return value !== null && (PHASE_FILTERS as readonly string[]).includes(value);
}
