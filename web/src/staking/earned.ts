// The live earned counter's math. `earned(account)` is read from the chain now and then; between
// reads the figure is projected forward second by second from the account's share of the reward
// rate, with the contract's own fixed point (1e36) so it lands where the next read will.
// Everything is bigint: a float would drift from the chain's figure after a few ticks.

/** The accumulator's fixed point in StakingPool (not Synthetix's 1e18). */
export const REWARD_PRECISION = 10n ** 36n;

/** What one chain read says about an account's rewards. */
export interface EarnedSnapshot {
  /** earned(account) at the read */
  earned: bigint;
  /** lastTimeRewardApplicable() at the read: the chain time it is valid for (capped at periodFinish) */
  readAt: bigint;
  /** the account's earning stake (balanceOf) */
  balance: bigint;
  /** the pool's earning stake (totalSupply) */
  totalSupply: bigint;
  /** reward units per second */
  rewardRate: bigint;
  /** the end of the reward period (no accrual after it) */
  periodFinish: bigint;
}

/** earned(account) at chain time `now`, projected from a snapshot taken at `snapshot.readAt`. */
export function projectEarned(snapshot: EarnedSnapshot, now: bigint): bigint {
  const { earned, readAt, balance, totalSupply, rewardRate, periodFinish } = snapshot;
  if (balance === 0n || totalSupply === 0n || rewardRate === 0n) return earned;
  const end = now < periodFinish ? now : periodFinish;
  if (end <= readAt) return earned;
  const perToken = ((end - readAt) * rewardRate * REWARD_PRECISION) / totalSupply;
  return earned + (balance * perToken) / REWARD_PRECISION;
}

/** The account's reward units per `seconds` at the current rate (0 once the period ended). */
export function accountRewardRate(snapshot: Omit<EarnedSnapshot, "earned" | "readAt">, now: bigint, seconds: bigint): bigint {
  const { balance, totalSupply, rewardRate, periodFinish } = snapshot;
  if (totalSupply === 0n || now >= periodFinish) return 0n;
  return (balance * rewardRate * seconds) / totalSupply;
}
