import { describe, expect, it } from "vitest";
import { buildCardSession, isOrderDone } from "../src/campaigns/cardPayment.ts";

const campaign = "0x61C36a8D610163660E21a8b7359e1Cac0C9133e1";
const beneficiary = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const rules = { minContribution: 10_000_000n, maxPerBacker: 0n, cap: 0n, raised: 0n };
const cusd = { symbol: "cUSD", decimals: 6, native: false };
const eth = { symbol: "ETH", decimals: 18, native: true };

describe("buildCardSession", () => {
  it("builds the simulated provider's session body in base units, addresses lower-case", () => {
    expect(buildCardSession(campaign, { beneficiary, amount: "25", fiatAmount: "" }, cusd, rules)).toEqual({
      body: { provider: "simulated", campaign: campaign.toLowerCase(), beneficiary: beneficiary.toLowerCase(), amount: "25000000" },
    });
  });

  it("names a fiat price for the native coin, which has no par value", () => {
    const built = buildCardSession(campaign, { beneficiary, amount: "0.5", fiatAmount: "1500.00" }, { ...eth }, { ...rules, minContribution: 0n });
    expect(built).toEqual({
      body: { provider: "simulated", campaign: campaign.toLowerCase(), beneficiary: beneficiary.toLowerCase(), amount: "500000000000000000", fiat: { amount: "1500.00", currency: "USD" } },
    });
    expect(buildCardSession(campaign, { beneficiary, amount: "0.5", fiatAmount: "" }, eth, rules)).toMatchObject({ errors: { fiatAmount: expect.stringMatching(/price in USD/) } });
    expect(buildCardSession(campaign, { beneficiary, amount: "0.5", fiatAmount: "0.00" }, eth, rules)).toMatchObject({ errors: { fiatAmount: "The price must be more than 0" } });
  });

  it("reports every bad field at once", () => {
    const built = buildCardSession(campaign, { beneficiary: "", amount: "5", fiatAmount: "" }, cusd, rules);
    expect(built).toEqual({ errors: { beneficiary: "Enter the address that receives the campaign tokens.", amount: "The minimum contribution is 10 cUSD." } });
  });

  it("refuses an address with a wrong checksum", () => {
    const wrongCase = beneficiary.replace("C44", "c44");
    expect(buildCardSession(campaign, { beneficiary: wrongCase, amount: "25", fiatAmount: "" }, cusd, rules)).toMatchObject({ errors: { beneficiary: expect.stringMatching(/not a valid address/) } });
  });
});

describe("isOrderDone", () => {
  it("follows an order until it failed, or settled and its contribution is indexed", () => {
    const contribution = { id: "c1" };
    expect(["received", "paid", "submitted"].map((status) => isOrderDone({ status, contribution: null }))).toEqual([false, false, false]);
    expect(isOrderDone({ status: "settled", contribution: null })).toBe(false);
    expect(isOrderDone({ status: "settled", contribution })).toBe(true);
    expect(isOrderDone({ status: "failed", contribution: null })).toBe(true);
    expect(isOrderDone(undefined)).toBe(false);
  });
});
