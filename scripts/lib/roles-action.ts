// Shared body of `roles grant` and `roles revoke` on any OpenZeppelin AccessControl contract.
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { Contract, ZeroHash, id } from "ethers";
import { cliError, parseAddress, printReport, required } from "./cli.js";
import { connect, deployedAddress, send } from "./connection.js";

export const ROLE_NAMES = [
  "DEFAULT_ADMIN_ROLE",
  "CAMPAIGN_CREATOR_ROLE",
  "ONRAMP_OPERATOR_ROLE",
  "OPERATOR_ROLE",
  "ARBITER_ROLE",
  "REWARDS_DISTRIBUTOR_ROLE",
] as const;

const ACCESS_CONTROL_ABI = [
  "function grantRole(bytes32 role, address account)",
  "function revokeRole(bytes32 role, address account)",
  "function hasRole(bytes32 role, address account) view returns (bool)",
];

export interface RoleArgs {
  signer: string;
  contract: string;
  role: string;
  account: string;
}

export async function roleAction(hre: HardhatRuntimeEnvironment, args: RoleArgs, grant: boolean): Promise<void> {
  const { ethers, signer, chainId } = await connect(hre, args.signer);
  const role = required("role", args.role);
  if (!(ROLE_NAMES as readonly string[]).includes(role)) throw cliError(`--role: "${role}" is not one of ${ROLE_NAMES.join(", ")}`);
  const account = parseAddress("account", required("account", args.account));
  const target =
    args.contract === "factory"
      ? await deployedAddress(chainId, "CampaignFactory")
      : args.contract === "escrow"
        ? await deployedAddress(chainId, "PaymentEscrow")
        : parseAddress("contract", args.contract);
  if ((await ethers.provider.getCode(target)) === "0x") throw cliError(`--contract: no contract at ${target}`);
  const roleId = role === "DEFAULT_ADMIN_ROLE" ? ZeroHash : id(role);
  const control = new Contract(target, ACCESS_CONTROL_ABI, signer);
  const receipt = await send(hre, grant ? "grantRole" : "revokeRole", () =>
    grant ? control.grantRole(roleId, account) : control.revokeRole(roleId, account),
  );
  printReport(grant ? "Role granted" : "Role revoked", {
    contract: target,
    role: `${role} (${roleId})`,
    account,
    "has role now": await control.hasRole(roleId, account),
    tx: receipt.hash,
  });
}
