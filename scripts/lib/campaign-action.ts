// Shared body of `campaign launch` and `campaign cancel`: one owner/admin call on a campaign.
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { cliError, parseAddress, printReport, required } from "./cli.js";
import { connect, send } from "./connection.js";

/** Names of the Campaign `Status` enum (contracts/interfaces/ICampaign.sol), by value. */
export const CAMPAIGN_STATUS = ["Draft", "Scheduled", "Active", "Successful", "Failed", "Cancelled"] as const;

export async function campaignAction(
  hre: HardhatRuntimeEnvironment,
  args: { signer: string; campaign: string },
  action: "launch" | "cancel",
): Promise<void> {
  const { ethers, signer } = await connect(hre, args.signer);
  const address = parseAddress("campaign", required("campaign", args.campaign));
  if ((await ethers.provider.getCode(address)) === "0x") throw cliError(`--campaign: no contract at ${address}`);
  const campaign = await ethers.getContractAt("Campaign", address, signer);
  const receipt = await send(hre, action, () => (action === "launch" ? campaign.launch() : campaign.cancel()));
  printReport(action === "launch" ? "Campaign launched" : "Campaign cancelled", {
    campaign: address,
    status: CAMPAIGN_STATUS[Number(await campaign.status())] ?? "unknown",
    tx: receipt.hash,
  });
}
