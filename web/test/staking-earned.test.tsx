import { describe, expect, it } from "vitest";
import { accountRewardRate, projectEarned, REWARD_PRECISION, type EarnedSnapshot } from "../src/staking/earned.ts";
import { chainNow } from "../src/staking/clock.ts";

const E18 = 10n ** 18n;
// A quarter of the pool's stake, 100 reward units per second, read at t = 1,000.
const snapshot: EarnedSnapshot = { earned: 1_000n, readAt: 1_000n, balance: 25n * E18, totalSupply: 100n * E18, rewardRate: 100n, periodFinish: 2_000n };

describe("projectEarned (the live earned counter)", () => {
  it("is the chain's figure at the moment of the read", () => {
    expect(projectEarned(snapshot, 1_000n)).toBe(1_000n);
  });

  it("ticks up every second by the account's share of the reward rate", () => {
    const ticks = [1_001n, 1_002n, 1_003n].map((now) => projectEarned(snapshot, now));
    expect(ticks).toEqual([1_025n, 1_050n, 1_075n]);
    expect(projectEarned(snapshot, 1_010n)).toBe(1_250n);
  });

  it("stops at the end of the reward period", () => {
    expect(projectEarned(snapshot, 1_999n)).toBe(1_000n + 999n * 25n);
    expect(projectEarned(snapshot, 2_000n)).toBe(26_000n);
    expect(projectEarned(snapshot, 9_999n)).toBe(26_000n);
  });

  it("does not move for a clock behind the read, an empty stake or no rate", () => {
    expect(projectEarned(snapshot, 900n)).toBe(1_000n);
    expect(projectEarned({ ...snapshot, balance: 0n }, 1_500n)).toBe(1_000n);
    expect(projectEarned({ ...snapshot, rewardRate: 0n }, 1_500n)).toBe(1_000n);
    expect(projectEarned({ ...snapshot, totalSupply: 0n }, 1_500n)).toBe(1_000n);
  });

  it("rounds down like the contract's 1e36 accumulator", () => {
    // One of three units staked, 1 unit per second: a third of a unit a second, floored.
    const third: EarnedSnapshot = { earned: 0n, readAt: 0n, balance: 1n, totalSupply: 3n, rewardRate: 1n, periodFinish: 100n };
    expect(projectEarned(third, 1n)).toBe(0n);
    expect(projectEarned(third, 2n)).toBe(0n);
    expect(projectEarned(third, 3n)).toBe(1n);
    // The contract: balance * (elapsed * rate * 1e36 / supply) / 1e36.
    const elapsed = 7n;
    const expected = (1n * ((elapsed * 1n * REWARD_PRECISION) / 3n)) / REWARD_PRECISION;
    expect(projectEarned(third, elapsed)).toBe(expected);
  });

  it("stays exact for 6-decimal rewards on 18-decimal stakes (no float drift)", () => {
    const big: EarnedSnapshot = { earned: 123_456_789n, readAt: 0n, balance: 333_333n * E18, totalSupply: 1_000_000n * E18, rewardRate: 385_802n, periodFinish: 2_592_000n };
    const day = projectEarned(big, 86_400n) - big.earned;
    expect(day).toBe((333_333n * E18 * ((86_400n * 385_802n * REWARD_PRECISION) / (1_000_000n * E18))) / REWARD_PRECISION);
    expect(typeof day).toBe("bigint");
  });
});

describe("accountRewardRate", () => {
  it("is the account's share of the rate while the period runs", () => {
    expect(accountRewardRate(snapshot, 1_500n, 86_400n)).toBe(25n * 86_400n);
    expect(accountRewardRate(snapshot, 2_000n, 86_400n)).toBe(0n);
    expect(accountRewardRate({ ...snapshot, totalSupply: 0n }, 1_500n, 60n)).toBe(0n);
  });
});

describe("chainNow (the chain's clock)", () => {
  const wall = 1_700_000_000_000;
  it("is the wall clock until a block is known", () => {
    expect(chainNow(undefined, 0, wall)).toBe(1_700_000_000n);
  });
  it("follows a chain moved ahead of the wall clock, advancing with it", () => {
    expect(chainNow(1_700_086_400n, wall, wall)).toBe(1_700_086_400n);
    expect(chainNow(1_700_086_400n, wall, wall + 5_500)).toBe(1_700_086_405n);
  });
  it("never falls behind the wall clock for an old block", () => {
    expect(chainNow(1_699_999_000n, wall, wall + 2_000)).toBe(1_700_000_002n);
  });
});
