// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

// Event amounts stay in the data (not indexed): indexers read them, nobody filters by them.
// solhint-disable gas-indexed-events

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/**
 * @title IStakingPool
 * @notice The external API of a Crowdstake staking pool: a Synthetix `StakingRewards`-style
 * reward-per-token accumulator with a minimum stake period, an optional unstake cooldown,
 * stake caps, bounded reward funding, optional linear vesting of claimed rewards, pause with
 * emergency withdrawal and guarded recovery of stray tokens.
 */
interface IStakingPool {
    // ------------------------------------------------------------------ events

    /// @notice A clone was set up (emitted once, by `initialize`).
    /// @param stakingToken the token stakers deposit
    /// @param rewardsToken the token rewards are paid in
    /// @param admin the account that received DEFAULT_ADMIN_ROLE and REWARDS_DISTRIBUTOR_ROLE
    /// @param rewardsDuration length of a reward period, in seconds
    /// @param minStakePeriod lock from an account's last stake, in seconds
    /// @param cooldown wait between requestUnstake and withdraw, in seconds (0 = none)
    /// @param vestingDuration linear vesting of claimed rewards, in seconds (0 = none)
    event PoolInitialized(
        address indexed stakingToken,
        address indexed rewardsToken,
        address indexed admin,
        uint256 rewardsDuration,
        uint256 minStakePeriod,
        uint256 cooldown,
        uint256 vestingDuration
    );

    /// @notice `user` staked `amount`.
    /// @param user the staker
    /// @param amount the amount deposited
    /// @param balance the user's earning stake afterwards
    /// @param totalSupply the pool's total earning stake afterwards
    event Staked(address indexed user, uint256 amount, uint256 balance, uint256 totalSupply);

    /// @notice `user` received `amount` of their principal back.
    /// @param user the staker
    /// @param amount the amount paid out
    /// @param balance the user's earning stake afterwards
    /// @param coolingAmount the user's cooling-down stake afterwards
    /// @param totalSupply the pool's total earning stake afterwards
    event Withdrawn(address indexed user, uint256 amount, uint256 balance, uint256 coolingAmount, uint256 totalSupply);

    /// @notice `user` moved `amount` out of earning into the cooldown.
    /// @param user the staker
    /// @param amount the amount moved
    /// @param balance the user's earning stake afterwards
    /// @param coolingAmount the user's whole cooling-down stake afterwards
    /// @param unlockTime when the whole cooling-down stake becomes withdrawable
    /// @param totalSupply the pool's total earning stake afterwards
    event UnstakeRequested(
        address indexed user,
        uint256 amount,
        uint256 balance,
        uint256 coolingAmount,
        uint256 unlockTime,
        uint256 totalSupply
    );

    /// @notice `user` was paid `reward` reward tokens (no vesting, or released by a claim).
    /// @param user the staker
    /// @param reward the amount transferred
    event RewardPaid(address indexed user, uint256 reward);

    /// @notice `user` claimed `reward`, which now vests linearly (vesting pools only).
    /// @param user the staker
    /// @param reward the amount claimed into vesting
    /// @param vestingAmount the user's whole unreleased vesting amount afterwards
    /// @param vestingEnd when it is fully vested
    event RewardVesting(address indexed user, uint256 reward, uint256 vestingAmount, uint256 vestingEnd);

    /// @notice `user` was paid `amount` of vested rewards.
    /// @param user the staker
    /// @param amount the amount transferred
    /// @param vestingAmount the user's unreleased vesting amount afterwards
    event VestingReleased(address indexed user, uint256 amount, uint256 vestingAmount);

    /// @notice A reward period (re)started.
    /// @param reward the reward tokens pulled from the distributor
    /// @param carried tokens carried into this period (accrued with nothing staked, forfeited
    /// by emergency withdrawals, or division remainders)
    /// @param rewardRate the new reward rate, tokens per second
    /// @param periodFinish the end of the new period
    event RewardAdded(uint256 reward, uint256 carried, uint256 rewardRate, uint256 periodFinish);

    /// @notice Rewards emitted while nothing was staked, or whole units the accumulator could
    /// not attribute (only when more than 1e36 staked units), were set aside for the next period.
    /// @param amount the amount set aside
    /// @param queuedRewards everything now waiting for the next period
    event RewardsCarriedOver(uint256 amount, uint256 queuedRewards);

    /// @notice `user` took out all principal while paused; their pending rewards were
    /// forfeited into the next period.
    /// @param user the staker
    /// @param amount the principal paid out (earning plus cooling-down stake)
    /// @param forfeitedRewards the pending rewards given up
    /// @param totalSupply the pool's total earning stake afterwards
    event EmergencyWithdrawn(address indexed user, uint256 amount, uint256 forfeitedRewards, uint256 totalSupply);

    /// @notice The admin recovered stray tokens.
    /// @param token the token
    /// @param to who received them
    /// @param amount the amount
    event Recovered(address indexed token, address indexed to, uint256 amount);

    /// @notice The stake limits changed.
    /// @param maxStakePerAccount largest earning stake of one account (0 = none)
    /// @param poolCap largest total earning stake (0 = none)
    event StakeLimitsUpdated(uint256 maxStakePerAccount, uint256 poolCap);

    /// @notice The reward limits changed.
    /// @param maxRewardRate largest reward rate (0 = none)
    /// @param totalRewardCap most reward tokens ever notified (0 = none)
    event RewardLimitsUpdated(uint256 maxRewardRate, uint256 totalRewardCap);

    /// @notice The length of future reward periods changed.
    /// @param rewardsDuration the new length, in seconds
    event RewardsDurationUpdated(uint256 rewardsDuration);

    /// @notice The pool was paused by `account`.
    /// @param account the admin
    event Paused(address account);

    /// @notice The pool was unpaused by `account`.
    /// @param account the admin
    event Unpaused(address account);

    // ------------------------------------------------------------------ errors

    /// @notice An address that must be set is zero.
    error ZeroAddress();
    /// @notice A duration is zero where it must not be, or longer than the pool supports.
    /// @param duration the rejected value
    error InvalidDuration(uint256 duration);
    /// @notice A limit is larger than the pool can store (2^128 - 1).
    /// @param value the rejected value
    error ValueTooLarge(uint256 value);
    /// @notice The amount is zero.
    error ZeroAmount();
    /// @notice The pool is paused.
    error EnforcedPause();
    /// @notice The pool is not paused.
    error ExpectedPause();
    /// @notice The stake is still locked.
    /// @param lockEnd when it unlocks
    error StakeLocked(uint256 lockEnd);
    /// @notice More was asked for than is available.
    /// @param requested the amount asked for
    /// @param available the amount available
    error InsufficientBalance(uint256 requested, uint256 available);
    /// @notice requestUnstake on a pool without a cooldown.
    error CooldownNotEnabled();
    /// @notice The cooldown has not ended.
    /// @param unlockTime when it ends
    error CooldownActive(uint256 unlockTime);
    /// @notice The stake would exceed the per-account limit.
    /// @param balance the balance it would reach
    /// @param maxStakePerAccount the limit
    error MaxStakePerAccountExceeded(uint256 balance, uint256 maxStakePerAccount);
    /// @notice The stake would exceed the pool cap.
    /// @param totalSupply the total it would reach
    /// @param poolCap the cap
    error PoolCapExceeded(uint256 totalSupply, uint256 poolCap);
    /// @notice The reward rate would exceed the maximum.
    /// @param rewardRate the rate it would reach
    /// @param maxRewardRate the maximum
    error RewardRateTooHigh(uint256 rewardRate, uint256 maxRewardRate);
    /// @notice The rewards notified would exceed the total reward cap.
    /// @param totalNotified the total it would reach
    /// @param totalRewardCap the cap
    error RewardCapExceeded(uint256 totalNotified, uint256 totalRewardCap);
    /// @notice The reward is too small to give a non-zero rate over the period (or, for a
    /// re-emission without new funding, nothing is queued or left to emit).
    error RewardRateZero();
    /// @notice The reward period has not finished.
    /// @param periodFinish when it finishes
    error RewardPeriodActive(uint256 periodFinish);
    /// @notice The recovery would take tokens the pool owes.
    /// @param requested the amount asked for
    /// @param available the amount that is not owed
    error InsufficientRecoverable(uint256 requested, uint256 available);

    // ------------------------------------------------------------------ staker actions

    /// @notice Deposits `amount` of the staking token (approve first); restarts the lock.
    /// @param amount the amount to stake
    function stake(uint256 amount) external;

    /// @notice Deposits `amount` with an EIP-2612 permit, in one transaction.
    /// @param amount the amount to stake (and the permit's value)
    /// @param deadline the permit's deadline
    /// @param v the signature's v
    /// @param r the signature's r
    /// @param s the signature's s
    function stakeWithPermit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external;

    /// @notice Starts the cooldown of `amount` (it stops earning at once). Cooldown pools only.
    /// @param amount the amount to move out of earning
    function requestUnstake(uint256 amount) external;

    /// @notice Pays out `amount` of principal: without a cooldown, from the earning stake once
    /// the lock has ended; with a cooldown, from the cooled-down stake once the cooldown ended.
    /// @param amount the amount to withdraw
    function withdraw(uint256 amount) external;

    /// @notice Claims the pending rewards (paid at once, or started vesting in vesting pools).
    function getReward() external;

    /// @notice Withdraws everything withdrawable (the whole stake, or the cooled-down stake)
    /// and claims the rewards.
    function exit() external;

    /// @notice Pays out the vested part of the caller's claimed rewards.
    function releaseVested() external;

    /// @notice While paused: pays out all the caller's principal, ignoring lock and cooldown,
    /// and forfeits their pending rewards into the next reward period.
    function emergencyWithdraw() external;

    // ------------------------------------------------------------------ admin actions

    /// @notice Pulls `reward` from the caller and (re)starts a reward period
    /// (REWARDS_DISTRIBUTOR_ROLE). Only `reward` counts against the total reward cap; with
    /// `reward == 0` the queued rewards and the unemitted rest are re-emitted, at 1 unit per
    /// second over a shorter period if they are less than `rewardsDuration` units.
    /// @param reward the reward tokens to add
    function notifyRewardAmount(uint256 reward) external;

    /// @notice Sets the stake limits (DEFAULT_ADMIN_ROLE); 0 = none.
    /// @param maxStakePerAccount largest earning stake of one account
    /// @param poolCap largest total earning stake
    function setStakeLimits(uint256 maxStakePerAccount, uint256 poolCap) external;

    /// @notice Sets the reward limits (DEFAULT_ADMIN_ROLE); 0 = none.
    /// @param maxRewardRate largest reward rate, tokens per second
    /// @param totalRewardCap most reward tokens ever notified
    function setRewardLimits(uint256 maxRewardRate, uint256 totalRewardCap) external;

    /// @notice Sets the length of future reward periods, once the current one has finished
    /// (DEFAULT_ADMIN_ROLE).
    /// @param rewardsDuration_ the new length, in seconds
    function setRewardsDuration(uint256 rewardsDuration_) external;

    /// @notice Pauses new stakes and claims (DEFAULT_ADMIN_ROLE).
    function pause() external;

    /// @notice Unpauses (DEFAULT_ADMIN_ROLE).
    function unpause() external;

    /// @notice Sends stray tokens to the caller (DEFAULT_ADMIN_ROLE); never principal, owed,
    /// vesting or still-to-be-emitted rewards.
    /// @param token the token
    /// @param amount the amount
    function recoverERC20(address token, uint256 amount) external;

    // ------------------------------------------------------------------ views

    /// @notice The token stakers deposit.
    /// @return the staking token
    function stakingToken() external view returns (IERC20);

    /// @notice The token rewards are paid in.
    /// @return the rewards token
    function rewardsToken() external view returns (IERC20);

    /// @notice The total earning stake.
    /// @return the total
    function totalSupply() external view returns (uint256);

    /// @notice The earning stake of `account` (cooling-down stake excluded).
    /// @param account the staker
    /// @return the stake
    function balanceOf(address account) external view returns (uint256);

    /// @notice The current reward rate, tokens per second.
    /// @return the rate
    function rewardRate() external view returns (uint256);

    /// @notice The end of the current reward period.
    /// @return the timestamp
    function periodFinish() external view returns (uint256);

    /// @notice The length of a reward period, in seconds.
    /// @return the length
    function rewardsDuration() external view returns (uint256);

    /// @notice When the accumulator was last updated.
    /// @return the timestamp
    function lastUpdateTime() external view returns (uint256);

    /// @notice The accumulator as last stored, in reward units per staked unit scaled by 1e36
    /// (not Synthetix's 1e18).
    /// @return the stored reward per token
    function rewardPerTokenStored() external view returns (uint256);

    /// @notice The accumulator value `account` was last settled at (scaled by 1e36).
    /// @param account the staker
    /// @return the reward per token paid
    function userRewardPerTokenPaid(address account) external view returns (uint256);

    /// @notice The rewards settled to `account` but not claimed (see `earned` for the live figure).
    /// @param account the staker
    /// @return the settled rewards
    function rewards(address account) external view returns (uint256);

    /// @notice min(now, periodFinish).
    /// @return the timestamp up to which rewards accrue
    function lastTimeRewardApplicable() external view returns (uint256);

    /// @notice The live accumulator, in reward units per staked unit scaled by 1e36 (not
    /// Synthetix's 1e18): `earned = balance * (rewardPerToken - paid) / 1e36`.
    /// @return the reward per token
    function rewardPerToken() external view returns (uint256);

    /// @notice The rewards `account` could claim now.
    /// @param account the staker
    /// @return the pending rewards
    function earned(address account) external view returns (uint256);

    /// @notice rewardRate * rewardsDuration.
    /// @return the rewards of a whole period at the current rate
    function getRewardForDuration() external view returns (uint256);

    /// @notice The lock from the last stake, in seconds.
    /// @return the minimum stake period
    function minStakePeriod() external view returns (uint256);

    /// @notice The unstake cooldown, in seconds (0 = none).
    /// @return the cooldown
    function cooldown() external view returns (uint256);

    /// @notice The vesting of claimed rewards, in seconds (0 = none).
    /// @return the vesting duration
    function vestingDuration() external view returns (uint256);

    /// @notice The stake limits (0 = none).
    /// @return maxStakePerAccount largest earning stake of one account
    /// @return poolCap largest total earning stake
    function stakeLimits() external view returns (uint256 maxStakePerAccount, uint256 poolCap);

    /// @notice The reward limits (0 = none).
    /// @return maxRewardRate largest reward rate
    /// @return totalRewardCap most reward tokens ever notified
    function rewardLimits() external view returns (uint256 maxRewardRate, uint256 totalRewardCap);

    /// @notice Reward tokens ever pulled by notifyRewardAmount.
    /// @return the total
    function totalNotified() external view returns (uint256);

    /// @notice Rewards waiting to be added to the next reward period.
    /// @return the amount
    function queuedRewards() external view returns (uint256);

    /// @notice Reward tokens the pool is accountable for (owed, vesting, still to be emitted,
    /// queued, rounding dust): never recoverable.
    /// @return the amount
    function rewardReserve() external view returns (uint256);

    /// @notice The total cooling-down stake.
    /// @return the amount
    function totalCooling() external view returns (uint256);

    /// @notice Whether the pool is paused.
    /// @return true if paused
    function paused() external view returns (bool);

    /// @notice When `account`'s stake unlocks (0 if it never staked in a pool with a lock).
    /// @param account the staker
    /// @return the timestamp
    function lockEndOf(address account) external view returns (uint256);

    /// @notice `account`'s cooling-down stake and when it becomes withdrawable.
    /// @param account the staker
    /// @return amount the cooling-down stake
    /// @return unlockTime when it can be withdrawn
    function cooldownOf(address account) external view returns (uint256 amount, uint256 unlockTime);

    /// @notice `account`'s vesting schedule: `amount` unreleased, vesting linearly from
    /// `start` to `end`.
    /// @param account the staker
    /// @return amount the unreleased amount
    /// @return start the start of the linear vesting of `amount`
    /// @return end when it is fully vested
    function vestingOf(address account) external view returns (uint256 amount, uint256 start, uint256 end);

    /// @notice The vested rewards `account` can release now.
    /// @param account the staker
    /// @return the amount
    function vestedOf(address account) external view returns (uint256);

    /// @notice The claimed rewards of `account` still vesting.
    /// @param account the staker
    /// @return the amount
    function unvestedOf(address account) external view returns (uint256);
}
