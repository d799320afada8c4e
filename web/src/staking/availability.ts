// Which staking actions are possible right now, and if not, why and until when — decided from
// the chain's state before any wallet prompt, with the same rules the contract enforces.
import { formatAmount, parseAmount } from "../lib/format.ts";

/** An action is either possible (up to `max`, where an amount applies) or not, with the reason. */
export type Availability =
  | { ok: true; max: bigint }
  | { ok: false; reason: string; /** chain time at which it becomes possible */ until?: bigint };

/** The pool's rules and one account's state in it, as read from the chain. */
export interface PositionFacts {
  paused: boolean;
  /** seconds between requestUnstake and withdraw; 0 = withdraw directly */
  cooldown: bigint;
  /** lock from the last stake, seconds */
  minStakePeriod: bigint;
  lockEnd: bigint;
  /** earning stake */
  balance: bigint;
  /** cooling-down stake and when it becomes withdrawable */
  coolingAmount: bigint;
  coolingUnlock: bigint;
}

export function stakeAvailability(facts: Pick<PositionFacts, "paused">, walletBalance: bigint): Availability {
  if (facts.paused) return { ok: false, reason: "The pool is paused: it takes no new stakes for now." };
  if (walletBalance === 0n) return { ok: false, reason: "You have none of this pool's staking token in your wallet." };
  return { ok: true, max: walletBalance };
}

function lockCheck(facts: PositionFacts, now: bigint): Availability | undefined {
  if (now < facts.lockEnd) return { ok: false, reason: "Your stake is locked (minimum stake period).", until: facts.lockEnd };
  return undefined;
}

/** requestUnstake: cooldown pools only, from the earning stake, once the lock has ended. */
export function requestUnstakeAvailability(facts: PositionFacts, now: bigint): Availability {
  if (facts.cooldown === 0n) return { ok: false, reason: "This pool has no cooldown: withdraw directly." };
  if (facts.balance === 0n) return { ok: false, reason: "You have no earning stake to unstake." };
  return lockCheck(facts, now) ?? { ok: true, max: facts.balance };
}

/** withdraw: the cooled-down stake after the cooldown, or (no cooldown) the earning stake after the lock. */
export function withdrawAvailability(facts: PositionFacts, now: bigint): Availability {
  if (facts.cooldown === 0n) {
    if (facts.balance === 0n) return { ok: false, reason: "You have nothing staked in this pool." };
    return (facts.minStakePeriod > 0n ? lockCheck(facts, now) : undefined) ?? { ok: true, max: facts.balance };
  }
  if (facts.coolingAmount === 0n) return { ok: false, reason: "Request an unstake first: it can be withdrawn once its cooldown has passed." };
  if (now < facts.coolingUnlock) return { ok: false, reason: "Your unstaked tokens are cooling down.", until: facts.coolingUnlock };
  return { ok: true, max: facts.coolingAmount };
}

/** getReward / releaseVested: something to pay and the pool not paused. */
export function claimAvailability(paused: boolean, amount: bigint, nothing = "You have no rewards to claim yet."): Availability {
  if (paused) return { ok: false, reason: "The pool is paused: claims are on hold." };
  if (amount === 0n) return { ok: false, reason: nothing };
  return { ok: true, max: amount };
}

/** A typed amount checked against what is available, before the wallet is asked. */
export function validateAmount(text: string, decimals: number, max: bigint, symbol: string, what: string): { value: bigint } | { error: string } {
  const parsed = parseAmount(text, decimals);
  if ("error" in parsed) return parsed;
  if (parsed.value > max) return { error: `You can ${what} at most ${formatAmount(max, decimals, symbol, decimals)}.` };
  return parsed;
}

export interface StakeLimits {
  maxStakePerAccount: bigint;
  poolCap: bigint;
}

/** The contract's caps (0 = none) applied to a stake of `amount`: a message, or undefined when it fits. */
export function stakeLimitError(amount: bigint, balance: bigint, totalSupply: bigint, limits: StakeLimits, decimals: number, symbol: string): string | undefined {
  if (limits.maxStakePerAccount > 0n && balance + amount > limits.maxStakePerAccount) {
    const room = limits.maxStakePerAccount > balance ? limits.maxStakePerAccount - balance : 0n;
    return `This pool allows ${formatAmount(limits.maxStakePerAccount, decimals, symbol)} per account: you can add ${formatAmount(room, decimals, symbol, decimals)} more.`;
  }
  if (limits.poolCap > 0n && totalSupply + amount > limits.poolCap) {
    const room = limits.poolCap > totalSupply ? limits.poolCap - totalSupply : 0n;
    return `The pool is capped at ${formatAmount(limits.poolCap, decimals, symbol)}: ${formatAmount(room, decimals, symbol, decimals)} of room is left.`;
  }
  return undefined;
}
