// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {ExactTransfer} from "../utils/ExactTransfer.sol";
import {IStakingPoolInit, PoolConfig} from "../interfaces/IStakingPoolInit.sol";
import {IStakingPool} from "../interfaces/IStakingPool.sol";

/**
 * @title StakingPool
 * @notice Stake a token, earn a reward token streamed per second. The accounting is the
 * reward-per-token accumulator of Synthetix `StakingRewards` (its function names are kept),
 * so every account's accrual is exact and O(1). On top of it: a minimum stake period, an
 * optional unstake cooldown, per-account and pool caps, reward funding pulled from the
 * distributor and bounded by a maximum rate and a total cap, carry-over of rewards that
 * accrue while nothing is staked, optional linear vesting of claimed rewards, pause with
 * emergency withdrawal, and recovery of stray tokens only.
 *
 * Deployed as an EIP-1167 clone (by the CampaignFactory) and set up with {initialize}; the
 * implementation itself can never be initialised.
 *
 * Reward accounting: `rewardReserve` counts every reward token the pool is accountable for.
 * It grows by what {notifyRewardAmount} pulls and shrinks only by what is transferred to
 * stakers (claims and vesting releases). Rewards emitted while `totalSupply == 0`, rewards
 * forfeited by {emergencyWithdraw}, the remainder of `reward / rewardsDuration` and whole units
 * the accumulator cannot attribute (supply above 1e36) go to `queuedRewards`, which the next
 * {notifyRewardAmount} adds to the new period. The accumulator is 1e36 fixed point (Synthetix
 * uses 1e18), so what stays behind as rounding dust is under one unit per checkpoint plus
 * under one unit per account settlement, whatever the tokens' decimals. None of the reserve is
 * ever recoverable.
 *
 * Storage is packed so that a plain stake, withdraw or claim touches as few slots as possible;
 * amounts are stored in 128 bits (total notified rewards are bounded by 2^128 - 1, stakes by
 * the token's supply), timestamps in 40 bits, durations are at most 2^32 - 1 seconds.
 */
contract StakingPool is IStakingPool, IStakingPoolInit, Initializable, AccessControlUpgradeable, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    /// @notice Role allowed to call {notifyRewardAmount}.
    bytes32 public constant REWARDS_DISTRIBUTOR_ROLE = keccak256("REWARDS_DISTRIBUTOR_ROLE");

    /// @notice Longest duration (rewards period, lock, cooldown, vesting) a pool accepts, in seconds.
    uint256 public constant MAX_DURATION = type(uint32).max;

    /// @dev Fixed point of the reward-per-token accumulator: 1e36, not Synthetix's 1e18, so a
    /// checkpoint floors less than `supply / 1e36` reward units (under one unit for any supply
    /// below 1e36 base units), even for 6-decimal rewards over large 18-decimal stakes.
    ///
    /// Overflow: every reward amount is bounded by `rewardReserve < 2^128` (so is what one
    /// period emits, `rewardRate * duration`), and 1e36 < 2^120. A checkpoint adds
    /// `emitted * 1e36 / supply ≤ emitted * 1e36 < 2^248`, so `rewardPerTokenStored` stays below
    /// `1e36 * (rewards ever emitted to stakers)`, i.e. below 2^248 per 2^128 units emitted
    /// (forfeited rewards re-emitted count again; 2^8 full cycles of 2^128 units would be needed
    /// to reach 2^256, and checked arithmetic would revert rather than wrap). An account's accrual
    /// `balance * (rpt - paid)` is at most `Σ emitted_i * 1e36` over the checkpoints since it was
    /// last settled, because its balance did not change in that interval and `supply_i ≥ balance`
    /// at each of them, so it is bounded like `rewardPerTokenStored`. The live `rewardPerToken`
    /// multiplies `elapsed * rewardRate ≤ rewardRate * duration < 2^128` by 1e36: < 2^248.
    uint256 private constant PRECISION = 1e36;

    /// @dev staking configuration and the pause flag (one slot: read by every staker action)
    struct StakeConfig {
        IERC20 stakingToken;
        uint40 minStakePeriod;
        uint40 cooldown;
        bool paused;
    }

    /// @dev reward configuration (one slot)
    struct RewardConfig {
        IERC20 rewardsToken;
        uint40 rewardsDuration;
        uint40 vestingDuration;
    }

    /// @dev stake limits, 0 = none (one slot, read by stake)
    struct StakeLimits {
        uint128 maxStakePerAccount;
        uint128 poolCap;
    }

    /// @dev reward limits, 0 = none (one slot, read by notifyRewardAmount)
    struct RewardLimits {
        uint128 maxRewardRate;
        uint128 totalRewardCap;
    }

    /// @dev rewards waiting for the next period, and all rewards ever notified (one slot)
    struct RewardLedger {
        uint128 queuedRewards;
        uint128 totalNotified;
    }

    /// @dev the accumulator's clock and rate
    struct RewardState {
        uint40 periodFinish;
        uint40 lastUpdateTime;
        uint128 rewardRate;
    }

    /// @dev totals read together on every accrual
    struct Totals {
        uint128 totalSupply;
        uint128 rewardReserve;
    }

    /// @dev per-account earning stake and settled rewards
    struct Account {
        uint128 balance;
        uint128 rewards;
    }

    /// @dev per-account lock and cooldown
    struct Unstaking {
        uint40 lockEnd;
        uint40 coolingUnlock;
        uint128 coolingAmount;
    }

    /// @dev per-account vesting: `amount` vests linearly from `start` to `end`
    struct Vesting {
        uint128 amount;
        uint40 start;
        uint40 end;
    }

    RewardState private _rewardState;
    uint256 private _rewardPerTokenStored;
    Totals private _totals;
    StakeConfig private _stakeConfig;
    RewardConfig private _rewardConfig;
    StakeLimits private _stakeLimits;
    RewardLimits private _rewardLimits;
    RewardLedger private _ledger;
    uint128 private _totalCooling;

    mapping(address account => Account) private _accounts;
    mapping(address account => uint256) private _userRewardPerTokenPaid;
    mapping(address account => Unstaking) private _unstaking;
    mapping(address account => Vesting) private _vesting;

    modifier whenNotPaused() {
        if (_stakeConfig.paused) revert EnforcedPause();
        _;
    }

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @inheritdoc IStakingPoolInit
    function initialize(PoolConfig calldata config) external initializer {
        if (config.stakingToken == address(0) || config.rewardsToken == address(0) || config.admin == address(0)) {
            revert ZeroAddress();
        }
        if (config.rewardsDuration == 0) revert InvalidDuration(0);
        _checkDuration(config.rewardsDuration);
        _checkDuration(config.minStakePeriod);
        _checkDuration(config.cooldown);
        _checkDuration(config.vestingDuration);

        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, config.admin);
        _grantRole(REWARDS_DISTRIBUTOR_ROLE, config.admin);

        _stakeConfig = StakeConfig({
            stakingToken: IERC20(config.stakingToken),
            minStakePeriod: uint40(config.minStakePeriod),
            cooldown: uint40(config.cooldown),
            paused: false
        });
        _rewardConfig = RewardConfig({
            rewardsToken: IERC20(config.rewardsToken),
            rewardsDuration: uint40(config.rewardsDuration),
            vestingDuration: uint40(config.vestingDuration)
        });
        emit PoolInitialized(
            config.stakingToken,
            config.rewardsToken,
            config.admin,
            config.rewardsDuration,
            config.minStakePeriod,
            config.cooldown,
            config.vestingDuration
        );
        _setStakeLimits(config.maxStakePerAccount, config.poolCap);
        _setRewardLimits(config.maxRewardRate, config.totalRewardCap);
    }

    // =================================================================== staker actions

    /// @inheritdoc IStakingPool
    function stake(uint256 amount) external nonReentrant whenNotPaused {
        _stake(amount);
    }

    /// @inheritdoc IStakingPool
    function stakeWithPermit(
        uint256 amount,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external nonReentrant whenNotPaused {
        // A permit that was front-run (already used) must not block the stake: ignore its
        // failure; the transfer below fails anyway if the allowance is missing.
        try IERC20Permit(address(_stakeConfig.stakingToken)).permit(msg.sender, address(this), amount, deadline, v, r, s) {} catch {} // solhint-disable-line no-empty-blocks
        _stake(amount);
    }

    /// @inheritdoc IStakingPool
    function requestUnstake(uint256 amount) external nonReentrant {
        uint256 cooldownSeconds = _stakeConfig.cooldown;
        if (cooldownSeconds == 0) revert CooldownNotEnabled();
        if (amount == 0) revert ZeroAmount();
        Totals memory t = _totals;
        Account memory a = _accrue(msg.sender, _checkpoint(t.totalSupply));
        Unstaking memory u = _unstaking[msg.sender];
        _checkLock(u.lockEnd);
        if (amount > a.balance) revert InsufficientBalance(amount, a.balance);
        unchecked {
            a.balance -= uint128(amount);
            t.totalSupply -= uint128(amount);
        }
        u.coolingAmount += uint128(amount);
        u.coolingUnlock = uint40(block.timestamp + cooldownSeconds);
        _totalCooling += uint128(amount);
        _accounts[msg.sender] = a;
        _totals = t;
        _unstaking[msg.sender] = u;
        emit UnstakeRequested(msg.sender, amount, a.balance, u.coolingAmount, u.coolingUnlock, t.totalSupply);
    }

    /// @inheritdoc IStakingPool
    function withdraw(uint256 amount) external nonReentrant {
        if (_stakeConfig.cooldown == 0) {
            _withdrawDirect(amount, false);
        } else {
            _takeCooled(amount);
            _stakeConfig.stakingToken.safeTransfer(msg.sender, amount);
        }
    }

    /// @inheritdoc IStakingPool
    function getReward() external nonReentrant whenNotPaused {
        Totals memory t = _totals;
        Account memory a = _accrue(msg.sender, _checkpoint(t.totalSupply));
        _payReward(a, t);
    }

    /// @inheritdoc IStakingPool
    function exit() external nonReentrant whenNotPaused {
        if (_stakeConfig.cooldown == 0) {
            _withdrawDirect(_accounts[msg.sender].balance, true);
        } else {
            uint256 amount = _unstaking[msg.sender].coolingAmount;
            _takeCooled(amount);
            Totals memory t = _totals;
            Account memory a = _accrue(msg.sender, _checkpoint(t.totalSupply));
            _payReward(a, t);
            _stakeConfig.stakingToken.safeTransfer(msg.sender, amount);
        }
    }

    /// @inheritdoc IStakingPool
    function releaseVested() external nonReentrant whenNotPaused {
        Vesting memory vest = _vesting[msg.sender];
        uint256 released = _releasable(vest);
        if (released == 0) return;
        vest.amount -= uint128(released);
        vest.start = uint40(block.timestamp);
        _vesting[msg.sender] = vest;
        _totals.rewardReserve -= uint128(released);
        emit VestingReleased(msg.sender, released, vest.amount);
        _rewardConfig.rewardsToken.safeTransfer(msg.sender, released);
    }

    /// @inheritdoc IStakingPool
    function emergencyWithdraw() external nonReentrant {
        if (!_stakeConfig.paused) revert ExpectedPause();
        Totals memory t = _totals;
        Account memory a = _accrue(msg.sender, _checkpoint(t.totalSupply));
        Unstaking memory u = _unstaking[msg.sender];
        uint256 principal = uint256(a.balance) + u.coolingAmount;
        if (principal == 0) revert ZeroAmount();
        uint128 forfeited = a.rewards;
        t.totalSupply -= a.balance;
        _totalCooling -= u.coolingAmount;
        _ledger.queuedRewards += forfeited;
        u.coolingAmount = 0;
        _accounts[msg.sender] = Account(0, 0);
        _unstaking[msg.sender] = u;
        _totals = t;
        emit EmergencyWithdrawn(msg.sender, principal, forfeited, t.totalSupply);
        _stakeConfig.stakingToken.safeTransfer(msg.sender, principal);
    }

    // =================================================================== admin actions

    /// @inheritdoc IStakingPool
    function notifyRewardAmount(uint256 reward) external nonReentrant onlyRole(REWARDS_DISTRIBUTOR_ROLE) {
        RewardConfig memory cfg = _rewardConfig;
        RewardLimits memory limits = _rewardLimits;
        Totals memory t = _totals;
        _checkpoint(t.totalSupply); // may queue rewards emitted with nothing staked: read the ledger after it
        RewardLedger memory ledger = _ledger;

        // Only new funding counts against the cap: queued rewards were counted when first
        // notified, so notifyRewardAmount(0) can re-emit them even after the cap was lowered.
        if (reward != 0) {
            uint256 notified = uint256(ledger.totalNotified) + reward;
            if (limits.totalRewardCap != 0 && notified > limits.totalRewardCap) {
                revert RewardCapExceeded(notified, limits.totalRewardCap);
            }
            ledger.totalNotified = notified.toUint128();
            t.rewardReserve = (uint256(t.rewardReserve) + reward).toUint128();
            ExactTransfer.pullExact(cfg.rewardsToken, msg.sender, reward);
        }

        RewardState memory rs = _rewardState;
        uint256 carried = ledger.queuedRewards;
        uint256 total = reward + carried;
        if (block.timestamp < rs.periodFinish) {
            total += (rs.periodFinish - block.timestamp) * rs.rewardRate;
        }
        uint256 duration = cfg.rewardsDuration;
        uint256 rate = total / duration;
        if (rate == 0) {
            // A re-emission of less than one unit per second of the period (only queued
            // rewards and the unemitted rest, no new funding) runs at 1 unit per second over a
            // shorter period instead, so small queues are never stuck. New funding that small
            // is refused (most likely a decimals mistake).
            if (reward != 0 || total == 0) revert RewardRateZero();
            rate = 1;
            duration = total;
        }
        if (limits.maxRewardRate != 0 && rate > limits.maxRewardRate) revert RewardRateTooHigh(rate, limits.maxRewardRate);

        // the division remainder is not lost: it waits for the next period
        ledger.queuedRewards = uint128(total - rate * duration);
        _ledger = ledger;
        _totals = t;
        rs.rewardRate = uint128(rate);
        rs.lastUpdateTime = uint40(block.timestamp);
        rs.periodFinish = uint40(block.timestamp + duration);
        _rewardState = rs;
        emit RewardAdded(reward, carried, rate, rs.periodFinish);
    }

    /// @inheritdoc IStakingPool
    function setStakeLimits(uint256 maxStakePerAccount, uint256 poolCap) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setStakeLimits(maxStakePerAccount, poolCap);
    }

    /// @inheritdoc IStakingPool
    function setRewardLimits(uint256 maxRewardRate, uint256 totalRewardCap) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setRewardLimits(maxRewardRate, totalRewardCap);
    }

    /// @inheritdoc IStakingPool
    function setRewardsDuration(uint256 rewardsDuration_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        uint256 finish = _rewardState.periodFinish;
        if (block.timestamp < finish) revert RewardPeriodActive(finish);
        if (rewardsDuration_ == 0) revert InvalidDuration(0);
        _checkDuration(rewardsDuration_);
        _rewardConfig.rewardsDuration = uint40(rewardsDuration_);
        emit RewardsDurationUpdated(rewardsDuration_);
    }

    /// @inheritdoc IStakingPool
    function pause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (_stakeConfig.paused) revert EnforcedPause();
        _stakeConfig.paused = true;
        emit Paused(msg.sender);
    }

    /// @inheritdoc IStakingPool
    function unpause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (!_stakeConfig.paused) revert ExpectedPause();
        _stakeConfig.paused = false;
        emit Unpaused(msg.sender);
    }

    /// @inheritdoc IStakingPool
    function recoverERC20(address token, uint256 amount) external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        uint256 owed;
        if (token == address(_stakeConfig.stakingToken)) owed = uint256(_totals.totalSupply) + _totalCooling;
        if (token == address(_rewardConfig.rewardsToken)) owed += _totals.rewardReserve;
        uint256 held = IERC20(token).balanceOf(address(this));
        uint256 available = held > owed ? held - owed : 0;
        if (amount > available) revert InsufficientRecoverable(amount, available);
        emit Recovered(token, msg.sender, amount);
        IERC20(token).safeTransfer(msg.sender, amount);
    }

    // =================================================================== views

    /// @inheritdoc IStakingPool
    function stakingToken() external view returns (IERC20) {
        return _stakeConfig.stakingToken;
    }

    /// @inheritdoc IStakingPool
    function rewardsToken() external view returns (IERC20) {
        return _rewardConfig.rewardsToken;
    }

    /// @inheritdoc IStakingPool
    function totalSupply() external view returns (uint256) {
        return _totals.totalSupply;
    }

    /// @inheritdoc IStakingPool
    function balanceOf(address account) external view returns (uint256) {
        return _accounts[account].balance;
    }

    /// @inheritdoc IStakingPool
    function rewardRate() external view returns (uint256) {
        return _rewardState.rewardRate;
    }

    /// @inheritdoc IStakingPool
    function periodFinish() external view returns (uint256) {
        return _rewardState.periodFinish;
    }

    /// @inheritdoc IStakingPool
    function rewardsDuration() external view returns (uint256) {
        return _rewardConfig.rewardsDuration;
    }

    /// @inheritdoc IStakingPool
    function lastUpdateTime() external view returns (uint256) {
        return _rewardState.lastUpdateTime;
    }

    /// @inheritdoc IStakingPool
    function rewardPerTokenStored() external view returns (uint256) {
        return _rewardPerTokenStored;
    }

    /// @inheritdoc IStakingPool
    function userRewardPerTokenPaid(address account) external view returns (uint256) {
        return _userRewardPerTokenPaid[account];
    }

    /// @inheritdoc IStakingPool
    function rewards(address account) external view returns (uint256) {
        return _accounts[account].rewards;
    }

    /// @inheritdoc IStakingPool
    function lastTimeRewardApplicable() public view returns (uint256) {
        uint256 finish = _rewardState.periodFinish;
        return block.timestamp < finish ? block.timestamp : finish;
    }

    /// @inheritdoc IStakingPool
    function rewardPerToken() public view returns (uint256) {
        uint256 supply = _totals.totalSupply;
        if (supply == 0) return _rewardPerTokenStored;
        RewardState memory rs = _rewardState;
        return _rewardPerTokenStored + ((lastTimeRewardApplicable() - rs.lastUpdateTime) * rs.rewardRate * PRECISION) / supply;
    }

    /// @inheritdoc IStakingPool
    function earned(address account) external view returns (uint256) {
        Account memory a = _accounts[account];
        return a.rewards + (uint256(a.balance) * (rewardPerToken() - _userRewardPerTokenPaid[account])) / PRECISION;
    }

    /// @inheritdoc IStakingPool
    function getRewardForDuration() external view returns (uint256) {
        return uint256(_rewardState.rewardRate) * _rewardConfig.rewardsDuration;
    }

    /// @inheritdoc IStakingPool
    function minStakePeriod() external view returns (uint256) {
        return _stakeConfig.minStakePeriod;
    }

    /// @inheritdoc IStakingPool
    function cooldown() external view returns (uint256) {
        return _stakeConfig.cooldown;
    }

    /// @inheritdoc IStakingPool
    function vestingDuration() external view returns (uint256) {
        return _rewardConfig.vestingDuration;
    }

    /// @inheritdoc IStakingPool
    function stakeLimits() external view returns (uint256 maxStakePerAccount, uint256 poolCap) {
        return (_stakeLimits.maxStakePerAccount, _stakeLimits.poolCap);
    }

    /// @inheritdoc IStakingPool
    function rewardLimits() external view returns (uint256 maxRewardRate, uint256 totalRewardCap) {
        return (_rewardLimits.maxRewardRate, _rewardLimits.totalRewardCap);
    }

    /// @inheritdoc IStakingPool
    function totalNotified() external view returns (uint256) {
        return _ledger.totalNotified;
    }

    /// @inheritdoc IStakingPool
    function queuedRewards() external view returns (uint256) {
        return _ledger.queuedRewards;
    }

    /// @inheritdoc IStakingPool
    function rewardReserve() external view returns (uint256) {
        return _totals.rewardReserve;
    }

    /// @inheritdoc IStakingPool
    function totalCooling() external view returns (uint256) {
        return _totalCooling;
    }

    /// @inheritdoc IStakingPool
    function paused() external view returns (bool) {
        return _stakeConfig.paused;
    }

    /// @inheritdoc IStakingPool
    function lockEndOf(address account) external view returns (uint256) {
        return _unstaking[account].lockEnd;
    }

    /// @inheritdoc IStakingPool
    function cooldownOf(address account) external view returns (uint256 amount, uint256 unlockTime) {
        Unstaking memory u = _unstaking[account];
        return (u.coolingAmount, u.coolingUnlock);
    }

    /// @inheritdoc IStakingPool
    function vestingOf(address account) external view returns (uint256 amount, uint256 start, uint256 end) {
        Vesting memory vest = _vesting[account];
        return (vest.amount, vest.start, vest.end);
    }

    /// @inheritdoc IStakingPool
    function vestedOf(address account) external view returns (uint256) {
        return _releasable(_vesting[account]);
    }

    /// @inheritdoc IStakingPool
    function unvestedOf(address account) external view returns (uint256) {
        Vesting memory vest = _vesting[account];
        return vest.amount - _releasable(vest);
    }

    // =================================================================== internals

    /// @dev Brings the accumulator up to now. Rewards emitted while nothing is staked are
    /// queued for the next period. Returns the current reward per token.
    function _checkpoint(uint256 supply) private returns (uint256 rpt) {
        RewardState memory rs = _rewardState;
        rpt = _rewardPerTokenStored;
        uint256 applicable = block.timestamp < rs.periodFinish ? block.timestamp : rs.periodFinish;
        if (applicable == rs.lastUpdateTime) return rpt;
        uint256 emitted = (applicable - rs.lastUpdateTime) * rs.rewardRate;
        if (supply == 0) {
            uint128 queued = _ledger.queuedRewards + uint128(emitted);
            _ledger.queuedRewards = queued;
            emit RewardsCarriedOver(emitted, queued);
        } else {
            uint256 scaled = emitted * PRECISION;
            rpt += scaled / supply;
            _rewardPerTokenStored = rpt;
            // Backstop: the floor leaves `scaled % supply` (< supply, in 1e36ths of a unit)
            // unattributed. Whole units of it, possible only when supply > 1e36, are queued
            // for the next period rather than stranded in the reserve (no extra work or
            // storage write below that supply); the fraction of a unit stays as dust.
            if (supply > PRECISION) {
                uint256 dust = (scaled % supply) / PRECISION;
                if (dust != 0) {
                    uint128 queued = _ledger.queuedRewards + uint128(dust);
                    _ledger.queuedRewards = queued;
                    emit RewardsCarriedOver(dust, queued);
                }
            }
        }
        rs.lastUpdateTime = uint40(applicable);
        _rewardState = rs;
    }

    /// @dev Settles `account`'s rewards up to `rpt` (storage of the paid index updated, the
    /// returned Account is NOT written back: the caller writes it once).
    function _accrue(address account, uint256 rpt) private returns (Account memory a) {
        a = _accounts[account];
        uint256 paid = _userRewardPerTokenPaid[account];
        if (paid != rpt) {
            if (a.balance != 0) a.rewards = (a.rewards + (uint256(a.balance) * (rpt - paid)) / PRECISION).toUint128();
            _userRewardPerTokenPaid[account] = rpt;
        }
    }

    function _stake(uint256 amount) private {
        if (amount == 0) revert ZeroAmount();
        Totals memory t = _totals;
        Account memory a = _accrue(msg.sender, _checkpoint(t.totalSupply));
        uint256 newBalance = uint256(a.balance) + amount;
        uint256 newTotal = uint256(t.totalSupply) + amount;
        uint256 maxPerAccount = _stakeLimits.maxStakePerAccount;
        uint256 cap = _stakeLimits.poolCap;
        if (maxPerAccount != 0 && newBalance > maxPerAccount) revert MaxStakePerAccountExceeded(newBalance, maxPerAccount);
        if (cap != 0 && newTotal > cap) revert PoolCapExceeded(newTotal, cap);
        a.balance = newBalance.toUint128();
        t.totalSupply = newTotal.toUint128();
        _accounts[msg.sender] = a;
        _totals = t;
        IERC20 token = _stakeConfig.stakingToken;
        uint256 lock = _stakeConfig.minStakePeriod;
        if (lock != 0) _unstaking[msg.sender].lockEnd = uint40(block.timestamp + lock);
        emit Staked(msg.sender, amount, newBalance, newTotal);
        ExactTransfer.pullExact(token, msg.sender, amount);
    }

    /// @dev Pays `amount` of earning stake (no-cooldown pools), optionally with the rewards.
    function _withdrawDirect(uint256 amount, bool claim) private {
        Totals memory t = _totals;
        Account memory a = _accrue(msg.sender, _checkpoint(t.totalSupply));
        if (_stakeConfig.minStakePeriod != 0) _checkLock(_unstaking[msg.sender].lockEnd);
        if (amount == 0) revert ZeroAmount();
        if (amount > a.balance) revert InsufficientBalance(amount, a.balance);
        unchecked {
            a.balance -= uint128(amount);
            t.totalSupply -= uint128(amount);
        }
        emit Withdrawn(msg.sender, amount, a.balance, 0, t.totalSupply);
        if (claim) {
            _payReward(a, t);
        } else {
            _accounts[msg.sender] = a;
            _totals = t;
        }
        _stakeConfig.stakingToken.safeTransfer(msg.sender, amount);
    }

    /// @dev Takes `amount` out of the caller's cooled-down stake (cooldown pools); the caller
    /// transfers it after all other effects.
    function _takeCooled(uint256 amount) private {
        Unstaking memory u = _unstaking[msg.sender];
        if (amount == 0) revert ZeroAmount();
        if (block.timestamp < u.coolingUnlock) revert CooldownActive(u.coolingUnlock);
        if (amount > u.coolingAmount) revert InsufficientBalance(amount, u.coolingAmount);
        unchecked {
            u.coolingAmount -= uint128(amount);
        }
        _unstaking[msg.sender] = u;
        _totalCooling -= uint128(amount);
        emit Withdrawn(msg.sender, amount, _accounts[msg.sender].balance, u.coolingAmount, _totals.totalSupply);
    }

    /// @dev Writes `a` (with its rewards claimed) and `t` back, then pays the reward or starts
    /// its vesting.
    function _payReward(Account memory a, Totals memory t) private {
        uint256 reward = a.rewards;
        if (reward == 0) {
            _accounts[msg.sender] = a;
            _totals = t;
            return;
        }
        a.rewards = 0;
        _accounts[msg.sender] = a;
        uint256 vestingSeconds = _rewardConfig.vestingDuration;
        if (vestingSeconds == 0) {
            t.rewardReserve -= uint128(reward);
            _totals = t;
            emit RewardPaid(msg.sender, reward);
            _rewardConfig.rewardsToken.safeTransfer(msg.sender, reward);
            return;
        }
        // Vesting: what already vested is paid now; the rest plus the new reward vests
        // linearly from now over the whole vesting duration.
        Vesting memory vest = _vesting[msg.sender];
        uint256 released = _releasable(vest);
        vest.amount = (vest.amount - released + reward).toUint128();
        vest.start = uint40(block.timestamp);
        vest.end = uint40(block.timestamp + vestingSeconds);
        _vesting[msg.sender] = vest;
        emit RewardVesting(msg.sender, reward, vest.amount, vest.end);
        if (released != 0) {
            t.rewardReserve -= uint128(released);
            _totals = t;
            emit VestingReleased(msg.sender, released, vest.amount);
            _rewardConfig.rewardsToken.safeTransfer(msg.sender, released);
        } else {
            _totals = t;
        }
    }

    function _releasable(Vesting memory vest) private view returns (uint256) {
        if (block.timestamp < vest.end) {
            // start < end here: start is only ever set to a time before end
            return (uint256(vest.amount) * (block.timestamp - vest.start)) / (vest.end - vest.start);
        }
        return vest.amount;
    }

    function _checkLock(uint256 lockEnd) private view {
        if (block.timestamp < lockEnd) revert StakeLocked(lockEnd);
    }

    function _checkDuration(uint256 duration) private pure {
        if (duration > MAX_DURATION) revert InvalidDuration(duration);
    }

    function _setStakeLimits(uint256 maxStakePerAccount, uint256 poolCap) private {
        _stakeLimits.maxStakePerAccount = _limit(maxStakePerAccount);
        _stakeLimits.poolCap = _limit(poolCap);
        emit StakeLimitsUpdated(maxStakePerAccount, poolCap);
    }

    function _setRewardLimits(uint256 maxRewardRate, uint256 totalRewardCap) private {
        _rewardLimits.maxRewardRate = _limit(maxRewardRate);
        _rewardLimits.totalRewardCap = _limit(totalRewardCap);
        emit RewardLimitsUpdated(maxRewardRate, totalRewardCap);
    }

    function _limit(uint256 value) private pure returns (uint128) {
        if (value > type(uint128).max) revert ValueTooLarge(value);
        return uint128(value);
    }
}
