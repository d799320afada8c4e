// `npx hardhat roles grant --contract factory --role CAMPAIGN_CREATOR_ROLE --account 0x…`
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { roleAction, type RoleArgs } from "../lib/roles-action.js";

export default async function (args: RoleArgs, hre: HardhatRuntimeEnvironment) {
  await roleAction(hre, args, true);
}
