// One pool's state from the chain (the truth for anything a transaction depends on): its rules
// and totals, the connected account's position, and the staking token's balance, allowance and
// permit support. Refreshed every few seconds and after every transaction (useTx invalidates).
import { useMemo } from "react";
import { useReadContracts } from "wagmi";
import { zeroAddress, type Address } from "viem";
import { erc20Abi, stakingPoolAbi } from "../lib/contracts.ts";
import { permitReads, permitSupport, type PermitSupport } from "../lib/permit.ts";
import { chain } from "../wagmi.ts";
import type { PositionFacts, StakeLimits } from "./availability.ts";
import type { EarnedSnapshot } from "./earned.ts";
import type { VestingSchedule } from "./vesting.ts";
import type { TokenInfo } from "./tokens.ts";

export interface PoolChainState {
  stakingToken: Address;
  rewardsToken: Address;
  staking: TokenInfo;
  rewards: TokenInfo;
  totalSupply: bigint;
  rewardRate: bigint;
  periodFinish: bigint;
  paused: boolean;
  minStakePeriod: bigint;
  cooldown: bigint;
  vestingDuration: bigint;
  limits: StakeLimits;
}

export interface AccountChainState {
  facts: PositionFacts;
  earned: EarnedSnapshot;
  vesting: VestingSchedule;
  walletBalance: bigint;
  allowance: bigint;
  /** present when the staking token supports EIP-2612 permits (and its domain checks out) */
  permit?: PermitSupport;
}

const REFRESH_MS = 4_000;

export function usePoolReads(pool: Address, account: Address | undefined) {
  const poolContract = { address: pool, abi: stakingPoolAbi } as const;
  // Without an account the position is read for the zero address: one read keeps earned() and
  // the totals it is projected from in the same block.
  const user = account ?? zeroAddress;
  const base = useReadContracts({
    allowFailure: false,
    contracts: [
      { ...poolContract, functionName: "stakingToken" },
      { ...poolContract, functionName: "rewardsToken" },
      { ...poolContract, functionName: "totalSupply" },
      { ...poolContract, functionName: "rewardRate" },
      { ...poolContract, functionName: "periodFinish" },
      { ...poolContract, functionName: "lastTimeRewardApplicable" },
      { ...poolContract, functionName: "paused" },
      { ...poolContract, functionName: "minStakePeriod" },
      { ...poolContract, functionName: "cooldown" },
      { ...poolContract, functionName: "vestingDuration" },
      { ...poolContract, functionName: "stakeLimits" },
      { ...poolContract, functionName: "balanceOf", args: [user] },
      { ...poolContract, functionName: "earned", args: [user] },
      { ...poolContract, functionName: "lockEndOf", args: [user] },
      { ...poolContract, functionName: "cooldownOf", args: [user] },
      { ...poolContract, functionName: "vestingOf", args: [user] },
    ],
    query: { refetchInterval: REFRESH_MS },
  });
  const stakingToken = base.data?.[0];
  const rewardsToken = base.data?.[1];
  const stakingContract = { address: stakingToken!, abi: erc20Abi } as const;
  const tokens = useReadContracts({
    contracts: [
      { ...stakingContract, functionName: "symbol" },
      { ...stakingContract, functionName: "decimals" },
      { address: rewardsToken!, abi: erc20Abi, functionName: "symbol" },
      { address: rewardsToken!, abi: erc20Abi, functionName: "decimals" },
    ],
    query: { enabled: !!stakingToken && !!rewardsToken, staleTime: Infinity },
  });
  const wallet = useReadContracts({
    contracts: [
      { ...stakingContract, functionName: "balanceOf", args: [user] },
      { ...stakingContract, functionName: "allowance", args: [user, pool] },
      // The permit probe: a token without EIP-2612 fails these calls.
      ...permitReads(stakingToken!, user),
    ],
    query: { enabled: !!stakingToken && !!account, refetchInterval: REFRESH_MS },
  });

  const poolState = useMemo((): PoolChainState | undefined => {
    const t = tokens.data;
    if (!base.data || !t || t.some((r) => r.status !== "success")) return undefined;
    const [stakingTokenAddr, rewardsTokenAddr, totalSupply, rewardRate, periodFinish, , paused, minStakePeriod, cooldown, vestingDuration, [maxStakePerAccount, poolCap]] = base.data;
    return {
      stakingToken: stakingTokenAddr,
      rewardsToken: rewardsTokenAddr,
      staking: { symbol: t[0]!.result as string, decimals: Number(t[1]!.result) },
      rewards: { symbol: t[2]!.result as string, decimals: Number(t[3]!.result) },
      totalSupply,
      rewardRate,
      periodFinish,
      paused,
      minStakePeriod,
      cooldown,
      vestingDuration,
      limits: { maxStakePerAccount, poolCap },
    };
  }, [base.data, tokens.data]);

  const accountState = useMemo((): AccountChainState | undefined => {
    if (!account || !base.data || !wallet.data) return undefined;
    const [, , totalSupply, rewardRate, periodFinish, readAt, paused, minStakePeriod, cooldown, , , balance, earned, lockEnd, [coolingAmount, coolingUnlock], [vestAmount, vestStart, vestEnd]] = base.data;
    const [walletBalance, allowance, ...permit] = wallet.data;
    return {
      facts: { paused, cooldown, minStakePeriod, lockEnd, balance, coolingAmount, coolingUnlock },
      earned: { earned, readAt, balance, totalSupply, rewardRate, periodFinish },
      vesting: { amount: vestAmount, start: vestStart, end: vestEnd },
      walletBalance: walletBalance.status === "success" ? (walletBalance.result as bigint) : 0n,
      allowance: allowance.status === "success" ? (allowance.result as bigint) : 0n,
      permit: permitSupport(permit, stakingToken!, chain.id),
    };
  }, [account, base.data, wallet.data]);

  return { pool: poolState, account: accountState, error: base.error ?? tokens.error, isLoading: base.isLoading || tokens.isLoading };
}
