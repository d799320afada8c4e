// Pure campaign rules: phases and the Explore filter, timing, action availability, the token
// rate and the contribution form's validation.
import { describe, expect, it } from "vitest";
import { availableActions, noActionNote, type BackerPosition } from "../src/campaigns/actions.ts";
import { validateContribution, type ContributionRules } from "../src/campaigns/contribution.ts";
import { campaignWhere, matchesPhase, phaseOfStatus, phaseTone } from "../src/campaigns/phase.ts";
import { timingLabel } from "../src/campaigns/timing.ts";
import { tokensFor, tokensPerWholeUnit } from "../src/campaigns/tokens.ts";

const cusd = { symbol: "cUSD", decimals: 6 };
const units = (whole: number) => BigInt(whole) * 1_000_000n;

describe("phases", () => {
  it("maps Campaign.status() indexes to phases", () => {
    expect([0, 1, 2, 3, 4, 5].map(phaseOfStatus)).toEqual(["draft", "scheduled", "active", "successful", "failed", "cancelled"]);
    expect(phaseOfStatus(6)).toBeUndefined();
  });

  it("filters by stored status on the server and by phase on the client", () => {
    expect(campaignWhere("all").status_in).not.toContain("draft");
    expect(campaignWhere("failed").status_in).toEqual(["launched", "failed"]);
    expect(campaignWhere("successful").status_in).toEqual(["launched", "finalized", "successful"]);
    expect(matchesPhase("all", "failed")).toBe(true);
    expect(matchesPhase("all", "draft")).toBe(false);
    expect(matchesPhase("active", "active")).toBe(true);
    // a "launched" row past its end comes back for the active filter and is dropped here
    expect(matchesPhase("active", "failed")).toBe(false);
  });

  it("gives each phase a badge tone", () => {
    expect(phaseTone("successful")).toBe("ok");
    expect(phaseTone("failed")).toBe("bad");
    expect(phaseTone("cancelled")).toBe("bad");
    expect(phaseTone("scheduled")).toBe("warn");
    expect(phaseTone("active")).toBe("");
  });
});

describe("timingLabel", () => {
  const base = { start: "1000", end: "2000000", secondsLeft: "0" };
  it("says how long an active campaign has left", () => {
    expect(timingLabel({ ...base, phase: "active", secondsLeft: String(3 * 86_400 + 4 * 3_600) })).toBe("3d 4h left");
  });
  it("says how a finished campaign ended", () => {
    expect(timingLabel({ ...base, phase: "successful" })).toBe("Goal reached");
    expect(timingLabel({ ...base, phase: "failed" })).toBe(`Ended ${new Date(2_000_000_000).toLocaleString()}`);
    expect(timingLabel({ ...base, phase: "cancelled" })).toBe("Cancelled");
    expect(timingLabel({ ...base, phase: "scheduled" })).toMatch(/^Opens /);
  });
});

describe("availableActions", () => {
  const backer = (over: Partial<BackerPosition> = {}): BackerPosition => ({ contributed: units(10), claimed: false, refunded: false, claimable: 10n ** 21n, ...over });

  it("offers contribute and card payment only while active", () => {
    expect(availableActions("active", undefined)).toEqual({ contribute: true, payByCard: true, claim: false, refund: false });
    for (const phase of ["draft", "scheduled", "successful", "failed", "cancelled"] as const) {
      expect(availableActions(phase, backer())).toMatchObject({ contribute: false, payByCard: false });
    }
  });

  it("offers a claim after success to a backer who has not claimed", () => {
    expect(availableActions("successful", backer()).claim).toBe(true);
    expect(availableActions("successful", backer({ claimed: true })).claim).toBe(false);
    expect(availableActions("successful", backer({ contributed: 0n })).claim).toBe(false);
    expect(availableActions("successful", undefined).claim).toBe(false);
    expect(availableActions("failed", backer()).claim).toBe(false);
  });

  it("offers a refund after failure or cancellation to a backer with money in", () => {
    expect(availableActions("failed", backer()).refund).toBe(true);
    expect(availableActions("cancelled", backer()).refund).toBe(true);
    expect(availableActions("failed", backer({ refunded: true })).refund).toBe(false);
    expect(availableActions("cancelled", backer({ contributed: 0n })).refund).toBe(false);
    expect(availableActions("successful", backer()).refund).toBe(false);
  });

  it("explains why nothing applies", () => {
    expect(noActionNote("successful", backer({ claimed: true }), "0")).toBe("You have claimed your tokens.");
    expect(noActionNote("failed", backer({ refunded: true }), "0")).toBe("Your contribution has been refunded.");
    expect(noActionNote("cancelled", backer({ contributed: 0n }), "0")).toMatch(/was cancelled.*nothing to refund/);
    expect(noActionNote("scheduled", undefined, "1700000000")).toMatch(/^Contributions open /);
  });
});

describe("token rate", () => {
  it("computes tokens like Campaign.tokensFor (rounded down)", () => {
    const rate = 10n ** 32n; // 100 SUN (18 decimals) per 1 cUSD (6 decimals), as the seed
    expect(tokensFor(units(15), rate)).toBe(1_500n * 10n ** 18n);
    expect(tokensPerWholeUnit(rate, 6)).toBe(100n * 10n ** 18n);
    expect(tokensFor(1n, 3n * 10n ** 17n)).toBe(0n);
  });
});

describe("validateContribution", () => {
  const rules: ContributionRules = { minContribution: units(10), maxPerBacker: 0n, cap: 0n, raised: units(2_200) };
  const check = (text: string, over: Partial<ContributionRules> = {}, backer = { contributed: 0n, balance: units(1_000) as bigint | undefined }) =>
    validateContribution(text, cusd, { ...rules, ...over }, backer);

  it("accepts a valid amount as base units", () => {
    expect(check("25.5")).toEqual({ value: 25_500_000n });
  });

  it("refuses what is not an amount, zero and too many decimals", () => {
    expect(check("abc")).toEqual({ error: "Enter an amount, like 25 or 12.5" });
    expect(check("0")).toEqual({ error: "The amount must be more than 0" });
    expect(check("1.0000001")).toEqual({ error: "At most 6 decimals" });
  });

  it("refuses less than the minimum", () => {
    expect(check("9.99")).toEqual({ error: "The minimum contribution is 10 cUSD." });
  });

  it("accepts less than the minimum when it fills the cap exactly, like the contract", () => {
    expect(check("5", { cap: units(2_205) })).toEqual({ value: units(5) });
  });

  it("refuses going past the cap and says how much is left", () => {
    expect(check("100", { cap: units(2_250) })).toEqual({ error: "At most 50 cUSD can still be contributed before the cap." });
    expect(check("10", { cap: units(2_200) })).toEqual({ error: "The campaign has reached its cap." });
  });

  it("refuses going past the limit per backer", () => {
    expect(check("60", { maxPerBacker: units(100) }, { contributed: units(50), balance: units(1_000) })).toEqual({
      error: "You can contribute at most 50 cUSD more (the limit per backer is 100 cUSD).",
    });
    expect(check("10", { maxPerBacker: units(100) }, { contributed: units(100), balance: units(1_000) })).toEqual({
      error: "You have reached the limit per backer (100 cUSD).",
    });
  });

  it("refuses more than the balance, and skips the check while the balance is unknown", () => {
    expect(check("1000.000001")).toEqual({ error: "That is more than your balance of 1,000 cUSD." });
    expect(check("5000", {}, { contributed: 0n, balance: undefined })).toEqual({ value: units(5_000) });
  });
});
