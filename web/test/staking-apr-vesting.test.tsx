import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/react";
import { privateKeyToAccount } from "viem/accounts";
import { recoverTypedDataAddress } from "viem";
import { aprView, SECONDS_PER_YEAR } from "../src/staking/apr.ts";
import { AprText } from "../src/staking/AprText.tsx";
import { vestingView } from "../src/staking/vesting.ts";
import { tvlSeries } from "../src/staking/tvl.ts";
import { permitDomain, permitTypedData, signatureParts, type Eip712DomainResult } from "../src/lib/permit.ts";

const E18 = 10n ** 18n;

describe("aprView", () => {
  const base = { aprBps: null, rewardPerSecond: 1n * E18, totalStaked: SECONDS_PER_YEAR * 10n * E18, sameToken: true, stakingDecimals: 18 };
  it("uses the indexer's aprBps when it has one", () => {
    expect(aprView({ ...base, aprBps: 1234 })).toEqual({ kind: "apr", bps: 1234n });
  });
  it("computes it from the rate when the tokens are the same and the indexer has none", () => {
    // 1 token/s for a year over 10 tokens/s-years staked: 10%.
    expect(aprView(base)).toEqual({ kind: "apr", bps: 1_000n });
  });
  it("gives rewards per staked token per year when the tokens differ", () => {
    // 6-decimal rewards: 1 unit/s = 31.536 cUSD a year, over 1,000 staked tokens.
    const view = aprView({ ...base, sameToken: false, rewardPerSecond: 1n, totalStaked: 1_000n * E18 });
    expect(view).toEqual({ kind: "rate", perTokenPerYear: SECONDS_PER_YEAR / 1_000n });
  });
  it("explains why there is none", () => {
    expect(aprView({ ...base, rewardPerSecond: 0n })).toMatchObject({ kind: "none", reason: expect.stringMatching(/No rewards/) });
    expect(aprView({ ...base, totalStaked: 0n })).toMatchObject({ kind: "none", reason: expect.stringMatching(/Nothing staked/) });
  });
  it("renders as a percentage or a rate", () => {
    const tokens = { staking: { symbol: "SUN", decimals: 18 }, rewards: { symbol: "cUSD", decimals: 6 } };
    const { rerender } = render(<AprText view={{ kind: "apr", bps: 1_250n }} {...tokens} />);
    expect(screen.getByText("12.5%")).toBeInTheDocument();
    rerender(<AprText view={{ kind: "rate", perTokenPerYear: 31_536n }} {...tokens} />);
    expect(screen.getByText("0.031536 cUSD per SUN per year")).toBeInTheDocument();
  });
});

describe("vestingView", () => {
  const schedule = { amount: 1_000n, start: 100n, end: 200n };
  it("releases linearly between start and end", () => {
    expect(vestingView(schedule, 100n)).toEqual({ releasable: 0n, locked: 1_000n, fullyVestedAt: 200n });
    expect(vestingView(schedule, 125n)).toEqual({ releasable: 250n, locked: 750n, fullyVestedAt: 200n });
    expect(vestingView(schedule, 199n)).toEqual({ releasable: 990n, locked: 10n, fullyVestedAt: 200n });
  });
  it("is all releasable from the end on, and empty without a schedule", () => {
    expect(vestingView(schedule, 200n).releasable).toBe(1_000n);
    expect(vestingView(schedule, 10_000n).locked).toBe(0n);
    expect(vestingView({ amount: 0n, start: 0n, end: 0n }, 50n)).toEqual({ releasable: 0n, locked: 0n, fullyVestedAt: 0n });
  });
  it("floors like the contract", () => {
    expect(vestingView({ amount: 10n, start: 0n, end: 3n }, 1n).releasable).toBe(3n);
  });
});

describe("tvlSeries", () => {
  it("orders days oldest first and scales to whole tokens for the chart", () => {
    const points = tvlSeries(
      [
        { date: "2026-01-02", day: 20455, tvl: "2500000000000000000000" },
        { date: "2026-01-01", day: 20454, tvl: "1000000000000000000" },
      ],
      18,
    );
    expect(points).toEqual([
      { date: "2026-01-01", tvl: 1 },
      { date: "2026-01-02", tvl: 2500 },
    ]);
  });
});

describe("permit", () => {
  it("builds the EIP-2612 typed data from the token's own domain, and a signature splits into v, r, s", async () => {
    const owner = privateKeyToAccount("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    const domain: Eip712DomainResult = ["0x0f", "Solar Coop", "1", 31337n, "0x5FbDB2315678afecb367f032d93F642f64180aa3", `0x${"00".repeat(32)}`, []];
    const typed = permitTypedData(permitDomain({ eip712Domain: domain }, domain[4], 31337)!, { owner: owner.address, spender: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", value: 5n, nonce: 0n, deadline: 99n });
    expect(typed.domain).toEqual({ name: "Solar Coop", version: "1", chainId: 31337, verifyingContract: domain[4] });
    const signature = await owner.signTypedData(typed);
    expect(await recoverTypedDataAddress({ ...typed, signature })).toBe(owner.address);
    const { v, r, s } = signatureParts(signature);
    expect([27, 28]).toContain(v);
    expect(r).toBe(signature.slice(0, 66));
    expect(s).toBe(`0x${signature.slice(66, 130)}`);
  });
});
