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
    address internal alice = address(0xA11CE);
    address internal bob = address(0xB0B);

    function setUp() public {
        vm.warp(1_700_000_000);
        implementation = new StakingPool();
        stakeToken = new MockERC20("Stake", "STK", 18);
        rewardToken = new MockERC20("Reward", "RWD", 18);
    }

    function _pool(uint256 vestingDuration) internal returns (StakingPool pool) {
        pool = StakingPool(Clones.clone(address(implementation)));
        pool.initialize(
            PoolConfig({
                stakingToken: address(stakeToken),
                rewardsToken: address(rewardToken),
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
        rewardToken.approve(address(pool), type(uint256).max);
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
        // each accumulator step floors at most 1 per 1e18 staked units, each account floors 1 wei
        uint256 dust = (2 * (a + b)) / 1e18 + 3;
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
