// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {TestBase} from "../utils/Vm.sol";
import {MockERC20} from "../../contracts/test/MockERC20.sol";
import {StakingPool} from "../../contracts/staking/StakingPool.sol";
import {PoolConfig} from "../../contracts/interfaces/IStakingPoolInit.sol";

/// @notice Fuzz tests of the StakingPool's accrual, rate and vesting arithmetic.
contract StakingPoolFuzzTest is TestBase {
    uint256 internal constant DURATION = 7 days;
    uint256 internal constant MAX_AMOUNT = 1e30;

    StakingPool internal implementation;
    MockERC20 internal stakeToken;
    MockERC20 internal rewardToken;
    MockERC20 internal usdc;
    address internal alice = address(0xA11CE);
    address internal bob = address(0xB0B);

    function setUp() public {
        vm.warp(1_700_000_000);
        implementation = new StakingPool();
        stakeToken = new MockERC20("Stake", "STK", 18);
        rewardToken = new MockERC20("Reward", "RWD", 18);
        usdc = new MockERC20("USD Coin", "USDC", 6);
    }

    function _pool(uint256 vestingDuration) internal returns (StakingPool pool) {
        return _pool(vestingDuration, rewardToken);
    }

    function _pool(uint256 vestingDuration, MockERC20 rewards) internal returns (StakingPool pool) {
        pool = StakingPool(Clones.clone(address(implementation)));
        pool.initialize(
            PoolConfig({
                stakingToken: address(stakeToken),
                rewardsToken: address(rewards),
                admin: address(this),
                rewardsDuration: uint64(DURATION),
                minStakePeriod: 0,
                cooldown: 0,
                vestingDuration: uint64(vestingDuration),
                maxStakePerAccount: 0,
                poolCap: 0,
                maxRewardRate: 0,
                totalRewardCap: 0
            })
        );
        rewards.approve(address(pool), type(uint256).max);
    }

    function _stake(StakingPool pool, address who, uint256 amount) internal {
        stakeToken.mint(who, amount);
        vm.startPrank(who);
        stakeToken.approve(address(pool), amount);
        pool.stake(amount);
        vm.stopPrank();
    }

    function _notify(StakingPool pool, uint256 reward) internal {
        rewardToken.mint(address(this), reward);
        pool.notifyRewardAmount(reward);
    }

    /// @dev Two stakers never earn more than was emitted, and lose at most rounding dust.
    function testFuzz_twoStakersEarnAtMostEmitted(uint256 a, uint256 b, uint256 reward, uint256 dt1, uint256 dt2) public {
        a = bound(a, 1, MAX_AMOUNT);
        b = bound(b, 1, MAX_AMOUNT);
        reward = bound(reward, DURATION, MAX_AMOUNT);
        dt1 = bound(dt1, 0, 2 * DURATION);
        dt2 = bound(dt2, 0, 2 * DURATION);
        StakingPool pool = _pool(0);
        _stake(pool, alice, a);
        _notify(pool, reward);
        uint256 start = block.timestamp;
        vm.warp(block.timestamp + dt1);
        _stake(pool, bob, b);
        vm.warp(block.timestamp + dt2);

        uint256 elapsed = dt1 + dt2 > DURATION ? DURATION : dt1 + dt2;
        uint256 emitted = pool.rewardRate() * elapsed;
        uint256 sum = pool.earned(alice) + pool.earned(bob);
        assertLe(sum, emitted, "earned <= emitted");
        // each accumulator step floors less than 1 unit per 1e36 staked units (1e36 fixed
        // point), each account floors less than 1 unit
        uint256 dust = (2 * (a + b)) / 1e36 + 3;
        assertLe(emitted - sum, dust, "rounding bounded");
        assertEq(pool.lastTimeRewardApplicable(), start + elapsed, "applicable");

        // and everything earned can be paid from what the pool holds
        vm.prank(alice);
        pool.getReward();
        vm.prank(bob);
        pool.getReward();
        assertEq(rewardToken.balanceOf(alice) + rewardToken.balanceOf(bob), sum, "paid = earned");
        assertGe(rewardToken.balanceOf(address(pool)), pool.rewardReserve(), "reserve held");
    }

    /// @dev Audit M-1, fuzzed: a 6-decimal reward over a large 18-decimal stake, checkpointed
    /// often by a non-staker, is earned by the staker but for < 1 unit per checkpoint; above
    /// 1e36 staked units the whole units the accumulator cannot attribute are queued.
    function testFuzz_sixDecimalRewardsLargeSupply(uint256 supply, uint256 reward, uint256 checkpoints, uint256 interval) public {
        // log-uniform: every order of magnitude from 1e24 (1e6 tokens) to 2^128 - 1 alike
        uint256 magnitude = 10 ** bound(supply % 1000, 24, 38);
        uint256 top = magnitude * 10 > type(uint128).max ? type(uint128).max : magnitude * 10;
        supply = bound(supply / 1000, magnitude, top);
        reward = bound(reward, DURATION, 1e15); // up to 1e9 USDC
        checkpoints = bound(checkpoints, 1, 40);
        interval = bound(interval, 1, 1 days);
        StakingPool pool = _pool(0, usdc);
        _stake(pool, alice, supply);
        usdc.mint(address(this), reward);
        pool.notifyRewardAmount(reward);
        uint256 queuedAtStart = pool.queuedRewards();
        uint256 start = block.timestamp;
        for (uint256 i; i < checkpoints; ++i) {
            vm.warp(block.timestamp + interval);
            vm.prank(bob);
            pool.getReward();
        }
        uint256 elapsed = block.timestamp - start > DURATION ? DURATION : block.timestamp - start;
        uint256 emitted = pool.rewardRate() * elapsed;
        uint256 backstop = pool.queuedRewards() - queuedAtStart;
        uint256 earned = pool.earned(alice);
        assertLe(earned + backstop, emitted, "earned + queued <= emitted");
        // < 1 unit per checkpoint, < 1 for alice's settlement
        assertLe(emitted - earned - backstop, checkpoints + 1, "dust <= 1 unit per checkpoint");
        if (supply <= 1e36) assertEq(backstop, 0, "no backstop below 1e36");
        vm.prank(alice);
        pool.getReward();
        assertEq(usdc.balanceOf(alice), earned, "paid");
        assertEq(usdc.balanceOf(address(pool)), pool.rewardReserve(), "reserve held");
        assertEq(pool.rewardReserve() + earned, reward, "paid + reserve = notified");
    }

    /// @dev A single staker's earnings follow rate * time exactly when the division is exact.
    function testFuzz_singleStakerExact(uint256 rateSeed, uint256 dt) public {
        uint256 rate = bound(rateSeed, 1, 1e18);
        dt = bound(dt, 0, 3 * DURATION);
        StakingPool pool = _pool(0);
        _stake(pool, alice, 1e18);
        _notify(pool, rate * DURATION);
        vm.warp(block.timestamp + dt);
        uint256 elapsed = dt > DURATION ? DURATION : dt;
        assertEq(pool.earned(alice), rate * elapsed, "earned = rate * elapsed");
        assertEq(pool.queuedRewards(), 0, "no remainder");
    }

    /// @dev notifyRewardAmount keeps every token: rate * duration + queued = reward + carried
    /// (+ unemitted rest); rewards emitted with nothing staked are queued, not lost.
    function testFuzz_notifyConservesRewards(uint256 reward, uint256 topUp, uint256 dt) public {
        reward = bound(reward, DURATION, MAX_AMOUNT);
        topUp = bound(topUp, 0, MAX_AMOUNT);
        dt = bound(dt, 0, 2 * DURATION);
        StakingPool pool = _pool(0);
        _notify(pool, reward);
        assertEq(pool.rewardRate() * DURATION + pool.queuedRewards(), reward, "first period");
        vm.warp(block.timestamp + dt);
        _notify(pool, topUp);
        // nothing was staked: what was emitted so far was queued and is carried, the unemitted
        // rest is added, so the new period holds every token ever notified
        assertEq(pool.rewardRate() * DURATION + pool.queuedRewards(), reward + topUp, "conserved");
        assertEq(pool.rewardReserve(), reward + topUp, "reserve");
        assertEq(pool.totalNotified(), reward + topUp, "notified");
    }

    /// @dev Vesting: released + unvested = claimed at every time, linear to the wei bound.
    function testFuzz_vestingLinear(uint256 reward, uint256 t1, uint256 t2) public {
        reward = bound(reward, DURATION, MAX_AMOUNT);
        uint256 vesting = 10 days;
        t1 = bound(t1, 0, 2 * vesting);
        t2 = bound(t2, 0, 2 * vesting);
        StakingPool pool = _pool(vesting);
        _stake(pool, alice, 1e18);
        _notify(pool, reward);
        vm.warp(block.timestamp + DURATION);
        vm.prank(alice);
        pool.getReward();
        (uint256 claimed, uint256 start, uint256 end) = pool.vestingOf(alice);
        assertEq(end - start, vesting, "schedule");
        vm.warp(block.timestamp + t1);
        uint256 vested = pool.vestedOf(alice);
        uint256 elapsed = t1 > vesting ? vesting : t1;
        assertEq(vested, (claimed * elapsed) / vesting, "linear");
        assertEq(vested + pool.unvestedOf(alice), claimed, "split");
        vm.prank(alice);
        pool.releaseVested();
        vm.warp(block.timestamp + t2);
        vm.prank(alice);
        pool.releaseVested();
        uint256 released = rewardToken.balanceOf(alice);
        uint256 total = t1 + t2 > vesting ? vesting : t1 + t2;
        // continuing the line from a partial release loses at most 1 wei per release
        assertLe(released, (claimed * total) / vesting + 1, "not ahead of the line");
        assertGe(released + 2, (claimed * total) / vesting, "not behind the line");
        assertEq(released + pool.unvestedOf(alice) + pool.vestedOf(alice), claimed, "conserved");
    }
}
