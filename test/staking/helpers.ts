import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { StakingPool } from "../../types/ethers-contracts/index.js";
import { deployClone as deployCloneAt } from "../../scripts/lib/clones.js";

export const DAY = 86_400n;
export const WEEK = 7n * DAY;
export const E18 = 10n ** 18n;

export { poolConfig, type PoolOptions } from "../../scripts/lib/pool-config.js";

/** Deploys an uninitialised EIP-1167 clone of the pool `implementation` (as the CampaignFactory does). */
export async function deployClone(ethers: HardhatEthers, deployer: HardhatEthersSigner, implementation: string): Promise<StakingPool> {
  return ethers.getContractAt("StakingPool", await deployCloneAt(deployer, implementation));
}

export { signPermit } from "../../scripts/lib/eip712.js";
