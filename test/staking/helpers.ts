import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { StakingPool } from "../../types/ethers-contracts/index.js";

export const DAY = 86_400n;
export const WEEK = 7n * DAY;
export const E18 = 10n ** 18n;

export interface PoolOptions {
  stakingToken: string;
  rewardsToken: string;
  admin: string;
  rewardsDuration?: bigint;
  minStakePeriod?: bigint;
  cooldown?: bigint;
  vestingDuration?: bigint;
  maxStakePerAccount?: bigint;
  poolCap?: bigint;
  maxRewardRate?: bigint;
  totalRewardCap?: bigint;
}

export function poolConfig(options: PoolOptions) {
  return {
    stakingToken: options.stakingToken,
    rewardsToken: options.rewardsToken,
    admin: options.admin,
    rewardsDuration: options.rewardsDuration ?? WEEK,
    minStakePeriod: options.minStakePeriod ?? 0n,
    cooldown: options.cooldown ?? 0n,
    vestingDuration: options.vestingDuration ?? 0n,
    maxStakePerAccount: options.maxStakePerAccount ?? 0n,
    poolCap: options.poolCap ?? 0n,
    maxRewardRate: options.maxRewardRate ?? 0n,
    totalRewardCap: options.totalRewardCap ?? 0n,
  };
}

/** Deploys an EIP-1167 clone of `implementation` (as the CampaignFactory does), uninitialised. */
export async function deployClone(ethers: HardhatEthers, deployer: HardhatEthersSigner, implementation: string): Promise<StakingPool> {
  const data = `0x3d602d80600a3d3981f3363d3d373d3d3d363d73${implementation.slice(2).toLowerCase()}5af43d82803e903d91602b57fd5bf3`;
  const receipt = await (await deployer.sendTransaction({ data })).wait();
  if (receipt?.contractAddress == null) throw new Error("clone not created");
  return ethers.getContractAt("StakingPool", receipt.contractAddress);
}

export { signPermit } from "../../scripts/lib/eip712.js";
