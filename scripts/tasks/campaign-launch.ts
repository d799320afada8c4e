// `npx hardhat campaign launch --campaign 0x…`: freezes a Draft campaign's parameters and opens it at its start.
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { campaignAction } from "../lib/campaign-action.js";

export default async function (args: { signer: string; campaign: string }, hre: HardhatRuntimeEnvironment) {
  await campaignAction(hre, args, "launch");
}
