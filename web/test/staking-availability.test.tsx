import { describe, expect, it } from "vitest";
import {
  claimAvailability,
  requestUnstakeAvailability,
  stakeAvailability,
  stakeLimitError,
  validateAmount,
  withdrawAvailability,
  type PositionFacts,
} from "../src/staking/availability.ts";
import { stakeMethod } from "../src/staking/useStakeAction.ts";

const E18 = 10n ** 18n;
const cooldownPool: PositionFacts = {
  paused: false,
  cooldown: 7n * 86_400n,
  minStakePeriod: 86_400n,
  lockEnd: 1_000n,
  balance: 50n * E18,
  coolingAmount: 0n,
  coolingUnlock: 0n,
};

describe("request unstake (cooldown pools)", () => {
  it("waits for the lock to end, saying until when", () => {
    expect(requestUnstakeAvailability(cooldownPool, 999n)).toEqual({ ok: false, reason: expect.stringMatching(/locked/), until: 1_000n });
    expect(requestUnstakeAvailability(cooldownPool, 1_000n)).toEqual({ ok: true, max: 50n * E18 });
  });
  it("needs an earning stake and a pool with a cooldown", () => {
    expect(requestUnstakeAvailability({ ...cooldownPool, balance: 0n }, 2_000n).ok).toBe(false);
    expect(requestUnstakeAvailability({ ...cooldownPool, cooldown: 0n }, 2_000n)).toMatchObject({ ok: false, reason: expect.stringMatching(/no cooldown/) });
  });
});

describe("withdraw", () => {
  const cooling = { ...cooldownPool, balance: 10n * E18, coolingAmount: 40n * E18, coolingUnlock: 5_000n };
  it("with a cooldown: only after it has passed, and only the cooled-down stake", () => {
    expect(withdrawAvailability(cooling, 4_999n)).toEqual({ ok: false, reason: expect.stringMatching(/cooling down/), until: 5_000n });
    expect(withdrawAvailability(cooling, 5_000n)).toEqual({ ok: true, max: 40n * E18 });
  });
  it("with a cooldown and nothing cooling: asks for an unstake request first", () => {
    expect(withdrawAvailability(cooldownPool, 9_999n)).toMatchObject({ ok: false, reason: expect.stringMatching(/Request an unstake first/) });
  });
  it("without a cooldown: the earning stake once the lock has ended", () => {
    const direct = { ...cooldownPool, cooldown: 0n };
    expect(withdrawAvailability(direct, 500n)).toEqual({ ok: false, reason: expect.stringMatching(/locked/), until: 1_000n });
    expect(withdrawAvailability(direct, 1_000n)).toEqual({ ok: true, max: 50n * E18 });
    // No minimum stake period: no lock check at all (as in the contract).
    expect(withdrawAvailability({ ...direct, minStakePeriod: 0n, lockEnd: 0n }, 0n)).toEqual({ ok: true, max: 50n * E18 });
    expect(withdrawAvailability({ ...direct, balance: 0n }, 5_000n).ok).toBe(false);
  });
});

describe("stake and claim", () => {
  it("a paused pool takes no stakes and pays no claims", () => {
    expect(stakeAvailability({ paused: true }, 5n).ok).toBe(false);
    expect(claimAvailability(true, 5n).ok).toBe(false);
  });
  it("stake needs tokens in the wallet; claim needs something earned", () => {
    expect(stakeAvailability({ paused: false }, 0n).ok).toBe(false);
    expect(stakeAvailability({ paused: false }, 7n)).toEqual({ ok: true, max: 7n });
    expect(claimAvailability(false, 0n)).toMatchObject({ ok: false, reason: expect.stringMatching(/no rewards/) });
    expect(claimAvailability(false, 3n)).toEqual({ ok: true, max: 3n });
  });
});

describe("validateAmount (before any wallet prompt)", () => {
  it("parses to base units and refuses more than available", () => {
    expect(validateAmount("12.5", 18, 20n * E18, "SUN", "stake")).toEqual({ value: 125n * 10n ** 17n });
    expect(validateAmount("21", 18, 20n * E18, "SUN", "stake")).toEqual({ error: "You can stake at most 20 SUN." });
    expect(validateAmount("abc", 18, 20n * E18, "SUN", "stake")).toHaveProperty("error");
    expect(validateAmount("0", 18, 20n * E18, "SUN", "stake")).toHaveProperty("error");
    expect(validateAmount("1.1234567", 6, 20n * 10n ** 6n, "cUSD", "stake")).toEqual({ error: "At most 6 decimals" });
  });
});

describe("stakeLimitError", () => {
  const limits = { maxStakePerAccount: 100n * E18, poolCap: 1_000n * E18 };
  it("applies the per-account limit and the pool cap like the contract", () => {
    expect(stakeLimitError(50n * E18, 50n * E18, 0n, limits, 18, "SUN")).toBeUndefined();
    expect(stakeLimitError(51n * E18, 50n * E18, 0n, limits, 18, "SUN")).toMatch(/add 50 SUN more/);
    expect(stakeLimitError(10n * E18, 0n, 995n * E18, limits, 18, "SUN")).toMatch(/5 SUN of room/);
    expect(stakeLimitError(10n ** 30n, 0n, 0n, { maxStakePerAccount: 0n, poolCap: 0n }, 18, "SUN")).toBeUndefined();
  });
});

describe("stakeMethod", () => {
  it("stakes directly when allowed, with a permit when the token has one, else approves first", () => {
    expect(stakeMethod(10n, 10n, false)).toBe("allowance");
    expect(stakeMethod(10n, 9n, true)).toBe("permit");
    expect(stakeMethod(10n, 9n, false)).toBe("approve");
  });
});
