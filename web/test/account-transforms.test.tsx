import { describe, expect, it } from "vitest";
import {
  claimAndRefundRows,
  contributionRows,
  contributionStatus,
  onrampRows,
  paymentRows,
  paymentStatus,
  positionRows,
  rewardRows,
} from "../src/account/transforms.ts";
import type { CampaignRef, ContributionRow, OnrampOrderRow, PaymentRow, PositionRow } from "../src/account/queries.ts";

const CUSD = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
const SUN = "0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0";
const CAMPAIGN = "0x61c36a8d610163660e21a8b7359e1cac0c9133e1";
const POOL = "0x8efa1819ff5b279077368d44b593a4543280e402";
const tokens = new Map([
  [CUSD, { symbol: "cUSD", decimals: 6 }],
  [SUN, { symbol: "SUN", decimals: 18 }],
]);
const campaignInfo: CampaignRef = { id: CAMPAIGN, tokenName: "Solar Coop", tokenSymbol: "SUN", token: SUN, asset: CUSD, phase: "active" };

describe("contributionStatus", () => {
  it("says where the money stands and what to do", () => {
    expect(contributionStatus("active", undefined)).toEqual({ label: "Raising", tone: "warn" });
    expect(contributionStatus("successful", { campaign: CAMPAIGN, claimed: false, refunded: "0", tokensClaimed: "0" }).label).toMatch(/claim your tokens/);
    expect(contributionStatus("successful", { campaign: CAMPAIGN, claimed: true, refunded: "0", tokensClaimed: "5" }).label).toMatch(/tokens claimed/);
    expect(contributionStatus("failed", { campaign: CAMPAIGN, claimed: false, refunded: "0", tokensClaimed: "0" })).toEqual({ label: "Failed · refund available", tone: "bad" });
    expect(contributionStatus("cancelled", { campaign: CAMPAIGN, claimed: false, refunded: "10", tokensClaimed: "0" }).label).toBe("Cancelled · refunded");
  });
});

describe("contributionRows", () => {
  const rows: ContributionRow[] = [
    { id: "a", campaign: CAMPAIGN, amount: "1500000000", onrampRef: null, timestamp: "100", txHash: "0x1", campaignInfo },
    { id: "b", campaign: CAMPAIGN, amount: "25000000", onrampRef: "0xabc", timestamp: "200", txHash: "0x2", campaignInfo },
  ];
  it("formats in the campaign's asset, newest first, with a checksummed campaign link and how it was paid", () => {
    const views = contributionRows(rows, [], tokens);
    expect(views.map((v) => [v.key, v.amount, v.via])).toEqual([
      ["b", "25 cUSD", "Card"],
      ["a", "1,500 cUSD", "Wallet"],
    ]);
    expect(views[0]!.campaign).toEqual({ address: "0x61c36a8d610163660E21a8b7359e1Cac0C9133e1", name: "Solar Coop" });
    expect(views[0]!.status.label).toBe("Raising");
  });
  it("shows a placeholder until the asset's decimals are known, never a wrong amount", () => {
    expect(contributionRows(rows, [], new Map())[0]!.amount).toBe("…");
  });
});

describe("claimAndRefundRows", () => {
  it("merges claims (campaign token) and refunds (asset), newest first", () => {
    const views = claimAndRefundRows(
      [{ id: "c", campaign: CAMPAIGN, tokens: "150000000000000000000000", timestamp: "300", txHash: "0x3", campaignInfo }],
      [{ id: "r", campaign: CAMPAIGN, amount: "700000000", timestamp: "400", txHash: "0x4", campaignInfo }],
      tokens,
    );
    expect(views.map((v) => [v.kind, v.amount])).toEqual([
      ["Refund", "700 cUSD"],
      ["Tokens claimed", "150,000 SUN"],
    ]);
  });
});

describe("positionRows", () => {
  const position: PositionRow = {
    pool: POOL,
    staked: "100000000000000000000",
    cooling: "0",
    unlockTime: "0",
    lockEnd: "5000",
    rewardsClaimed: "1000000",
    vestingAmount: "0",
    vestingEnd: "0",
    poolInfo: { stakingToken: SUN, rewardsToken: CUSD, campaignInfo: { tokenName: "Solar Coop" } },
  };
  it("shows stake, pending rewards from the chain and the unlock time", () => {
    const [view] = positionRows([position], new Map([[POOL, 2_500_000n]]), tokens, 1_000n);
    expect(view).toMatchObject({ pool: "0x8EFa1819Ff5B279077368d44B593a4543280e402", name: "Solar Coop", staked: "100 SUN", earned: "2.5 cUSD", rewardsClaimed: "1 cUSD", cooling: "—", unlocksAt: 5000 });
  });
  it("shows the cooldown's unlock when tokens are cooling, and nothing once it passed", () => {
    const cooling = { ...position, cooling: "40000000000000000000", unlockTime: "9000" };
    expect(positionRows([cooling], new Map(), tokens, 1_000n)[0]).toMatchObject({ cooling: "40 SUN", unlocksAt: 9000, earned: "…" });
    expect(positionRows([cooling], new Map(), tokens, 9_000n)[0]!.unlocksAt).toBe(0);
  });
  it("drops positions that are fully closed", () => {
    const closed = { ...position, staked: "0", rewardsClaimed: "0" };
    expect(positionRows([closed], new Map([[POOL, 0n]]), tokens, 0n)).toEqual([]);
  });
});

describe("rewardRows", () => {
  it("names each payout kind in words", () => {
    const views = rewardRows(
      [
        { id: "1", pool: POOL, kind: "reward_paid", amount: "2000000", timestamp: "10", txHash: "0x", poolInfo: { rewardsToken: CUSD, campaignInfo: null } },
        { id: "2", pool: POOL, kind: "reward_vesting", amount: "3000000", timestamp: "20", txHash: "0x", poolInfo: { rewardsToken: CUSD, campaignInfo: null } },
      ],
      tokens,
    );
    expect(views.map((v) => [v.kind, v.amount, v.name])).toEqual([
      ["Claimed into vesting", "3 cUSD", "0x8EFa…e402"],
      ["Paid", "2 cUSD", "0x8EFa…e402"],
    ]);
  });
});

describe("paymentRows", () => {
  const payment: PaymentRow = { id: `0x15d34aaf54267db7d7c367839aaf71a00a2c6a65${"0".repeat(23)}1`, merchant: "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65", token: CUSD, amount: "25000000", refundedAmount: "0", status: "confirmed", createdAt: "50", txHash: "0x" };
  it("shows the status in words, the merchant checksummed and any refund", () => {
    const [view] = paymentRows([payment, { ...payment, id: "0x2", status: "refunded", refundedAmount: "5000000", createdAt: "40" }], tokens);
    expect(view).toMatchObject({ merchant: "0x15d3…6A65", amount: "25 cUSD", refunded: undefined, status: { label: "Held in escrow", tone: "neutral" } });
    expect(paymentRows([{ ...payment, refundedAmount: "5000000" }], tokens)[0]!.refunded).toBe("5 cUSD");
    expect(paymentStatus("settled")).toEqual({ label: "Settled", tone: "ok" });
    expect(paymentStatus("something-new")).toEqual({ label: "something-new", tone: "neutral" });
  });
});

describe("onrampRows", () => {
  const order: OnrampOrderRow = {
    id: "ord_1",
    provider: "simulated",
    kind: "contribution",
    status: "settled",
    campaign: CAMPAIGN,
    asset: CUSD,
    amount: "50000000",
    fiatAmount: "50.00",
    fiatCurrency: "USD",
    createdAt: "2026-01-01T00:00:10.000Z",
    txHash: "0x9",
    error: null,
  };
  it("links a contribution order to its campaign and shows both amounts", () => {
    const [view] = onrampRows([order], tokens, new Map([[CAMPAIGN, campaignInfo]]));
    expect(view).toMatchObject({ provider: "Simulated", what: "Contribution", amount: "50 cUSD", paid: "50.00 USD", status: { label: "Settled", tone: "ok" }, timestamp: 1767225610 });
    expect(view!.campaign!.name).toBe("Solar Coop");
  });
  it("keeps the failure's reason and falls back to the address for an unknown campaign", () => {
    const [view] = onrampRows([{ ...order, status: "failed", error: "CapExceeded" }], tokens, new Map());
    expect(view).toMatchObject({ status: { tone: "bad" }, error: "CapExceeded" });
    expect(view!.campaign!.name).toBe("0x61c3…33e1");
  });
  it("labels payment orders", () => {
    expect(onrampRows([{ ...order, kind: "payment", campaign: null }], tokens, new Map())[0]).toMatchObject({ what: "Payment", campaign: undefined });
  });
});
