// Vesting of claimed rewards (pools with a vesting duration): what can be released now and what
// is still vesting, the same linear rule as StakingPool._releasable.

export interface VestingSchedule {
  /** unreleased amount, vesting linearly from start to end */
  amount: bigint;
  start: bigint;
  end: bigint;
}

export interface VestingView {
  /** vested and not yet released: releaseVested() pays it */
  releasable: bigint;
  /** still vesting */
  locked: bigint;
  /** when everything is vested (0 when nothing vests) */
  fullyVestedAt: bigint;
}

export function vestingView(schedule: VestingSchedule, now: bigint): VestingView {
  const { amount, start, end } = schedule;
  if (amount === 0n) return { releasable: 0n, locked: 0n, fullyVestedAt: 0n };
  const releasable = now < end && end > start ? (amount * (now > start ? now - start : 0n)) / (end - start) : amount;
  return { releasable, locked: amount - releasable, fullyVestedAt: end };
}
