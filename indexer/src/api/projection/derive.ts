// Values derived from indexed rows and the chain's time: what Campaign.status() and the pool's
// reward views would answer now, without a contract call per row.

/** Campaign.status() of the contract, lower-case (Campaign.sol `_status`). */
export type CampaignPhase = "draft" | "scheduled" | "active" | "successful" | "failed" | "cancelled";

export interface CampaignFacts {
  /** The stage the events recorded (ponder.schema.ts `campaign.status`). */
  status: string;
  start: bigint;
  end: bigint;
  goal: bigint;
  cap: bigint;
  raised: bigint;
}

export function campaignPhase(c: CampaignFacts, now: bigint): CampaignPhase {
  if (c.status === "draft") return "draft";
  if (c.status === "cancelled") return "cancelled";
  if (c.status === "finalized" || c.status === "successful") return "successful";
  if (c.cap !== 0n && c.raised >= c.cap) return "successful";
  if (now < c.start) return "scheduled";
  if (now < c.end) return "active";
  return c.raised >= c.goal ? "successful" : "failed";
}

/** raised / goal in basis points (10000 = the goal reached; more when over-funded). */
export function progressBps(raised: bigint, goal: bigint): number {
  return goal === 0n ? 0 : Number((raised * 10_000n) / goal);
}

/** Seconds until the end while the campaign can still take contributions, else 0. */
export function secondsLeft(c: CampaignFacts, now: bigint): bigint {
  const phase = campaignPhase(c, now);
  return phase === "active" || phase === "scheduled" ? c.end - now : 0n;
}

export const SECONDS_PER_YEAR = 31_536_000n;

export interface PoolFacts {
  rewardRate: bigint;
  periodFinish: bigint;
  paused: boolean;
  totalStaked: bigint;
  stakingToken: string;
  rewardsToken: string;
}

/** What an APR needs: the emission now and over a year at that rate (0 once the period ended). */
export function poolRewards(p: PoolFacts, now: bigint) {
  const active = now < p.periodFinish;
  const rewardPerSecond = active ? p.rewardRate : 0n;
  const annualRewards = rewardPerSecond * SECONDS_PER_YEAR;
  // Without prices an APR exists only when stake and reward are the same token.
  const aprBps =
    p.stakingToken.toLowerCase() === p.rewardsToken.toLowerCase() && p.totalStaked > 0n
      ? Number((annualRewards * 10_000n) / p.totalStaked)
      : null;
  return { active, rewardPerSecond, annualRewards, aprBps };
}
