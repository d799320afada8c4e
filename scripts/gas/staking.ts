// Gas of the StakingPool's user operations, measured in DESIGN.md's "Gas targets" scenario
// (receipt gasUsed, OZ 5 ERC20 18-decimal tokens) against the Synthetix StakingRewards figures.
// `npx hardhat run scripts/gas/staking.ts` prints the table; scripts/gas/report.ts imports
// `measureStaking`.
import { network } from "hardhat";
import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";
import type { ContractTransactionResponse } from "ethers";
import { gasOf, type GasRow } from "./types.js";
import { formatGasTable } from "./format.js";
import { deployClone } from "../lib/clones.js";
import { poolConfig, type PoolOptions } from "../lib/pool-config.js";
import { signPermit } from "../lib/eip712.js";

const DAY = 86_400;
const WEEK = 7 * DAY;
const E18 = 10n ** 18n;
const SYNTHETIX = "Synthetix StakingRewards";

export async function measureStaking(ethers: HardhatEthers): Promise<GasRow[]> {
  const [admin, alice, bob, carol] = await ethers.getSigners();
  const rows: GasRow[] = [];
  const row = async (operation: string, tx: Promise<ContractTransactionResponse>, target?: bigint, targetLabel?: string) => {
    rows.push({ group: "Staking", operation, gas: await gasOf(tx), target, targetLabel });
  };
  const increase = async (seconds: number) => {
    await ethers.provider.send("evm_increaseTime", [seconds]);
    await ethers.provider.send("evm_mine", []);
  };

  const implementation = await ethers.deployContract("StakingPool");
  const stakeToken = await ethers.deployContract("MockERC20", ["Stake", "STK", 18]);
  const rewardToken = await ethers.deployContract("MockERC20", ["Reward", "RWD", 18]);
  for (const who of [admin, alice, bob, carol]) {
    await stakeToken.mint(who.address, 1_000_000n * E18);
    await rewardToken.mint(who.address, 1_000_000n * E18);
  }

  const deployPool = async (options: Omit<PoolOptions, "stakingToken" | "rewardsToken" | "admin">) => {
    // a bare clone initialised in a separate transaction: the pool exactly as the factory deploys it
    const pool = await ethers.getContractAt("StakingPool", await deployClone(admin, await implementation.getAddress()));
    await pool.initialize(
      poolConfig({ ...options, stakingToken: await stakeToken.getAddress(), rewardsToken: await rewardToken.getAddress(), admin: admin.address }),
    );
    const address = await pool.getAddress();
    for (const who of [admin, alice, bob, carol]) {
      await stakeToken.connect(who).approve(address, ethers.MaxUint256);
      await rewardToken.connect(who).approve(address, ethers.MaxUint256);
    }
    return pool;
  };

  // ---------------------------------------------------------------- plain pool: the scenario
  {
    const pool = await deployPool({});
    // What Synthetix needs beforehand and we do inside notifyRewardAmount: a plain transfer.
    // Synthetix's figures exclude the funding transfer; these two rows give its cost (to an
    // address without a balance, then to one with a balance) for a like-for-like comparison.
    const fundingSink = ethers.Wallet.createRandom().address;
    const fundFirst = await gasOf(rewardToken.connect(carol).transfer(fundingSink, 1_000n * E18));
    const fundTopUp = await gasOf(rewardToken.connect(carol).transfer(fundingSink, 500n * E18));
    rows.push({ group: "Staking", operation: "reference: ERC-20 transfer of 1,000 rewards to a fresh address (Synthetix's funding step)", gas: fundFirst });
    rows.push({ group: "Staking", operation: "reference: ERC-20 transfer of 500 rewards to a funded address (Synthetix's top-up funding)", gas: fundTopUp });
    await row("notifyRewardAmount, first (pulls the 1,000 tokens itself)", pool.notifyRewardAmount(1_000n * E18), 106_118n, `${SYNTHETIX} notifyRewardAmount, first (tokens sent beforehand)`);
    rows.push({
      ...rows[rows.length - 1],
      operation: "notifyRewardAmount, first, like-for-like (vs Synthetix notify + its funding transfer)",
      target: 106_118n + fundFirst,
      targetLabel: `${SYNTHETIX} notifyRewardAmount, first + ERC-20 funding transfer`,
    });
    await row("stake, first staker", pool.connect(alice).stake(100n * E18), 128_045n, `${SYNTHETIX} stake, first staker`);
    await row("stake, second new staker", pool.connect(bob).stake(50n * E18), 137_271n, `${SYNTHETIX} stake, second new staker`);
    await increase(DAY);
    await row("stake, existing staker", pool.connect(alice).stake(10n * E18), 122_959n, `${SYNTHETIX} stake, existing staker`);
    await increase(DAY);
    await row("getReward", pool.connect(alice).getReward(), 86_862n, `${SYNTHETIX} getReward`);
    await row("withdraw (partial)", pool.connect(alice).withdraw(50n * E18), 97_983n, `${SYNTHETIX} withdraw (partial)`);
    await increase(DAY);
    await row("exit", pool.connect(bob).exit(), 115_810n, `${SYNTHETIX} exit`);
    await row("notifyRewardAmount, top-up mid-period (pulls 500 tokens)", pool.notifyRewardAmount(500n * E18), 58_648n, `${SYNTHETIX} notifyRewardAmount, top-up mid-period (tokens sent beforehand)`);
    rows.push({
      ...rows[rows.length - 1],
      operation: "notifyRewardAmount, top-up, like-for-like (vs Synthetix notify + its funding transfer)",
      target: 58_648n + fundTopUp,
      targetLabel: `${SYNTHETIX} notifyRewardAmount, top-up mid-period + ERC-20 funding transfer`,
    });

    // stakeWithPermit: a new staker with a signed permit and no allowance
    await stakeToken.connect(carol).approve(await pool.getAddress(), 0);
    const amount = 20n * E18;
    const deadline = BigInt((await ethers.provider.getBlock("latest"))!.timestamp + 3_600);
    const signature = await signPermit(stakeToken, carol, await pool.getAddress(), amount, deadline);
    await row("stakeWithPermit, new staker", pool.connect(carol).stakeWithPermit(amount, deadline, signature.v, signature.r, signature.s));
    await increase(DAY);
    await row("getReward, after a top-up", pool.connect(carol).getReward());
  }

  // ---------------------------------------------------------------- lock + caps
  {
    const pool = await deployPool({ minStakePeriod: BigInt(DAY), maxStakePerAccount: 1_000n * E18, poolCap: 10_000n * E18, maxRewardRate: E18, totalRewardCap: 100_000n * E18 });
    await row("[lock+caps] notifyRewardAmount, first", pool.notifyRewardAmount(1_000n * E18));
    await row("[lock+caps] stake, first staker", pool.connect(alice).stake(100n * E18));
    await row("[lock+caps] stake, second new staker", pool.connect(bob).stake(50n * E18));
    await increase(DAY);
    await row("[lock+caps] stake, existing staker", pool.connect(alice).stake(10n * E18));
    await increase(DAY);
    await row("[lock+caps] getReward", pool.connect(alice).getReward());
    await row("[lock+caps] withdraw (partial, after the lock)", pool.connect(alice).withdraw(50n * E18));
    await row("[lock+caps] exit", pool.connect(bob).exit());
  }

  // ---------------------------------------------------------------- cooldown
  {
    const pool = await deployPool({ cooldown: BigInt(DAY) });
    await pool.notifyRewardAmount(1_000n * E18);
    await row("[cooldown] stake, first staker", pool.connect(alice).stake(100n * E18));
    await pool.connect(bob).stake(50n * E18);
    await increase(DAY);
    await row("[cooldown] requestUnstake (first)", pool.connect(alice).requestUnstake(50n * E18));
    await row("[cooldown] requestUnstake (second)", pool.connect(bob).requestUnstake(50n * E18));
    await increase(DAY);
    await row("[cooldown] withdraw (after the cooldown)", pool.connect(alice).withdraw(50n * E18));
    await row("[cooldown] exit (cooled stake + rewards)", pool.connect(bob).exit());
  }

  // ---------------------------------------------------------------- vesting
  {
    const pool = await deployPool({ vestingDuration: BigInt(WEEK) });
    await pool.notifyRewardAmount(1_000n * E18);
    await pool.connect(alice).stake(100n * E18);
    await increase(DAY);
    await row("[vesting] getReward (first claim starts vesting)", pool.connect(alice).getReward());
    await increase(DAY);
    await row("[vesting] releaseVested", pool.connect(alice).releaseVested());
    await increase(DAY);
    await row("[vesting] getReward (releases vested, re-vests the rest)", pool.connect(alice).getReward());
  }
  return rows;
}

if (process.argv.some((arg) => arg.endsWith("scripts/gas/staking.ts"))) {
  const { ethers } = await network.create();
  console.log(formatGasTable(await measureStaking(ethers)));
}
