// What a pool pays, for people: an APR when the staking and reward tokens are the same (the
// indexer's aprBps, or computed from the rate when it has none), otherwise the rewards per staked
// token per year (there is no price feed to turn two tokens into one percentage).

export const SECONDS_PER_YEAR = 365n * 86_400n;

export interface AprInput {
  /** the indexer's aprBps (null for different tokens or nothing staked) */
  aprBps: number | null | undefined;
  /** reward units per second now (0 once the period ended) */
  rewardPerSecond: bigint;
  totalStaked: bigint;
  sameToken: boolean;
  stakingDecimals: number;
}

export type AprView =
  | { kind: "apr"; bps: bigint }
  /** reward base units per whole staking token per year */
  | { kind: "rate"; perTokenPerYear: bigint }
  | { kind: "none"; reason: string };

export function aprView(input: AprInput): AprView {
  if (input.rewardPerSecond === 0n) return { kind: "none", reason: "No rewards are streaming now" };
  if (input.totalStaked === 0n) return { kind: "none", reason: "Nothing staked yet: the first staker takes all rewards" };
  const annual = input.rewardPerSecond * SECONDS_PER_YEAR;
  if (input.sameToken) {
    if (input.aprBps !== null && input.aprBps !== undefined) return { kind: "apr", bps: BigInt(input.aprBps) };
    return { kind: "apr", bps: (annual * 10_000n) / input.totalStaked };
  }
  return { kind: "rate", perTokenPerYear: (annual * 10n ** BigInt(input.stakingDecimals)) / input.totalStaked };
}
