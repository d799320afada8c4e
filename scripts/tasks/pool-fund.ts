// `npx hardhat pool fund --pool 0x… --amount 1000`: approves the pool for the rewards token and
// calls notifyRewardAmount, which pulls the tokens and starts (or tops up) a reward period.
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { Contract } from "ethers";
import { cliError, parseAddress, parseAmount, printReport, required } from "../lib/cli.js";
import { connect, send } from "../lib/connection.js";

const ERC20 = [
  "function decimals() view returns (uint8)",
  "function symbol() view returns (string)",
  "function balanceOf(address) view returns (uint256)",
  "function approve(address,uint256) returns (bool)",
];

export default async function fundPool(args: { signer: string; pool: string; amount: string }, hre: HardhatRuntimeEnvironment) {
  const { ethers, signer } = await connect(hre, args.signer);
  const poolAddress = parseAddress("pool", required("pool", args.pool));
  if ((await ethers.provider.getCode(poolAddress)) === "0x") throw cliError(`--pool: no contract at ${poolAddress}`);
  const pool = await ethers.getContractAt("StakingPool", poolAddress, signer);
  const rewardsToken = new Contract(await pool.rewardsToken(), ERC20, signer);
  const decimals = Number(await rewardsToken.decimals());
  const amount = parseAmount("amount", required("amount", args.amount), decimals);
  const balance: bigint = await rewardsToken.balanceOf(signer.address);
  if (balance < amount) throw cliError(`--amount: ${signer.address} holds only ${balance} base units of the rewards token`);

  const approval = await send(hre, "approve", () => rewardsToken.approve(poolAddress, amount));
  const notified = await send(hre, "notifyRewardAmount", () => pool.notifyRewardAmount(amount));
  printReport("Pool funded", {
    pool: poolAddress,
    "rewards token": `${await rewardsToken.symbol()} ${await rewardsToken.getAddress()}`,
    amount: `${args.amount} (${amount} base units)`,
    "reward rate": `${await pool.rewardRate()} base units/s`,
    "period ends": `${await pool.periodFinish()}`,
    "approve tx": approval.hash,
    "notify tx": notified.hash,
  });
}
