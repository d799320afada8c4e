// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice How a staking pool is configured when it is created (by the CampaignFactory, as an
/// EIP-1167 clone of the StakingPool implementation). Zero means "no limit" / "none" for the
/// optional fields.
struct PoolConfig {
    /// @dev the token stakers deposit (often a campaign's token)
    address stakingToken;
    /// @dev the token rewards are paid in
    address rewardsToken;
    /// @dev receives DEFAULT_ADMIN_ROLE and the rewards-distributor role
    address admin;
    /// @dev length of each reward period started by notifyRewardAmount, in seconds (> 0)
    uint64 rewardsDuration;
    /// @dev lock from an account's last stake before it may withdraw, in seconds
    uint64 minStakePeriod;
    /// @dev wait between requestUnstake and withdraw, in seconds (0 = no cooldown)
    uint64 cooldown;
    /// @dev claimed rewards vest linearly over this many seconds (0 = paid at once)
    uint64 vestingDuration;
    /// @dev largest stake one account may hold (0 = none)
    uint256 maxStakePerAccount;
    /// @dev largest total stake of the pool (0 = none)
    uint256 poolCap;
    /// @dev largest reward rate, reward tokens per second (0 = none)
    uint256 maxRewardRate;
    /// @dev most reward tokens the pool may ever be notified (0 = none)
    uint256 totalRewardCap;
}

/// @notice The initializer every StakingPool clone is set up through.
interface IStakingPoolInit {
    /// @notice Sets up a fresh clone; callable once.
    function initialize(PoolConfig calldata config) external;
}
