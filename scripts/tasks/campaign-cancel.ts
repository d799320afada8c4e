// `npx hardhat campaign cancel --campaign 0x…`: cancels a campaign before success; backers can refund.
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { campaignAction } from "../lib/campaign-action.js";

export default async function (args: { signer: string; campaign: string }, hre: HardhatRuntimeEnvironment) {
  await campaignAction(hre, args, "cancel");
}
