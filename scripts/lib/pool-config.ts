// The StakingPool configuration (contracts/interfaces/IStakingPoolInit.sol PoolConfig) with its
// defaults in one place: a one-week reward period and every optional feature off.
export interface PoolOptions {
  /** the factory replaces it by the campaign token when it creates a campaign's pool */
  stakingToken?: string;
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

export const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
const WEEK = 7n * 86_400n;

export function poolConfig(options: PoolOptions) {
  return {
    stakingToken: options.stakingToken ?? ZERO_ADDRESS,
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

/** A configuration with no pool, for createCampaign(..., withPool = false, ...). */
export const NO_POOL = poolConfig({ rewardsToken: ZERO_ADDRESS, admin: ZERO_ADDRESS, rewardsDuration: 0n });
