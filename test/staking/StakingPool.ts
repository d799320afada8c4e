import { expect } from "chai";
import { anyUint } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";
import { network } from "hardhat";
import { DAY, E18, WEEK, deployClone, poolConfig, signPermit, type PoolOptions } from "./helpers.js";

const { ethers, networkHelpers } = await network.create();
const { time, loadFixture } = networkHelpers;

const MAX_UINT128 = (1n << 128n) - 1n;
const MAX_DURATION = (1n << 32n) - 1n;
const DISTRIBUTOR = ethers.id("REWARDS_DISTRIBUTOR_ROLE");
const ADMIN_ROLE = ethers.ZeroHash;

async function baseFixture() {
  const [admin, alice, bob, carol, stranger] = await ethers.getSigners();
  const implementation = await ethers.deployContract("StakingPool");
  const stakeToken = await ethers.deployContract("MockERC20", ["Stake", "STK", 18]);
  const rewardToken = await ethers.deployContract("MockERC20", ["Reward", "RWD", 18]);
  for (const who of [admin, alice, bob, carol, stranger]) {
    await stakeToken.mint(who.address, 1_000_000n * E18);
    await rewardToken.mint(who.address, 1_000_000n * E18);
  }
  const newPool = async (options: Partial<PoolOptions> = {}) => {
    const pool = await deployClone(ethers, admin, await implementation.getAddress());
    await pool.initialize(
      poolConfig({
        stakingToken: await stakeToken.getAddress(),
        rewardsToken: await rewardToken.getAddress(),
        admin: admin.address,
        ...options,
      }),
    );
    const address = await pool.getAddress();
    for (const who of [admin, alice, bob, carol, stranger]) {
      await stakeToken.connect(who).approve(address, ethers.MaxUint256);
      await rewardToken.connect(who).approve(address, ethers.MaxUint256);
    }
    return pool;
  };
  return { admin, alice, bob, carol, stranger, implementation, stakeToken, rewardToken, newPool };
}

async function plainFixture() {
  const base = await baseFixture();
  return { ...base, pool: await base.newPool() };
}

async function lockFixture() {
  const base = await baseFixture();
  return { ...base, pool: await base.newPool({ minStakePeriod: DAY }) };
}

async function cooldownFixture() {
  const base = await baseFixture();
  return { ...base, pool: await base.newPool({ minStakePeriod: DAY, cooldown: 2n * DAY }) };
}

async function vestingFixture() {
  const base = await baseFixture();
  return { ...base, pool: await base.newPool({ vestingDuration: 10n * DAY }) };
}

async function blockTime(tx: { wait(): Promise<{ blockNumber: number } | null> }): Promise<bigint> {
  const receipt = await tx.wait();
  const block = await ethers.provider.getBlock(receipt!.blockNumber);
  return BigInt(block!.timestamp);
}

describe("StakingPool", function () {
  describe("initialize", function () {
    it("the implementation cannot be initialised", async function () {
      const { implementation, stakeToken, rewardToken, admin } = await loadFixture(baseFixture);
      await expect(
        implementation.initialize(
          poolConfig({ stakingToken: await stakeToken.getAddress(), rewardsToken: await rewardToken.getAddress(), admin: admin.address }),
        ),
      ).to.be.revertedWithCustomError(implementation, "InvalidInitialization");
    });

    it("sets up a clone, grants the roles and emits the configuration", async function () {
      const { implementation, stakeToken, rewardToken, admin, alice } = await loadFixture(baseFixture);
      const pool = await deployClone(ethers, admin, await implementation.getAddress());
      const config = poolConfig({
        stakingToken: await stakeToken.getAddress(),
        rewardsToken: await rewardToken.getAddress(),
        admin: alice.address,
        rewardsDuration: 3n * DAY,
        minStakePeriod: 11n,
        cooldown: 22n,
        vestingDuration: 33n,
        maxStakePerAccount: 44n,
        poolCap: 55n,
        maxRewardRate: 66n,
        totalRewardCap: 77n,
      });
      const tx = pool.initialize(config);
      await expect(tx)
        .to.emit(pool, "PoolInitialized")
        .withArgs(config.stakingToken, config.rewardsToken, alice.address, 3n * DAY, 11n, 22n, 33n);
      await expect(tx).to.emit(pool, "StakeLimitsUpdated").withArgs(44n, 55n);
      await expect(tx).to.emit(pool, "RewardLimitsUpdated").withArgs(66n, 77n);
      expect(await pool.stakingToken()).to.equal(config.stakingToken);
      expect(await pool.rewardsToken()).to.equal(config.rewardsToken);
      expect(await pool.rewardsDuration()).to.equal(3n * DAY);
      expect(await pool.minStakePeriod()).to.equal(11n);
      expect(await pool.cooldown()).to.equal(22n);
      expect(await pool.vestingDuration()).to.equal(33n);
      expect(await pool.stakeLimits()).to.deep.equal([44n, 55n]);
      expect(await pool.rewardLimits()).to.deep.equal([66n, 77n]);
      expect(await pool.hasRole(ADMIN_ROLE, alice.address)).to.equal(true);
      expect(await pool.hasRole(DISTRIBUTOR, alice.address)).to.equal(true);
      expect(await pool.hasRole(ADMIN_ROLE, admin.address)).to.equal(false);
      expect(await pool.REWARDS_DISTRIBUTOR_ROLE()).to.equal(DISTRIBUTOR);
      expect(await pool.MAX_DURATION()).to.equal(MAX_DURATION);
      expect(await pool.paused()).to.equal(false);
      await expect(pool.initialize(config)).to.be.revertedWithCustomError(pool, "InvalidInitialization");
    });

    it("rejects zero addresses, bad durations and limits that do not fit", async function () {
      const { implementation, stakeToken, rewardToken, admin } = await loadFixture(baseFixture);
      const pool = await deployClone(ethers, admin, await implementation.getAddress());
      const good = { stakingToken: await stakeToken.getAddress(), rewardsToken: await rewardToken.getAddress(), admin: admin.address };
      const bad = (over: Partial<PoolOptions>) => pool.initialize(poolConfig({ ...good, ...over }));
      await expect(bad({ stakingToken: ethers.ZeroAddress })).to.be.revertedWithCustomError(pool, "ZeroAddress");
      await expect(bad({ rewardsToken: ethers.ZeroAddress })).to.be.revertedWithCustomError(pool, "ZeroAddress");
      await expect(bad({ admin: ethers.ZeroAddress })).to.be.revertedWithCustomError(pool, "ZeroAddress");
      await expect(bad({ rewardsDuration: 0n })).to.be.revertedWithCustomError(pool, "InvalidDuration").withArgs(0n);
      for (const field of ["rewardsDuration", "minStakePeriod", "cooldown", "vestingDuration"] as const) {
        await expect(bad({ [field]: MAX_DURATION + 1n })).to.be.revertedWithCustomError(pool, "InvalidDuration").withArgs(MAX_DURATION + 1n);
      }
      for (const field of ["maxStakePerAccount", "poolCap", "maxRewardRate", "totalRewardCap"] as const) {
        await expect(bad({ [field]: MAX_UINT128 + 1n })).to.be.revertedWithCustomError(pool, "ValueTooLarge").withArgs(MAX_UINT128 + 1n);
      }
      // the largest accepted values
      await expect(
        bad({ rewardsDuration: MAX_DURATION, minStakePeriod: MAX_DURATION, cooldown: MAX_DURATION, vestingDuration: MAX_DURATION, poolCap: MAX_UINT128 }),
      ).to.emit(pool, "PoolInitialized");
    });
  });

  describe("stake", function () {
    it("takes the tokens, updates balances and emits Staked", async function () {
      const { pool, alice, bob, stakeToken } = await loadFixture(plainFixture);
      await expect(pool.connect(alice).stake(100n)).to.emit(pool, "Staked").withArgs(alice.address, 100n, 100n, 100n);
      await expect(pool.connect(bob).stake(50n)).to.changeTokenBalances(ethers, stakeToken, [bob, pool], [-50n, 50n]);
      await expect(pool.connect(alice).stake(10n)).to.emit(pool, "Staked").withArgs(alice.address, 10n, 110n, 160n);
      expect(await pool.balanceOf(alice.address)).to.equal(110n);
      expect(await pool.balanceOf(bob.address)).to.equal(50n);
      expect(await pool.totalSupply()).to.equal(160n);
      expect(await pool.lockEndOf(alice.address)).to.equal(0n); // no lock in this pool
    });

    it("rejects zero and needs an allowance", async function () {
      const { pool, alice, stakeToken } = await loadFixture(plainFixture);
      await expect(pool.connect(alice).stake(0n)).to.be.revertedWithCustomError(pool, "ZeroAmount");
      await stakeToken.connect(alice).approve(await pool.getAddress(), 0n);
      await expect(pool.connect(alice).stake(1n)).to.be.revertedWithCustomError(stakeToken, "ERC20InsufficientAllowance");
    });

    it("sets the lock from the last stake", async function () {
      const { pool, alice } = await loadFixture(lockFixture);
      const t1 = await blockTime(await pool.connect(alice).stake(100n));
      expect(await pool.lockEndOf(alice.address)).to.equal(t1 + DAY);
      await time.increase(1000);
      const t2 = await blockTime(await pool.connect(alice).stake(1n));
      expect(await pool.lockEndOf(alice.address)).to.equal(t2 + DAY);
    });

    it("enforces the per-account limit and the pool cap, inclusive", async function () {
      const { newPool, admin, alice, bob } = await loadFixture(baseFixture);
      const pool = await newPool({ maxStakePerAccount: 100n, poolCap: 150n });
      await expect(pool.connect(alice).stake(101n))
        .to.be.revertedWithCustomError(pool, "MaxStakePerAccountExceeded")
        .withArgs(101n, 100n);
      await pool.connect(alice).stake(100n); // exactly the limit
      await expect(pool.connect(bob).stake(51n)).to.be.revertedWithCustomError(pool, "PoolCapExceeded").withArgs(151n, 150n);
      await pool.connect(bob).stake(50n); // exactly the cap
      // limits can be changed (and removed) by the admin
      await expect(pool.connect(alice).setStakeLimits(0n, 0n))
        .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
        .withArgs(alice.address, ADMIN_ROLE);
      await expect(pool.connect(admin).setStakeLimits(MAX_UINT128 + 1n, 0n))
        .to.be.revertedWithCustomError(pool, "ValueTooLarge")
        .withArgs(MAX_UINT128 + 1n);
      await expect(pool.connect(admin).setStakeLimits(0n, MAX_UINT128 + 1n))
        .to.be.revertedWithCustomError(pool, "ValueTooLarge")
        .withArgs(MAX_UINT128 + 1n);
      await expect(pool.connect(admin).setStakeLimits(0n, 0n)).to.emit(pool, "StakeLimitsUpdated").withArgs(0n, 0n);
      await pool.connect(alice).stake(1_000n);
      expect(await pool.totalSupply()).to.equal(1_150n);
    });

    it("refuses a fee-on-transfer staking token", async function () {
      const { newPool, alice } = await loadFixture(baseFixture);
      const fee = await ethers.deployContract("FeeOnTransferToken");
      await fee.mint(alice.address, 1_000n);
      const pool = await newPool({ stakingToken: await fee.getAddress() });
      await fee.connect(alice).approve(await pool.getAddress(), ethers.MaxUint256);
      await expect(pool.connect(alice).stake(1_000n))
        .to.be.revertedWithCustomError(pool, "UnsupportedTokenTransfer")
        .withArgs(await fee.getAddress(), 1_000n, 990n);
    });

    it("works with a USDT-like staking token that returns nothing", async function () {
      const { newPool, alice, rewardToken, admin } = await loadFixture(baseFixture);
      const usdt = await ethers.deployContract("NoReturnToken");
      await usdt.mint(alice.address, 1_000n);
      const pool = await newPool({ stakingToken: await usdt.getAddress() });
      await usdt.connect(alice).approve(await pool.getAddress(), 1_000n);
      await pool.connect(admin).notifyRewardAmount(7n * DAY * 10n);
      await pool.connect(alice).stake(1_000n);
      expect(await usdt.balanceOf(await pool.getAddress())).to.equal(1_000n);
      await time.increase(DAY);
      await pool.connect(alice).exit();
      expect(await usdt.balanceOf(alice.address)).to.equal(1_000n);
      expect(await rewardToken.balanceOf(alice.address)).to.be.greaterThan(1_000_000n * E18);
    });

    it("cannot be re-entered from the staking token", async function () {
      const { newPool, alice } = await loadFixture(baseFixture);
      const evil = await ethers.deployContract("ReentrantToken");
      await evil.mint(alice.address, 1_000n);
      const pool = await newPool({ stakingToken: await evil.getAddress() });
      await evil.connect(alice).approve(await pool.getAddress(), ethers.MaxUint256);
      await evil.arm(await pool.getAddress(), pool.interface.encodeFunctionData("stake", [1n]));
      await expect(pool.connect(alice).stake(100n)).to.be.revertedWithCustomError(pool, "ReentrancyGuardReentrantCall");
      expect(await pool.totalSupply()).to.equal(0n);
      expect(await evil.balanceOf(alice.address)).to.equal(1_000n);
    });
  });

  describe("stakeWithPermit", function () {
    it("stakes in one transaction with a permit", async function () {
      const { pool, carol, stakeToken } = await loadFixture(plainFixture);
      const address = await pool.getAddress();
      await stakeToken.connect(carol).approve(address, 0n);
      const deadline = BigInt(await time.latest()) + 3_600n;
      const sig = await signPermit(stakeToken, carol, address, 500n, deadline);
      await expect(pool.connect(carol).stakeWithPermit(500n, deadline, sig.v, sig.r, sig.s))
        .to.emit(pool, "Staked")
        .withArgs(carol.address, 500n, 500n, 500n);
      expect(await stakeToken.allowance(carol.address, address)).to.equal(0n);
    });

    it("still stakes when the permit was front-run, and fails without an allowance", async function () {
      const { pool, carol, stranger, stakeToken } = await loadFixture(plainFixture);
      const address = await pool.getAddress();
      await stakeToken.connect(carol).approve(address, 0n);
      const deadline = BigInt(await time.latest()) + 3_600n;
      const sig = await signPermit(stakeToken, carol, address, 500n, deadline);
      await stakeToken.connect(stranger).permit(carol.address, address, 500n, deadline, sig.v, sig.r, sig.s);
      await expect(pool.connect(carol).stakeWithPermit(500n, deadline, sig.v, sig.r, sig.s)).to.emit(pool, "Staked");
      // the same (used) signature and no allowance left: the transfer fails
      await expect(pool.connect(carol).stakeWithPermit(500n, deadline, sig.v, sig.r, sig.s)).to.be.revertedWithCustomError(
        stakeToken,
        "ERC20InsufficientAllowance",
      );
    });

    it("works with a token without permit when the allowance is there (the failed permit is ignored)", async function () {
      const { newPool, alice } = await loadFixture(baseFixture);
      const usdt = await ethers.deployContract("NoReturnToken");
      await usdt.mint(alice.address, 100n);
      const pool = await newPool({ stakingToken: await usdt.getAddress() });
      await usdt.connect(alice).approve(await pool.getAddress(), 100n);
      await expect(pool.connect(alice).stakeWithPermit(100n, 0n, 27, ethers.ZeroHash, ethers.ZeroHash))
        .to.emit(pool, "Staked")
        .withArgs(alice.address, 100n, 100n, 100n);
    });

    it("is blocked while paused", async function () {
      const { pool, admin, carol, stakeToken } = await loadFixture(plainFixture);
      await pool.connect(admin).pause();
      const deadline = BigInt(await time.latest()) + 3_600n;
      const sig = await signPermit(stakeToken, carol, await pool.getAddress(), 5n, deadline);
      await expect(pool.connect(carol).stakeWithPermit(5n, deadline, sig.v, sig.r, sig.s)).to.be.revertedWithCustomError(pool, "EnforcedPause");
    });
  });

  describe("rewards", function () {
    it("notifyRewardAmount pulls the reward, sets the rate and queues the remainder", async function () {
      const { pool, admin, rewardToken } = await loadFixture(plainFixture);
      const reward = 1_000n * E18;
      const rate = reward / WEEK;
      const tx = pool.connect(admin).notifyRewardAmount(reward);
      await expect(tx).to.changeTokenBalances(ethers, rewardToken, [admin, pool], [-reward, reward]);
      const t = BigInt(await time.latest());
      await expect(tx).to.emit(pool, "RewardAdded").withArgs(reward, 0n, rate, t + WEEK);
      expect(await pool.rewardRate()).to.equal(rate);
      expect(await pool.periodFinish()).to.equal(t + WEEK);
      expect(await pool.lastUpdateTime()).to.equal(t);
      expect(await pool.queuedRewards()).to.equal(reward - rate * WEEK);
      expect(await pool.totalNotified()).to.equal(reward);
      expect(await pool.rewardReserve()).to.equal(reward);
      expect(await pool.getRewardForDuration()).to.equal(rate * WEEK);
      expect(await pool.lastTimeRewardApplicable()).to.equal(t);
      await time.increaseTo(t + WEEK + 100n);
      expect(await pool.lastTimeRewardApplicable()).to.equal(t + WEEK);
    });

    it("only the distributor may notify; the role can be granted", async function () {
      const { pool, admin, alice } = await loadFixture(plainFixture);
      await expect(pool.connect(alice).notifyRewardAmount(WEEK))
        .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
        .withArgs(alice.address, DISTRIBUTOR);
      await pool.connect(admin).grantRole(DISTRIBUTOR, alice.address);
      await expect(pool.connect(alice).notifyRewardAmount(WEEK)).to.emit(pool, "RewardAdded");
    });

    it("rejects a zero rate, a rate above the maximum and rewards above the total cap (limits inclusive)", async function () {
      const { pool, admin, alice } = await loadFixture(plainFixture);
      await expect(pool.connect(admin).notifyRewardAmount(WEEK - 1n)).to.be.revertedWithCustomError(pool, "RewardRateZero");
      await expect(pool.connect(admin).notifyRewardAmount(0n)).to.be.revertedWithCustomError(pool, "RewardRateZero");
      await expect(pool.connect(alice).setRewardLimits(1n, 1n))
        .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
        .withArgs(alice.address, ADMIN_ROLE);
      await expect(pool.connect(admin).setRewardLimits(MAX_UINT128 + 1n, 0n)).to.be.revertedWithCustomError(pool, "ValueTooLarge");
      await expect(pool.connect(admin).setRewardLimits(0n, MAX_UINT128 + 1n)).to.be.revertedWithCustomError(pool, "ValueTooLarge");
      await expect(pool.connect(admin).setRewardLimits(10n, 15n * WEEK)).to.emit(pool, "RewardLimitsUpdated").withArgs(10n, 15n * WEEK);
      await expect(pool.connect(admin).notifyRewardAmount(11n * WEEK))
        .to.be.revertedWithCustomError(pool, "RewardRateTooHigh")
        .withArgs(11n, 10n);
      await pool.connect(admin).notifyRewardAmount(10n * WEEK); // exactly the max rate
      await pool.connect(admin).setRewardLimits(0n, 15n * WEEK);
      await expect(pool.connect(admin).notifyRewardAmount(5n * WEEK + 1n))
        .to.be.revertedWithCustomError(pool, "RewardCapExceeded")
        .withArgs(15n * WEEK + 1n, 15n * WEEK);
      await pool.connect(admin).notifyRewardAmount(5n * WEEK); // exactly the cap
      expect(await pool.totalNotified()).to.equal(15n * WEEK);
    });

    it("refuses a fee-on-transfer rewards token", async function () {
      const { newPool, admin } = await loadFixture(baseFixture);
      const fee = await ethers.deployContract("FeeOnTransferToken");
      await fee.mint(admin.address, 10n * E18);
      const pool = await newPool({ rewardsToken: await fee.getAddress() });
      await fee.connect(admin).approve(await pool.getAddress(), ethers.MaxUint256);
      await expect(pool.connect(admin).notifyRewardAmount(E18))
        .to.be.revertedWithCustomError(pool, "UnsupportedTokenTransfer")
        .withArgs(await fee.getAddress(), E18, (E18 * 99n) / 100n);
    });

    it("accrues exactly per second, shared by stake", async function () {
      const { pool, admin, alice, bob } = await loadFixture(plainFixture);
      const reward = WEEK * 1_000n; // rate 1000 / s, no remainder
      const t0 = BigInt(await time.latest()) + 10n;
      await time.setNextBlockTimestamp(t0);
      await pool.connect(admin).notifyRewardAmount(reward);
      await time.setNextBlockTimestamp(t0 + 100n);
      await pool.connect(alice).stake(4n * E18);
      await time.setNextBlockTimestamp(t0 + 200n);
      await pool.connect(bob).stake(1n * E18);
      // the first 100 s emitted with nothing staked are carried over
      expect(await pool.queuedRewards()).to.equal(100n * 1_000n);
      await time.increaseTo(t0 + 400n);
      // alice: 100 s alone (100,000) + 200 s at 4/5 (160,000); bob: 200 s at 1/5 (40,000)
      expect(await pool.earned(alice.address)).to.equal(260_000n);
      expect(await pool.earned(bob.address)).to.equal(40_000n);
      // 1e36 fixed point: (25,000 + 40,000) per 1e18 staked units
      expect(await pool.rewardPerToken()).to.equal((25_000n + 40_000n) * E18);
      expect(await pool.rewards(alice.address)).to.equal(0n);
      // settled on the next action
      await time.setNextBlockTimestamp(t0 + 500n);
      await pool.connect(alice).stake(1n);
      expect(await pool.rewards(alice.address)).to.equal(260_000n + 80_000n);
      expect(await pool.userRewardPerTokenPaid(alice.address)).to.equal(await pool.rewardPerTokenStored());
      expect(await pool.rewardPerTokenStored()).to.equal((25_000n + 40_000n + 20_000n) * E18);
      expect(await pool.lastUpdateTime()).to.equal(t0 + 500n);
    });

    it("carries rewards emitted while nothing is staked into the next period", async function () {
      const { pool, admin, alice } = await loadFixture(plainFixture);
      const t0 = BigInt(await time.latest()) + 10n;
      await time.setNextBlockTimestamp(t0);
      await pool.connect(admin).notifyRewardAmount(WEEK * 10n);
      await time.setNextBlockTimestamp(t0 + DAY);
      await expect(pool.connect(alice).stake(E18)).to.emit(pool, "RewardsCarriedOver").withArgs(DAY * 10n, DAY * 10n);
      await time.setNextBlockTimestamp(t0 + 2n * DAY);
      await pool.connect(alice).withdraw(E18);
      // empty again until after the end of the period: everything left is carried
      await time.increaseTo(t0 + WEEK + DAY);
      expect(await pool.rewardPerToken()).to.equal(await pool.rewardPerTokenStored());
      await expect(pool.connect(alice).stake(E18)).to.emit(pool, "RewardsCarriedOver").withArgs(5n * DAY * 10n, 6n * DAY * 10n);
      // nothing emitted after the end: no further carry-over
      await expect(pool.connect(alice).stake(E18)).not.to.emit(pool, "RewardsCarriedOver");
      const t = BigInt(await time.latest()) + 1n;
      await time.setNextBlockTimestamp(t);
      await expect(pool.connect(admin).notifyRewardAmount(WEEK * 10n))
        .to.emit(pool, "RewardAdded")
        .withArgs(WEEK * 10n, 6n * DAY * 10n, 10n + (6n * DAY * 10n) / WEEK, t + WEEK);
      expect(await pool.queuedRewards()).to.equal((6n * DAY * 10n) % WEEK);
      expect(await pool.earned(alice.address)).to.equal(DAY * 10n);
    });

    it("a top-up mid-period adds the unemitted rest", async function () {
      const { pool, admin, alice } = await loadFixture(plainFixture);
      await pool.connect(alice).stake(E18);
      const t0 = BigInt(await time.latest()) + 10n;
      await time.setNextBlockTimestamp(t0);
      await pool.connect(admin).notifyRewardAmount(WEEK * 10n);
      await time.setNextBlockTimestamp(t0 + 3n * DAY);
      const left = 4n * DAY * 10n;
      const total = left + WEEK * 5n;
      await expect(pool.connect(admin).notifyRewardAmount(WEEK * 5n))
        .to.emit(pool, "RewardAdded")
        .withArgs(WEEK * 5n, 0n, total / WEEK, t0 + 3n * DAY + WEEK);
      expect(await pool.queuedRewards()).to.equal(total % WEEK);
      expect(await pool.rewardReserve()).to.equal(WEEK * 15n);
    });

    it("at the period end exactly everything emitted is earned, and nothing after", async function () {
      const { pool, admin, alice } = await loadFixture(plainFixture);
      await pool.connect(alice).stake(E18);
      const t0 = BigInt(await time.latest()) + 1n;
      await time.setNextBlockTimestamp(t0);
      await pool.connect(admin).notifyRewardAmount(WEEK * 10n);
      await time.increaseTo(t0 + WEEK - 1n);
      expect(await pool.earned(alice.address)).to.equal((WEEK - 1n) * 10n);
      await time.increaseTo(t0 + WEEK);
      expect(await pool.earned(alice.address)).to.equal(WEEK * 10n);
      await time.increaseTo(t0 + WEEK + DAY);
      expect(await pool.earned(alice.address)).to.equal(WEEK * 10n);
    });

    it("getReward pays and emits RewardPaid; nothing to pay is a no-op", async function () {
      const { pool, admin, alice, bob, rewardToken } = await loadFixture(plainFixture);
      await pool.connect(alice).stake(E18);
      await pool.connect(admin).notifyRewardAmount(WEEK * 10n);
      await time.increase(WEEK);
      const tx = pool.connect(alice).getReward();
      await expect(tx).to.emit(pool, "RewardPaid").withArgs(alice.address, WEEK * 10n);
      await expect(tx).to.changeTokenBalances(ethers, rewardToken, [alice, pool], [WEEK * 10n, -(WEEK * 10n)]);
      expect(await pool.rewardReserve()).to.equal(0n);
      await expect(pool.connect(alice).getReward()).not.to.emit(pool, "RewardPaid");
      await expect(pool.connect(bob).getReward()).not.to.emit(pool, "RewardPaid");
    });

    it("getReward cannot be re-entered from the rewards token", async function () {
      const { newPool, admin, alice } = await loadFixture(baseFixture);
      const evil = await ethers.deployContract("ReentrantToken");
      await evil.mint(admin.address, WEEK * 100n);
      const pool = await newPool({ rewardsToken: await evil.getAddress() });
      await evil.connect(admin).approve(await pool.getAddress(), ethers.MaxUint256);
      await pool.connect(alice).stake(E18);
      await pool.connect(admin).notifyRewardAmount(WEEK * 100n);
      await time.increase(DAY);
      await evil.arm(await pool.getAddress(), pool.interface.encodeFunctionData("getReward"));
      await expect(pool.connect(alice).getReward()).to.be.revertedWithCustomError(pool, "ReentrancyGuardReentrantCall");
      expect(await evil.balanceOf(alice.address)).to.equal(0n);
      expect(await evil.balanceOf(await pool.getAddress())).to.equal(WEEK * 100n);
    });

    it("setRewardsDuration only after the period finished (at the end exactly)", async function () {
      const { pool, admin, alice } = await loadFixture(plainFixture);
      await expect(pool.connect(alice).setRewardsDuration(DAY))
        .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
        .withArgs(alice.address, ADMIN_ROLE);
      await pool.connect(admin).notifyRewardAmount(WEEK);
      const finish = await pool.periodFinish();
      await expect(pool.connect(admin).setRewardsDuration(DAY)).to.be.revertedWithCustomError(pool, "RewardPeriodActive").withArgs(finish);
      await time.setNextBlockTimestamp(finish);
      await expect(pool.connect(admin).setRewardsDuration(0n)).to.be.revertedWithCustomError(pool, "InvalidDuration").withArgs(0n);
      await expect(pool.connect(admin).setRewardsDuration(MAX_DURATION + 1n))
        .to.be.revertedWithCustomError(pool, "InvalidDuration")
        .withArgs(MAX_DURATION + 1n);
      await expect(pool.connect(admin).setRewardsDuration(DAY)).to.emit(pool, "RewardsDurationUpdated").withArgs(DAY);
      expect(await pool.rewardsDuration()).to.equal(DAY);
    });
  });

  describe("withdraw and exit (no cooldown)", function () {
    it("pays the principal back and emits Withdrawn", async function () {
      const { pool, alice, bob, stakeToken } = await loadFixture(plainFixture);
      await pool.connect(alice).stake(100n);
      await pool.connect(bob).stake(50n);
      const tx = pool.connect(alice).withdraw(40n);
      await expect(tx).to.emit(pool, "Withdrawn").withArgs(alice.address, 40n, 60n, 0n, 110n);
      await expect(tx).to.changeTokenBalances(ethers, stakeToken, [alice, pool], [40n, -40n]);
      await expect(pool.connect(alice).withdraw(0n)).to.be.revertedWithCustomError(pool, "ZeroAmount");
      await expect(pool.connect(alice).withdraw(61n)).to.be.revertedWithCustomError(pool, "InsufficientBalance").withArgs(61n, 60n);
      await pool.connect(alice).withdraw(60n);
      expect(await pool.balanceOf(alice.address)).to.equal(0n);
      expect(await pool.totalSupply()).to.equal(50n);
    });

    it("respects the lock, which ends exactly at lockEnd", async function () {
      const { pool, alice } = await loadFixture(lockFixture);
      await pool.connect(alice).stake(100n);
      const lockEnd = await pool.lockEndOf(alice.address);
      await time.setNextBlockTimestamp(lockEnd - 1n);
      await expect(pool.connect(alice).withdraw(1n)).to.be.revertedWithCustomError(pool, "StakeLocked").withArgs(lockEnd);
      await time.setNextBlockTimestamp(lockEnd);
      await expect(pool.connect(alice).withdraw(1n)).to.emit(pool, "Withdrawn");
    });

    it("exit withdraws everything and pays the rewards", async function () {
      const { pool, admin, alice, stakeToken, rewardToken } = await loadFixture(plainFixture);
      await pool.connect(alice).stake(E18);
      await pool.connect(admin).notifyRewardAmount(WEEK * 10n);
      await time.increase(WEEK);
      const tx = pool.connect(alice).exit();
      await expect(tx).to.emit(pool, "Withdrawn").withArgs(alice.address, E18, 0n, 0n, 0n);
      await expect(tx).to.emit(pool, "RewardPaid").withArgs(alice.address, WEEK * 10n);
      await expect(tx).to.changeTokenBalance(ethers, stakeToken, alice, E18);
      await expect(tx).to.changeTokenBalance(ethers, rewardToken, alice, WEEK * 10n);
      await expect(pool.connect(alice).exit()).to.be.revertedWithCustomError(pool, "ZeroAmount");
    });

    it("exit with nothing earned only withdraws", async function () {
      const { pool, alice } = await loadFixture(plainFixture);
      await pool.connect(alice).stake(E18);
      const tx = pool.connect(alice).exit();
      await expect(tx).to.emit(pool, "Withdrawn");
      await expect(tx).not.to.emit(pool, "RewardPaid");
    });

    it("withdraw cannot be re-entered from the staking token", async function () {
      const { newPool, alice } = await loadFixture(baseFixture);
      const evil = await ethers.deployContract("ReentrantToken");
      await evil.mint(alice.address, 1_000n);
      const pool = await newPool({ stakingToken: await evil.getAddress() });
      await evil.connect(alice).approve(await pool.getAddress(), ethers.MaxUint256);
      await pool.connect(alice).stake(1_000n);
      await evil.arm(await pool.getAddress(), pool.interface.encodeFunctionData("withdraw", [500n]));
      await expect(pool.connect(alice).withdraw(500n)).to.be.revertedWithCustomError(pool, "ReentrancyGuardReentrantCall");
      expect(await pool.balanceOf(alice.address)).to.equal(1_000n);
      expect(await evil.balanceOf(await pool.getAddress())).to.equal(1_000n);
    });
  });

  describe("cooldown", function () {
    it("requestUnstake is only for cooldown pools", async function () {
      const { pool, alice } = await loadFixture(plainFixture);
      await pool.connect(alice).stake(100n);
      await expect(pool.connect(alice).requestUnstake(10n)).to.be.revertedWithCustomError(pool, "CooldownNotEnabled");
    });

    it("moves stake out of earning, then pays it after the cooldown (ending exactly at unlock)", async function () {
      const { pool, admin, alice, bob, stakeToken } = await loadFixture(cooldownFixture);
      await pool.connect(alice).stake(100n * E18);
      await pool.connect(bob).stake(100n * E18);
      await pool.connect(admin).notifyRewardAmount(WEEK * 1_000n);
      const lockEnd = await pool.lockEndOf(alice.address);
      await time.setNextBlockTimestamp(lockEnd - 1n);
      await expect(pool.connect(alice).requestUnstake(1n)).to.be.revertedWithCustomError(pool, "StakeLocked").withArgs(lockEnd);
      await time.setNextBlockTimestamp(lockEnd);
      await expect(pool.connect(alice).requestUnstake(0n)).to.be.revertedWithCustomError(pool, "ZeroAmount");
      await expect(pool.connect(alice).requestUnstake(100n * E18 + 1n))
        .to.be.revertedWithCustomError(pool, "InsufficientBalance")
        .withArgs(100n * E18 + 1n, 100n * E18);
      await time.setNextBlockTimestamp(lockEnd + 1n);
      const unlock = lockEnd + 1n + 2n * DAY;
      await expect(pool.connect(alice).requestUnstake(60n * E18))
        .to.emit(pool, "UnstakeRequested")
        .withArgs(alice.address, 60n * E18, 40n * E18, 60n * E18, unlock, 140n * E18);
      expect(await pool.balanceOf(alice.address)).to.equal(40n * E18);
      expect(await pool.totalSupply()).to.equal(140n * E18);
      expect(await pool.totalCooling()).to.equal(60n * E18);
      expect(await pool.cooldownOf(alice.address)).to.deep.equal([60n * E18, unlock]);
      // the cooling stake earns nothing: alice earns 40/140 of the rate from now
      const before = await pool.earned(alice.address);
      await time.setNextBlockTimestamp(lockEnd + 1n + 140n);
      await ethers.provider.send("evm_mine", []);
      expect((await pool.earned(alice.address)) - before).to.equal(40_000n);
      // not before the unlock
      await time.setNextBlockTimestamp(unlock - 1n);
      await expect(pool.connect(alice).withdraw(60n * E18)).to.be.revertedWithCustomError(pool, "CooldownActive").withArgs(unlock);
      await time.setNextBlockTimestamp(unlock);
      await expect(pool.connect(alice).withdraw(60n * E18 + 1n))
        .to.be.revertedWithCustomError(pool, "InsufficientBalance")
        .withArgs(60n * E18 + 1n, 60n * E18);
      await expect(pool.connect(alice).withdraw(0n)).to.be.revertedWithCustomError(pool, "ZeroAmount");
      const tx = pool.connect(alice).withdraw(20n * E18);
      await expect(tx).to.emit(pool, "Withdrawn").withArgs(alice.address, 20n * E18, 40n * E18, 40n * E18, 140n * E18);
      await expect(tx).to.changeTokenBalance(ethers, stakeToken, alice, 20n * E18);
      expect(await pool.totalCooling()).to.equal(40n * E18);
    });

    it("a second request adds to the cooling stake and restarts its cooldown", async function () {
      const { pool, alice } = await loadFixture(cooldownFixture);
      await pool.connect(alice).stake(100n);
      await time.increase(DAY);
      await pool.connect(alice).requestUnstake(10n);
      await time.increase(DAY);
      const t = BigInt(await time.latest()) + 1n;
      await time.setNextBlockTimestamp(t);
      await pool.connect(alice).requestUnstake(5n);
      expect(await pool.cooldownOf(alice.address)).to.deep.equal([15n, t + 2n * DAY]);
    });

    it("exit pays the cooled stake and the rewards; nothing cooled is refused", async function () {
      const { pool, admin, alice, stakeToken, rewardToken } = await loadFixture(cooldownFixture);
      await pool.connect(alice).stake(E18);
      await pool.connect(admin).notifyRewardAmount(WEEK * 10n);
      await time.increase(DAY);
      await expect(pool.connect(alice).exit()).to.be.revertedWithCustomError(pool, "ZeroAmount");
      await pool.connect(alice).requestUnstake(E18);
      const earned = await pool.earned(alice.address);
      await time.increase(2n * DAY);
      expect(await pool.earned(alice.address)).to.equal(earned);
      const tx = pool.connect(alice).exit();
      await expect(tx).to.emit(pool, "Withdrawn").withArgs(alice.address, E18, 0n, 0n, 0n);
      await expect(tx).to.emit(pool, "RewardPaid").withArgs(alice.address, earned);
      await expect(tx).to.changeTokenBalance(ethers, stakeToken, alice, E18);
      await expect(tx).to.changeTokenBalance(ethers, rewardToken, alice, earned);
    });
  });

  describe("vesting", function () {
    it("claimed rewards vest linearly and are released", async function () {
      const { pool, admin, alice, rewardToken } = await loadFixture(vestingFixture);
      await pool.connect(alice).stake(E18);
      const t0 = BigInt(await time.latest()) + 1n;
      await time.setNextBlockTimestamp(t0);
      await pool.connect(admin).notifyRewardAmount(WEEK * 10n);
      await time.setNextBlockTimestamp(t0 + DAY);
      const first = DAY * 10n;
      const claim = pool.connect(alice).getReward();
      await expect(claim).to.emit(pool, "RewardVesting").withArgs(alice.address, first, first, t0 + DAY + 10n * DAY);
      await expect(claim).not.to.emit(pool, "VestingReleased");
      await expect(claim).to.changeTokenBalance(ethers, rewardToken, alice, 0n);
      expect(await pool.vestingOf(alice.address)).to.deep.equal([first, t0 + DAY, t0 + 11n * DAY]);
      expect(await pool.rewardReserve()).to.equal(WEEK * 10n);

      await time.increaseTo(t0 + 3n * DAY);
      expect(await pool.vestedOf(alice.address)).to.equal(first / 5n);
      expect(await pool.unvestedOf(alice.address)).to.equal(first - first / 5n);
      await time.setNextBlockTimestamp(t0 + 6n * DAY);
      const tx = pool.connect(alice).releaseVested();
      await expect(tx).to.emit(pool, "VestingReleased").withArgs(alice.address, first / 2n, first / 2n);
      await expect(tx).to.changeTokenBalance(ethers, rewardToken, alice, first / 2n);
      expect(await pool.vestingOf(alice.address)).to.deep.equal([first / 2n, t0 + 6n * DAY, t0 + 11n * DAY]);
      // at the end exactly everything is vested
      await time.increaseTo(t0 + 11n * DAY);
      expect(await pool.vestedOf(alice.address)).to.equal(first / 2n);
      expect(await pool.unvestedOf(alice.address)).to.equal(0n);
    });

    it("a second claim releases what vested and re-vests the rest with the new reward", async function () {
      const { pool, admin, alice, rewardToken } = await loadFixture(vestingFixture);
      await pool.connect(alice).stake(E18);
      const t0 = BigInt(await time.latest()) + 1n;
      await time.setNextBlockTimestamp(t0);
      await pool.connect(admin).notifyRewardAmount(WEEK * 10n);
      await time.setNextBlockTimestamp(t0 + DAY);
      await pool.connect(alice).getReward();
      await time.setNextBlockTimestamp(t0 + 6n * DAY);
      const first = DAY * 10n;
      const second = 5n * DAY * 10n;
      const tx = pool.connect(alice).getReward();
      await expect(tx).to.emit(pool, "VestingReleased").withArgs(alice.address, first / 2n, first / 2n + second);
      await expect(tx).to.emit(pool, "RewardVesting").withArgs(alice.address, second, first / 2n + second, t0 + 16n * DAY);
      await expect(tx).to.changeTokenBalance(ethers, rewardToken, alice, first / 2n);
      expect(await pool.rewardReserve()).to.equal(WEEK * 10n - first / 2n);
      // fully vested later, then released, then nothing left
      await time.increaseTo(t0 + 20n * DAY);
      await expect(pool.connect(alice).releaseVested())
        .to.emit(pool, "VestingReleased")
        .withArgs(alice.address, first / 2n + second, 0n);
      await expect(pool.connect(alice).releaseVested()).not.to.emit(pool, "VestingReleased");
    });

    it("a claim with nothing earned starts no vesting", async function () {
      const { pool, alice } = await loadFixture(vestingFixture);
      await expect(pool.connect(alice).getReward()).not.to.emit(pool, "RewardVesting");
      expect(await pool.vestingOf(alice.address)).to.deep.equal([0n, 0n, 0n]);
    });
  });

  describe("pause and emergencyWithdraw", function () {
    it("only the admin pauses and unpauses, once each", async function () {
      const { pool, admin, alice } = await loadFixture(plainFixture);
      await expect(pool.connect(alice).pause())
        .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
        .withArgs(alice.address, ADMIN_ROLE);
      await expect(pool.connect(admin).unpause()).to.be.revertedWithCustomError(pool, "ExpectedPause");
      await expect(pool.connect(admin).pause()).to.emit(pool, "Paused").withArgs(admin.address);
      expect(await pool.paused()).to.equal(true);
      await expect(pool.connect(admin).pause()).to.be.revertedWithCustomError(pool, "EnforcedPause");
      await expect(pool.connect(alice).unpause())
        .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
        .withArgs(alice.address, ADMIN_ROLE);
      await expect(pool.connect(admin).unpause()).to.emit(pool, "Unpaused").withArgs(admin.address);
      expect(await pool.paused()).to.equal(false);
    });

    it("blocks stakes and claims but not withdrawals or unstake requests", async function () {
      const { pool, admin, alice } = await loadFixture(cooldownFixture);
      await pool.connect(alice).stake(100n);
      await pool.connect(admin).notifyRewardAmount(WEEK);
      await time.increase(DAY);
      await pool.connect(admin).pause();
      await expect(pool.connect(alice).stake(1n)).to.be.revertedWithCustomError(pool, "EnforcedPause");
      await expect(pool.connect(alice).getReward()).to.be.revertedWithCustomError(pool, "EnforcedPause");
      await expect(pool.connect(alice).exit()).to.be.revertedWithCustomError(pool, "EnforcedPause");
      await expect(pool.connect(alice).releaseVested()).to.be.revertedWithCustomError(pool, "EnforcedPause");
      await expect(pool.connect(alice).requestUnstake(50n)).to.emit(pool, "UnstakeRequested");
      await time.increase(2n * DAY);
      await expect(pool.connect(alice).withdraw(50n)).to.emit(pool, "Withdrawn");
    });

    it("emergencyWithdraw: only while paused, principal back ignoring lock and cooldown, rewards forfeited into the next period", async function () {
      const { pool, admin, alice, bob, carol, stakeToken } = await loadFixture(cooldownFixture);
      await pool.connect(alice).stake(100n * E18);
      await pool.connect(bob).stake(100n * E18);
      const t0 = BigInt(await time.latest()) + 1n;
      await time.setNextBlockTimestamp(t0);
      await pool.connect(admin).notifyRewardAmount(WEEK * 1_000n);
      await time.setNextBlockTimestamp(t0 + DAY);
      await pool.connect(alice).requestUnstake(30n * E18);
      await pool.connect(alice).stake(1n * E18); // lock restarts
      await expect(pool.connect(alice).emergencyWithdraw()).to.be.revertedWithCustomError(pool, "ExpectedPause");
      await pool.connect(admin).pause();
      await expect(pool.connect(carol).emergencyWithdraw()).to.be.revertedWithCustomError(pool, "ZeroAmount");
      const t = BigInt(await time.latest()) + 1n;
      await time.setNextBlockTimestamp(t);
      // alice's earnings: day 1 at 1/2, then 1 s at 70/170, then until t at 71/171 — read them just before
      const tx = pool.connect(alice).emergencyWithdraw();
      await expect(tx).to.changeTokenBalances(ethers, stakeToken, [alice, pool], [101n * E18, -101n * E18]);
      const forfeited = await pool.queuedRewards();
      expect(forfeited).to.be.greaterThan(DAY * 500n - 1n);
      await expect(tx).to.emit(pool, "EmergencyWithdrawn").withArgs(alice.address, 101n * E18, forfeited, 100n * E18);
      expect(await pool.balanceOf(alice.address)).to.equal(0n);
      expect(await pool.earned(alice.address)).to.equal(0n);
      expect(await pool.cooldownOf(alice.address)).to.deep.equal([0n, (await pool.cooldownOf(alice.address))[1]]);
      expect(await pool.totalCooling()).to.equal(0n);
      expect(await pool.totalSupply()).to.equal(100n * E18);
      // the forfeited rewards are not stranded: the next period distributes them
      await pool.connect(admin).unpause();
      await expect(pool.connect(admin).notifyRewardAmount(WEEK)).to.emit(pool, "RewardAdded").withArgs(WEEK, forfeited, anyUint, anyUint);
      // notifyRewardAmount(0) restarts a period from what is queued alone, pulling nothing
      await time.increase(WEEK);
      await pool.connect(admin).pause();
      await pool.connect(bob).emergencyWithdraw();
      await pool.connect(admin).unpause();
      await time.increase(DAY); // emitted with nothing staked: queued at the next checkpoint
      await pool.connect(bob).stake(E18);
      const queued = await pool.queuedRewards();
      expect(queued).to.be.greaterThan(WEEK);
      const reserve = await pool.rewardReserve();
      await expect(pool.connect(admin).notifyRewardAmount(0n)).to.emit(pool, "RewardAdded").withArgs(0n, queued, queued / WEEK, anyUint);
      expect(await pool.rewardReserve()).to.equal(reserve);
    });
  });

  describe("odd tokens and reentrancy", function () {
    it("a USDT-like rewards token is pulled and paid", async function () {
      const { newPool, admin, alice } = await loadFixture(baseFixture);
      const usdt = await ethers.deployContract("NoReturnToken");
      await usdt.mint(admin.address, WEEK * 10n);
      const pool = await newPool({ rewardsToken: await usdt.getAddress() });
      await usdt.connect(admin).approve(await pool.getAddress(), WEEK * 10n);
      await pool.connect(alice).stake(E18);
      await pool.connect(admin).notifyRewardAmount(WEEK * 10n);
      await time.increase(WEEK);
      await expect(pool.connect(alice).getReward()).to.emit(pool, "RewardPaid").withArgs(alice.address, WEEK * 10n);
      expect(await usdt.balanceOf(alice.address)).to.equal(WEEK * 10n);
    });

    it("notifyRewardAmount, releaseVested, exit and emergencyWithdraw cannot be re-entered", async function () {
      const { newPool, admin, alice } = await loadFixture(baseFixture);
      const evil = await ethers.deployContract("ReentrantToken");
      await evil.mint(admin.address, WEEK * 1_000n);
      await evil.mint(alice.address, 1_000n * E18);
      // the same reentrant token is staked and paid, with vesting
      const pool = await newPool({ stakingToken: await evil.getAddress(), rewardsToken: await evil.getAddress(), vestingDuration: DAY });
      const address = await pool.getAddress();
      await evil.connect(admin).approve(address, ethers.MaxUint256);
      await evil.connect(alice).approve(address, ethers.MaxUint256);
      await pool.connect(alice).stake(100n * E18);

      await evil.arm(address, pool.interface.encodeFunctionData("notifyRewardAmount", [WEEK]));
      await expect(pool.connect(admin).notifyRewardAmount(WEEK * 100n)).to.be.revertedWithCustomError(pool, "ReentrancyGuardReentrantCall");
      await evil.arm(ethers.ZeroAddress, "0x");
      await pool.connect(admin).notifyRewardAmount(WEEK * 100n);
      await time.increase(DAY);
      await pool.connect(alice).getReward(); // starts vesting
      await time.increase(DAY);

      await evil.arm(address, pool.interface.encodeFunctionData("releaseVested"));
      await expect(pool.connect(alice).releaseVested()).to.be.revertedWithCustomError(pool, "ReentrancyGuardReentrantCall");
      await evil.arm(address, pool.interface.encodeFunctionData("exit"));
      await expect(pool.connect(alice).exit()).to.be.revertedWithCustomError(pool, "ReentrancyGuardReentrantCall");
      await pool.connect(admin).pause();
      await evil.arm(address, pool.interface.encodeFunctionData("emergencyWithdraw"));
      await expect(pool.connect(alice).emergencyWithdraw()).to.be.revertedWithCustomError(pool, "ReentrancyGuardReentrantCall");
      expect(await pool.balanceOf(alice.address)).to.equal(100n * E18);
      expect(await evil.balanceOf(address)).to.equal(100n * E18 + WEEK * 100n);
    });
  });

  describe("recoverERC20", function () {
    it("recovers stray tokens, never principal or owed rewards", async function () {
      const { pool, admin, alice, stakeToken, rewardToken } = await loadFixture(cooldownFixture);
      const stray = await ethers.deployContract("MockERC20", ["Stray", "STR", 18]);
      await stray.mint(await pool.getAddress(), 5n);
      await expect(pool.connect(alice).recoverERC20(await stray.getAddress(), 5n))
        .to.be.revertedWithCustomError(pool, "AccessControlUnauthorizedAccount")
        .withArgs(alice.address, ADMIN_ROLE);
      await expect(pool.connect(admin).recoverERC20(await stray.getAddress(), 6n))
        .to.be.revertedWithCustomError(pool, "InsufficientRecoverable")
        .withArgs(6n, 5n);
      const tx = pool.connect(admin).recoverERC20(await stray.getAddress(), 5n);
      await expect(tx).to.emit(pool, "Recovered").withArgs(await stray.getAddress(), admin.address, 5n);
      await expect(tx).to.changeTokenBalance(ethers, stray, admin, 5n);

      // staking token: earning and cooling principal are protected, the excess is not
      await pool.connect(alice).stake(100n);
      await time.increase(DAY);
      await pool.connect(alice).requestUnstake(40n);
      await expect(pool.connect(admin).recoverERC20(await stakeToken.getAddress(), 1n))
        .to.be.revertedWithCustomError(pool, "InsufficientRecoverable")
        .withArgs(1n, 0n);
      await stakeToken.connect(alice).transfer(await pool.getAddress(), 7n);
      await expect(pool.connect(admin).recoverERC20(await stakeToken.getAddress(), 8n))
        .to.be.revertedWithCustomError(pool, "InsufficientRecoverable")
        .withArgs(8n, 7n);
      await pool.connect(admin).recoverERC20(await stakeToken.getAddress(), 7n);

      // rewards token: the whole reserve is protected (owed, still to be emitted, queued)
      await pool.connect(admin).notifyRewardAmount(WEEK * 10n + 3n);
      await time.increase(DAY);
      await expect(pool.connect(admin).recoverERC20(await rewardToken.getAddress(), 1n))
        .to.be.revertedWithCustomError(pool, "InsufficientRecoverable")
        .withArgs(1n, 0n);
      await rewardToken.connect(alice).transfer(await pool.getAddress(), 9n);
      await expect(pool.connect(admin).recoverERC20(await rewardToken.getAddress(), 9n)).to.emit(pool, "Recovered");
      expect(await rewardToken.balanceOf(await pool.getAddress())).to.equal(WEEK * 10n + 3n);
    });

    it("a pool staking and paying the same token protects principal plus reserve", async function () {
      const { newPool, admin, alice, bob, stakeToken } = await loadFixture(baseFixture);
      const pool = await newPool({ rewardsToken: await stakeToken.getAddress(), vestingDuration: DAY });
      const address = await pool.getAddress();
      await pool.connect(alice).stake(100n * E18);
      await pool.connect(bob).stake(50n * E18);
      await pool.connect(admin).notifyRewardAmount(WEEK * 1_000n);
      await time.increase(DAY);
      await pool.connect(alice).getReward(); // starts vesting
      await pool.connect(bob).withdraw(10n * E18);
      const owed = (await pool.totalSupply()) + (await pool.rewardReserve());
      expect(await stakeToken.balanceOf(address)).to.equal(owed);
      await expect(pool.connect(admin).recoverERC20(await stakeToken.getAddress(), 1n))
        .to.be.revertedWithCustomError(pool, "InsufficientRecoverable")
        .withArgs(1n, 0n);
      await stakeToken.connect(alice).transfer(address, 3n);
      await expect(pool.connect(admin).recoverERC20(await stakeToken.getAddress(), 4n))
        .to.be.revertedWithCustomError(pool, "InsufficientRecoverable")
        .withArgs(4n, 3n);
      await pool.connect(admin).recoverERC20(await stakeToken.getAddress(), 3n);
      // every staker can still leave with principal and rewards
      await time.increase(WEEK + 10n * DAY);
      await pool.connect(alice).exit();
      await pool.connect(alice).releaseVested();
      await pool.connect(bob).exit();
      expect(await pool.totalSupply()).to.equal(0n);
      expect(await stakeToken.balanceOf(address)).to.equal(await pool.rewardReserve());
    });
  });

  describe("audit fixes", function () {
    const USDC = 10n ** 6n;

    /** A pool paying a 6-decimal stablecoin; everyone holds and approved 1e9 of it. */
    async function usdcFixture() {
      const base = await baseFixture();
      const usdc = await ethers.deployContract("MockERC20", ["USD Coin", "USDC", 6]);
      const pool = await base.newPool({ rewardsToken: await usdc.getAddress() });
      for (const who of [base.admin, base.alice, base.bob, base.carol, base.stranger]) {
        await usdc.mint(who.address, 1_000_000_000n * USDC);
        await usdc.connect(who).approve(await pool.getAddress(), ethers.MaxUint256);
      }
      return { ...base, usdc, pool };
    }

    it("M-1: hourly checkpoints by a non-staker do not strand a 6-decimal reward over a 1e27 stake", async function () {
      const { pool, admin, alice, stranger, stakeToken, usdc } = await loadFixture(usdcFixture);
      const staked = 10n ** 27n; // 1e9 campaign tokens of 18 decimals
      await stakeToken.mint(alice.address, staked);
      await pool.connect(alice).stake(staked);
      const reward = 7_000n * USDC;
      const t0 = BigInt(await time.latest()) + 10n;
      await time.setNextBlockTimestamp(t0);
      await pool.connect(admin).notifyRewardAmount(reward);
      const rate = reward / WEEK;
      let checkpoints = 0n;
      for (let t = t0 + 3600n; t <= t0 + WEEK; t += 3600n) {
        await time.setNextBlockTimestamp(t);
        await pool.connect(stranger).getReward(); // every call is a checkpoint
        checkpoints++;
      }
      expect(checkpoints).to.equal(WEEK / 3600n);
      const emitted = rate * WEEK;
      const earned = await pool.earned(alice.address);
      // before the fix: 0 (each hour's 41.6664 USDC floored to rpt += 0)
      expect(earned).to.be.lessThanOrEqual(emitted);
      expect(emitted - earned).to.be.lessThanOrEqual(checkpoints); // < 1 base unit per checkpoint
      expect(await pool.rewardPerToken()).to.equal(((emitted * 10n ** 36n) / staked));
      // alice is paid; what is left in the pool is the queued remainder of 7,000 / WEEK and dust
      await expect(pool.connect(alice).getReward()).to.changeTokenBalance(ethers, usdc, alice, earned);
      expect(await pool.queuedRewards()).to.equal(reward - emitted);
      expect(await pool.rewardReserve()).to.equal(reward - earned);
      expect(await pool.rewards(stranger.address)).to.equal(0n);
    });

    it("M-1 backstop: above 1e36 staked units, whole units the accumulator cannot attribute are queued", async function () {
      const { pool, admin, alice, stakeToken } = await loadFixture(plainFixture);
      const staked = 3n * 10n ** 38n; // 3e20 tokens: rpt grows by emitted / 300 (floored)
      await stakeToken.mint(alice.address, staked);
      await pool.connect(alice).stake(staked);
      const rate = 1_000n;
      const t0 = BigInt(await time.latest()) + 10n;
      await time.setNextBlockTimestamp(t0);
      await pool.connect(admin).notifyRewardAmount(rate * WEEK);
      expect(await pool.queuedRewards()).to.equal(0n);
      // 7 s emit 7,000 units: rpt += 7,000e36 / 3e38 = 23 (attributing 6,900), 100 units left over
      await time.setNextBlockTimestamp(t0 + 7n);
      const tx = pool.connect(alice).getReward();
      await expect(tx).to.emit(pool, "RewardsCarriedOver").withArgs((7n * rate) % 300n, (7n * rate) % 300n);
      expect(await pool.rewardPerTokenStored()).to.equal((7n * rate * 10n ** 36n) / staked);
      // everything emitted is either earned or queued
      const paid = (7n * rate * 10n ** 36n) / staked * staked / 10n ** 36n;
      await expect(tx).to.emit(pool, "RewardPaid").withArgs(alice.address, paid);
      expect(paid + (await pool.queuedRewards())).to.equal(7n * rate);
      // no whole unit left over: nothing queued
      await time.setNextBlockTimestamp(t0 + 7n + 3n); // 3,000 = 10 x 300
      await expect(pool.connect(alice).getReward()).not.to.emit(pool, "RewardsCarriedOver");
    });

    it("I-2: notifyRewardAmount(0) re-emits the queue after the cap was lowered below totalNotified", async function () {
      const { pool, admin, bob } = await loadFixture(plainFixture);
      await pool.connect(admin).notifyRewardAmount(10n * WEEK);
      await time.increase(DAY); // nothing staked: a day is carried over
      await pool.connect(bob).stake(E18);
      const queued = await pool.queuedRewards();
      expect(queued).to.equal(10n * DAY + 10n); // + the block of the stake
      await pool.connect(admin).setRewardLimits(0n, WEEK); // below the 10 WEEK notified
      // a funded reward is still capped
      await expect(pool.connect(admin).notifyRewardAmount(1n))
        .to.be.revertedWithCustomError(pool, "RewardCapExceeded")
        .withArgs(10n * WEEK + 1n, WEEK);
      // the queued carry-over was counted when first notified: it is re-emitted
      const leftover = (await pool.periodFinish()) - BigInt(await time.latest()) - 1n;
      await expect(pool.connect(admin).notifyRewardAmount(0n))
        .to.emit(pool, "RewardAdded")
        .withArgs(0n, queued, (queued + leftover * 10n) / WEEK, anyUint);
      expect(await pool.totalNotified()).to.equal(10n * WEEK);
      expect(await pool.rewardReserve()).to.equal(10n * WEEK);
    });

    it("I-3: a queue smaller than rewardsDuration is re-emitted at 1 unit per second over a shorter period", async function () {
      const { pool, admin, alice } = await loadFixture(plainFixture);
      const t0 = BigInt(await time.latest()) + 10n;
      await time.setNextBlockTimestamp(t0);
      await pool.connect(admin).notifyRewardAmount(WEEK + 500n); // rate 1, remainder 500 queued
      expect(await pool.queuedRewards()).to.equal(500n);
      await pool.connect(alice).stake(E18);
      await time.increaseTo(t0 + WEEK + 1n);
      // a funded reward too small for the period (with the queue) is still refused
      const queued = await pool.queuedRewards();
      expect(queued).to.equal(501n); // + the second emitted before alice staked
      await expect(pool.connect(admin).notifyRewardAmount(WEEK - 1n - queued)).to.be.revertedWithCustomError(pool, "RewardRateZero");
      const t1 = BigInt(await time.latest()) + 1n;
      await time.setNextBlockTimestamp(t1);
      await expect(pool.connect(admin).notifyRewardAmount(0n)).to.emit(pool, "RewardAdded").withArgs(0n, queued, 1n, t1 + queued);
      expect(await pool.queuedRewards()).to.equal(0n);
      expect(await pool.rewardsDuration()).to.equal(WEEK); // unchanged for later periods
      await time.increaseTo(t1 + 1_000n);
      expect(await pool.earned(alice.address)).to.equal(WEEK - 1n + queued);
      // nothing queued: a zero notify has nothing to emit
      await expect(pool.connect(admin).notifyRewardAmount(0n)).to.be.revertedWithCustomError(pool, "RewardRateZero");
    });
  });
});
