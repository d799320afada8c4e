// Checks an amount typed into a contribution form against the campaign's rules
// (Campaign._book) and the backer's balance, so a person sees what is wrong before any
// wallet prompt. The contract checks it all again.
import { formatAmount, parseAmount } from "../lib/format.ts";
import type { AssetInfo } from "./assets.ts";

export interface ContributionRules {
  minContribution: bigint;
  /** 0 = no limit per backer */
  maxPerBacker: bigint;
  /** 0 = no cap */
  cap: bigint;
  raised: bigint;
}

export interface BackerLimits {
  /** what this backer has contributed so far */
  contributed: bigint;
  /** what the wallet holds; undefined when unknown (not checked) */
  balance?: bigint;
}

export function validateContribution(text: string, asset: AssetInfo, rules: ContributionRules, backer: BackerLimits): { value: bigint } | { error: string } {
  const parsed = parseAmount(text, asset.decimals);
  if ("error" in parsed) return parsed;
  const { value } = parsed;
  const show = (amount: bigint) => formatAmount(amount, asset.decimals, asset.symbol, asset.decimals);
  const total = rules.raised + value;
  if (rules.cap !== 0n && total > rules.cap) {
    const left = rules.cap > rules.raised ? rules.cap - rules.raised : 0n;
    return { error: left === 0n ? "The campaign has reached its cap." : `At most ${show(left)} can still be contributed before the cap.` };
  }
  // Like the contract: a smaller amount is fine when it fills the cap exactly.
  const fillsCap = rules.cap !== 0n && total === rules.cap;
  if (value < rules.minContribution && !fillsCap) return { error: `The minimum contribution is ${show(rules.minContribution)}.` };
  if (rules.maxPerBacker !== 0n && backer.contributed + value > rules.maxPerBacker) {
    const left = rules.maxPerBacker > backer.contributed ? rules.maxPerBacker - backer.contributed : 0n;
    return { error: left === 0n ? `You have reached the limit per backer (${show(rules.maxPerBacker)}).` : `You can contribute at most ${show(left)} more (the limit per backer is ${show(rules.maxPerBacker)}).` };
  }
  if (backer.balance !== undefined && value > backer.balance) return { error: `That is more than your balance of ${show(backer.balance)}.` };
  return { value };
}
