// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {TestBase, Vm} from "../utils/Vm.sol";
import {MockERC20} from "../../contracts/test/MockERC20.sol";
import {StakingPool} from "../../contracts/staking/StakingPool.sol";
import {PoolConfig} from "../../contracts/interfaces/IStakingPoolInit.sol";

/// @notice Drives a StakingPool with random actions of three stakers and the distributor, and
/// keeps ghost totals of what was notified and paid.
contract StakingPoolHandler {
    Vm internal constant vm = Vm(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);
    StakingPool public immutable pool;
    MockERC20 public immutable stakeToken;
    MockERC20 public immutable rewardToken;
    bool public immutable sameToken;
    uint256 public immutable maxStake;
    uint256 public immutable maxReward;
    address[3] internal actors = [address(0xA1), address(0xA2), address(0xA3)];

    uint256 public ghostNotified;
    uint256 public ghostRewardsPaid;
    uint256 public ghostPrincipalIn;
    uint256 public ghostPrincipalOut;
    uint256 public calls;

    constructor(StakingPool pool_, MockERC20 stakeToken_, MockERC20 rewardToken_, uint256 maxStake_, uint256 maxReward_) {
        pool = pool_;
        maxStake = maxStake_;
        maxReward = maxReward_;
        stakeToken = stakeToken_;
        rewardToken = rewardToken_;
        sameToken = address(stakeToken_) == address(rewardToken_);
        rewardToken_.approve(address(pool_), type(uint256).max);
    }

    function actorCount() external pure returns (uint256) {
        return 3;
    }

    function actor(uint256 i) external view returns (address) {
        return actors[i];
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % 3];
    }

    function _bound(uint256 x, uint256 lo, uint256 hi) internal pure returns (uint256) {
        return lo + (x % (hi - lo + 1));
    }

    /// @dev reward tokens received by `who` during `call`, principal (if the same token) removed
    function _rewardDelta(address who, uint256 before, uint256 principal) internal view returns (uint256) {
        uint256 received = rewardToken.balanceOf(who) - before;
        return sameToken ? received - principal : received;
    }

    function stake(uint256 seed, uint256 amount) external {
        calls++;
        if (pool.paused()) return;
        address who = _actor(seed);
        amount = _bound(amount, 1, maxStake);
        stakeToken.mint(who, amount);
        vm.startPrank(who);
        stakeToken.approve(address(pool), amount);
        pool.stake(amount);
        vm.stopPrank();
        ghostPrincipalIn += amount;
    }

    function requestUnstake(uint256 seed, uint256 amount) external {
        calls++;
        if (pool.cooldown() == 0) return;
        address who = _actor(seed);
        uint256 balance = pool.balanceOf(who);
        if (balance == 0 || block.timestamp < pool.lockEndOf(who)) return;
        amount = _bound(amount, 1, balance);
        vm.prank(who);
        pool.requestUnstake(amount);
    }

    function withdraw(uint256 seed, uint256 amount) external {
        calls++;
        address who = _actor(seed);
        uint256 available;
        if (pool.cooldown() == 0) {
            if (block.timestamp < pool.lockEndOf(who)) return;
            available = pool.balanceOf(who);
        } else {
            (uint256 cooling, uint256 unlock) = pool.cooldownOf(who);
            if (block.timestamp < unlock) return;
            available = cooling;
        }
        if (available == 0) return;
        amount = _bound(amount, 1, available);
        vm.prank(who);
        pool.withdraw(amount);
        ghostPrincipalOut += amount;
    }

    function getReward(uint256 seed) external {
        calls++;
        if (pool.paused()) return;
        address who = _actor(seed);
        uint256 before = rewardToken.balanceOf(who);
        vm.prank(who);
        pool.getReward();
        ghostRewardsPaid += _rewardDelta(who, before, 0);
    }

    function exit(uint256 seed) external {
        calls++;
        if (pool.paused()) return;
        address who = _actor(seed);
        uint256 principal;
        if (pool.cooldown() == 0) {
            if (block.timestamp < pool.lockEndOf(who)) return;
            principal = pool.balanceOf(who);
        } else {
            (uint256 cooling, uint256 unlock) = pool.cooldownOf(who);
            if (block.timestamp < unlock) return;
            principal = cooling;
        }
        if (principal == 0) return;
        uint256 before = rewardToken.balanceOf(who);
        vm.prank(who);
        pool.exit();
        ghostRewardsPaid += _rewardDelta(who, before, principal);
        ghostPrincipalOut += principal;
    }

    function releaseVested(uint256 seed) external {
        calls++;
        if (pool.paused()) return;
        address who = _actor(seed);
        uint256 before = rewardToken.balanceOf(who);
        vm.prank(who);
        pool.releaseVested();
        ghostRewardsPaid += _rewardDelta(who, before, 0);
    }

    function notify(uint256 amount) external {
        calls++;
        uint256 duration = pool.rewardsDuration();
        amount = _bound(amount, duration, maxReward);
        rewardToken.mint(address(this), amount);
        pool.notifyRewardAmount(amount);
        ghostNotified += amount;
    }

    /// @dev re-emits what is queued (carry-over, forfeits, remainders, accumulator backstop)
    /// without new funding; a queue below one unit per second runs over a shorter period
    function notifyQueued() external {
        calls++;
        if (pool.queuedRewards() == 0) return;
        pool.notifyRewardAmount(0);
    }

    function warp(uint256 dt) external {
        calls++;
        vm.warp(block.timestamp + _bound(dt, 0, 3 days));
    }

    /// @dev pauses (if needed), withdraws in an emergency, unpauses again
    function emergencyWithdraw(uint256 seed) external {
        calls++;
        address who = _actor(seed);
        (uint256 cooling, ) = pool.cooldownOf(who);
        uint256 principal = pool.balanceOf(who) + cooling;
        if (principal == 0) return;
        bool wasPaused = pool.paused();
        if (!wasPaused) pool.pause();
        vm.prank(who);
        pool.emergencyWithdraw();
        if (!wasPaused) pool.unpause();
        ghostPrincipalOut += principal;
    }
}

/// @notice Invariants of a StakingPool under random actions.
abstract contract StakingPoolInvariantBase is TestBase {
    StakingPool internal pool;
    StakingPoolHandler internal handler;
    MockERC20 internal stakeToken;
    MockERC20 internal rewardToken;

    function _deploy(bool sameToken, uint64 minStakePeriod, uint64 cooldown, uint64 vestingDuration) internal {
        _deploy(sameToken, 18, 1e27, 1e27, minStakePeriod, cooldown, vestingDuration);
    }

    function _deploy(
        bool sameToken,
        uint8 rewardDecimals,
        uint256 maxStake,
        uint256 maxReward,
        uint64 minStakePeriod,
        uint64 cooldown,
        uint64 vestingDuration
    ) internal {
        vm.warp(1_700_000_000);
        stakeToken = new MockERC20("Stake", "STK", 18);
        rewardToken = sameToken ? stakeToken : new MockERC20("Reward", "RWD", rewardDecimals);
        pool = StakingPool(Clones.clone(address(new StakingPool())));
        handler = new StakingPoolHandler(pool, stakeToken, rewardToken, maxStake, maxReward);
        pool.initialize(
            PoolConfig({
                stakingToken: address(stakeToken),
                rewardsToken: address(rewardToken),
                admin: address(handler),
                rewardsDuration: 5 days,
                minStakePeriod: minStakePeriod,
                cooldown: cooldown,
                vestingDuration: vestingDuration,
                maxStakePerAccount: 0,
                poolCap: 0,
                maxRewardRate: 0,
                totalRewardCap: 0
            })
        );
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// @dev balances sum to totalSupply; cooling amounts sum to totalCooling
    function invariant_balancesSumToTotalSupply() public view {
        uint256 sum;
        uint256 cooling;
        for (uint256 i; i < handler.actorCount(); ++i) {
            address who = handler.actor(i);
            sum += pool.balanceOf(who);
            (uint256 c, ) = pool.cooldownOf(who);
            cooling += c;
        }
        assertEq(sum, pool.totalSupply(), "sum of balances");
        assertEq(cooling, pool.totalCooling(), "sum of cooling");
        assertEq(handler.ghostPrincipalIn() - handler.ghostPrincipalOut(), sum + cooling, "principal in - out");
    }

    /// @dev the tokens held cover principal plus everything owed, vesting, queued and still to
    /// be emitted (the reserve), and the reserve covers all of those
    function invariant_rewardsCovered() public view {
        uint256 owed;
        uint256 vesting;
        for (uint256 i; i < handler.actorCount(); ++i) {
            address who = handler.actor(i);
            owed += pool.earned(who);
            (uint256 v, , ) = pool.vestingOf(who);
            vesting += v;
        }
        uint256 applicable = pool.lastTimeRewardApplicable();
        uint256 toEmit = (pool.periodFinish() - applicable) * pool.rewardRate();
        // emitted since the last checkpoint with nothing staked: queued at the next checkpoint
        uint256 pendingCarry = pool.totalSupply() == 0 ? (applicable - pool.lastUpdateTime()) * pool.rewardRate() : 0;
        uint256 reserve = pool.rewardReserve();
        assertGe(reserve, owed + vesting + toEmit + pool.queuedRewards() + pendingCarry, "reserve covers liabilities");

        uint256 principal = pool.totalSupply() + pool.totalCooling();
        if (address(stakeToken) == address(rewardToken)) {
            assertGe(stakeToken.balanceOf(address(pool)), principal + reserve, "same token held");
        } else {
            assertGe(stakeToken.balanceOf(address(pool)), principal, "principal held");
            assertGe(rewardToken.balanceOf(address(pool)), reserve, "reserve held");
        }
    }

    /// @dev Rounding dust (the reserve beyond every liability) is bounded: each handler call
    /// checkpoints at most once (< 1 unit left unattributed: whole units go to the queue) and
    /// settles at most one account (floors < 1 unit); reading `earned` floors < 1 unit per
    /// account, and the live accumulator (not yet checkpointed) may leave up to
    /// `totalSupply / 1e36` whole units the next checkpoint would queue.
    function invariant_roundingDustBounded() public view {
        uint256 liabilities;
        for (uint256 i; i < handler.actorCount(); ++i) {
            address who = handler.actor(i);
            (uint256 v, , ) = pool.vestingOf(who);
            liabilities += pool.earned(who) + v;
        }
        uint256 applicable = pool.lastTimeRewardApplicable();
        liabilities += (pool.periodFinish() - applicable) * pool.rewardRate() + pool.queuedRewards();
        if (pool.totalSupply() == 0) liabilities += (applicable - pool.lastUpdateTime()) * pool.rewardRate();
        uint256 dust = pool.rewardReserve() - liabilities;
        assertLe(dust, 2 * handler.calls() + handler.actorCount() + pool.totalSupply() / 1e36 + 1, "dust bounded");
    }

    /// @dev nobody is paid more than was notified; paid + reserve = notified exactly
    function invariant_paidAtMostNotified() public view {
        assertLe(handler.ghostRewardsPaid(), handler.ghostNotified(), "paid <= notified");
        assertEq(handler.ghostRewardsPaid() + pool.rewardReserve(), handler.ghostNotified(), "paid + reserve = notified");
        assertEq(pool.totalNotified(), handler.ghostNotified(), "totalNotified");
    }
}

/// @notice A pool with a lock, a cooldown and vesting, separate tokens.
/// forge-config: default.invariant.runs = 48
/// forge-config: default.invariant.depth = 40
/// forge-config: default.invariant.fail-on-revert = true
contract StakingPoolInvariantCooldownTest is StakingPoolInvariantBase {
    function setUp() public {
        _deploy(false, 1 days, 2 days, 4 days);
    }
}

/// @notice A pool paying a 6-decimal stablecoin (up to 1e9 units per notify) over large
/// 18-decimal stakes (up to 1e36 units per stake, so the supply crosses 1e36 and the
/// accumulator's backstop queue is exercised), with a lock and a cooldown.
/// forge-config: default.invariant.runs = 48
/// forge-config: default.invariant.depth = 40
/// forge-config: default.invariant.fail-on-revert = true
contract StakingPoolInvariantSixDecimalsTest is StakingPoolInvariantBase {
    function setUp() public {
        _deploy(false, 6, 1e36, 1e15, 1 days, 2 days, 0);
    }
}

/// @notice A plain pool that stakes and pays the same token.
/// forge-config: default.invariant.runs = 48
/// forge-config: default.invariant.depth = 40
/// forge-config: default.invariant.fail-on-revert = true
contract StakingPoolInvariantSameTokenTest is StakingPoolInvariantBase {
    function setUp() public {
        _deploy(true, 0, 0, 0);
    }
}
