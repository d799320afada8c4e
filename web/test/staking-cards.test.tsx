// The action cards with a mock wallet: reasons and countdowns while an action is not possible,
// and validation that stops a bad amount before the wallet is asked.
import { describe, expect, it, vi } from "vitest";
import type { ReactNode } from "react";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createConfig, http, WagmiProvider } from "wagmi";
import { mock } from "wagmi/connectors";
import { chain } from "../src/wagmi.ts";
import { UnstakeCard } from "../src/staking/UnstakeCard.tsx";
import { StakeCard } from "../src/staking/StakeCard.tsx";
import { PositionCard } from "../src/staking/PositionCard.tsx";
import type { AccountChainState, PoolChainState } from "../src/staking/usePoolReads.ts";

const E18 = 10n ** 18n;
const OWNER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" as const;
const POOL = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512" as const;
const request = vi.fn(async () => {
  throw new Error("no wallet prompt expected");
});

function wrap(children: ReactNode) {
  const config = createConfig({ chains: [chain], connectors: [mock({ accounts: [OWNER] })], transports: { [chain.id]: http("http://127.0.0.1:9") } });
  // Any JSON-RPC request (a simulation, a signature) would mean a prompt: count them.
  config.getClient().request = request as never;
  return (
    <WagmiProvider config={config as never}>
      <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>
    </WagmiProvider>
  );
}

const poolState: PoolChainState = {
  stakingToken: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  rewardsToken: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
  staking: { symbol: "SUN", decimals: 18 },
  rewards: { symbol: "cUSD", decimals: 6 },
  totalSupply: 100n * E18,
  rewardRate: 1_000n,
  periodFinish: 1_000_000n,
  paused: false,
  minStakePeriod: 86_400n,
  cooldown: 3_600n,
  vestingDuration: 0n,
  limits: { maxStakePerAccount: 0n, poolCap: 0n },
};

function accountState(facts: Partial<AccountChainState["facts"]> = {}): AccountChainState {
  const merged = { paused: false, cooldown: 3_600n, minStakePeriod: 86_400n, lockEnd: 0n, balance: 25n * E18, coolingAmount: 0n, coolingUnlock: 0n, ...facts };
  return {
    facts: merged,
    earned: { earned: 5_000_000n, readAt: 10_000n, balance: merged.balance, totalSupply: 100n * E18, rewardRate: 1_000n, periodFinish: 1_000_000n },
    vesting: { amount: 0n, start: 0n, end: 0n },
    walletBalance: 40n * E18,
    allowance: 0n,
  };
}

describe("UnstakeCard (cooldown pool)", () => {
  it("disables withdraw during the cooldown, with the unlock time and a countdown", () => {
    const account = accountState({ coolingAmount: 10n * E18, coolingUnlock: 20_000n });
    render(wrap(<UnstakeCard pool={POOL} poolState={poolState} account={account} now={16_400n} />));
    const withdraw = screen.getByRole("button", { name: "Withdraw 10 SUN" });
    expect(withdraw).toBeDisabled();
    expect(screen.getByText(/Your unstaked tokens are cooling down/)).toBeInTheDocument();
    expect(screen.getAllByText("(in 1h)").length).toBeGreaterThan(0);
  });

  it("enables withdraw once the cooldown has passed", () => {
    const account = accountState({ coolingAmount: 10n * E18, coolingUnlock: 20_000n });
    render(wrap(<UnstakeCard pool={POOL} poolState={poolState} account={account} now={20_000n} />));
    expect(screen.getByRole("button", { name: "Withdraw 10 SUN" })).toBeEnabled();
  });

  it("keeps request unstake disabled while the stake is locked", () => {
    render(wrap(<UnstakeCard pool={POOL} poolState={poolState} account={accountState({ lockEnd: 50_000n })} now={49_000n} />));
    expect(screen.getByRole("button", { name: "Request unstake" })).toBeDisabled();
    expect(screen.getByText(/Your stake is locked/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Withdraw" })).toBeDisabled();
    expect(screen.getByText(/Request an unstake first/)).toBeInTheDocument();
  });

  it("refuses more than the earning stake before any wallet prompt", async () => {
    request.mockClear();
    render(wrap(<UnstakeCard pool={POOL} poolState={poolState} account={accountState()} now={60_000n} />));
    await userEvent.type(screen.getByLabelText("Amount to unstake (SUN)"), "26");
    await userEvent.click(screen.getByRole("button", { name: "Request unstake" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("You can unstake at most 25 SUN.");
    expect(request).not.toHaveBeenCalled();
  });
});

describe("StakeCard", () => {
  it("validates the amount against the wallet balance before asking the wallet", async () => {
    request.mockClear();
    render(wrap(<StakeCard pool={POOL} owner={OWNER} poolState={poolState} account={accountState()} now={10_000n} />));
    const input = screen.getByLabelText("Amount to stake (SUN)");
    await userEvent.type(input, "41");
    await userEvent.click(screen.getByRole("button", { name: "Approve and stake" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("You can stake at most 40 SUN.");
    await userEvent.clear(input);
    await userEvent.type(input, "1.2.3");
    await userEvent.click(screen.getByRole("button", { name: "Stake" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Enter an amount");
    expect(request).not.toHaveBeenCalled();
  });

  it("fills the wallet balance with Max and says a permit will be signed when the token has one", async () => {
    const account = { ...accountState(), permit: { nonce: 0n, domain: { name: "SUN", version: "1", chainId: 31337, verifyingContract: poolState.stakingToken } } };
    render(wrap(<StakeCard pool={POOL} owner={OWNER} poolState={poolState} account={account} now={10_000n} />));
    await userEvent.click(screen.getByRole("button", { name: /^Max/ }));
    expect(screen.getByLabelText("Amount to stake (SUN)")).toHaveValue("40");
    expect(screen.getByRole("button", { name: "Stake" })).toBeEnabled();
    expect(screen.getByText(/sign a permit/)).toBeInTheDocument();
  });

  it("says why a paused pool takes no stake", () => {
    render(wrap(<StakeCard pool={POOL} owner={OWNER} poolState={{ ...poolState, paused: true }} account={accountState({ paused: true })} now={10_000n} />));
    expect(screen.getByRole("button", { name: "Stake" })).toBeDisabled();
    expect(screen.getByText(/paused/)).toBeInTheDocument();
  });
});

describe("PositionCard", () => {
  it("shows earned projected to the chain's clock and a claim button", () => {
    // A quarter of the pool at 1,000 units/s: 250 units (0.00025 cUSD) a second after the read.
    const { rerender } = render(wrap(<PositionCard pool={POOL} poolState={poolState} account={accountState()} now={10_000n} />));
    expect(screen.getByTestId("earned")).toHaveTextContent("5 cUSD");
    rerender(wrap(<PositionCard pool={POOL} poolState={poolState} account={accountState()} now={10_004n} />));
    expect(screen.getByTestId("earned")).toHaveTextContent("5.001 cUSD");
    expect(screen.getByRole("button", { name: "Claim rewards" })).toBeEnabled();
  });
});
