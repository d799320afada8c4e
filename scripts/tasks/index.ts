// The admin and developer CLIs, as Hardhat tasks: `npx hardhat <group> <action> --network X
// --option value`. `npx hardhat <group> <action> --help` lists each one's options.
import { emptyTask, task } from "hardhat/config";
import { ArgumentType } from "hardhat/types/arguments";

const signer = {
  name: "signer",
  description: "account that signs: an index into the network's accounts or one of their addresses",
  defaultValue: "0",
} as const;

const text = <N extends string>(name: N, description: string, defaultValue = "") => ({ name, description, defaultValue });
const flag = <N extends string>(name: N, description: string) => ({
  name,
  description,
  type: ArgumentType.FLAG as const,
  defaultValue: false,
});

export const crowdstakeTasks = [
  emptyTask("deployment", "Deployment helpers").build(),
  task(["deployment", "export"], "Write generated/crowdstake.ts (ABIs + deployed addresses) from artifacts and Ignition")
    .setAction(() => import("./export-deployment.js"))
    .build(),

  emptyTask("campaign", "Create and manage campaigns").build(),
  task(["campaign", "create"], "Create a campaign (with its token and, with --with-pool, its staking pool)")
    .addOption(signer)
    .addOption(text("factory", "CampaignFactory address (default: the deployment's)"))
    .addOption(text("owner", "who receives the funds and manages the campaign (default: the signer)"))
    .addOption(text("asset", 'contributed token: an address, "native" or "stablecoin" (the deployment\'s cUSD)', "native"))
    .addOption(text("goal", "amount to raise, in whole units of the asset (e.g. 1000 or 2.5)"))
    .addOption(text("cap", "most that may be raised, whole units (0 = no cap)", "0"))
    .addOption(text("start", 'first second open: unix seconds, ISO date, "now" or "+1h"', "+1m"))
    .addOption(text("end", 'first second closed: unix seconds, ISO date or "+30d"', "+30d"))
    .addOption(text("tokensPerUnit", "campaign tokens a backer gets per whole unit of the asset", "100"))
    .addOption(text("min", "smallest contribution, whole units", "0"))
    .addOption(text("maxPerBacker", "largest total per backer, whole units (0 = no limit)", "0"))
    .addOption(text("metadataUri", "URI of the name, description and image (JSON)", ""))
    .addOption(text("tokenName", "name of the campaign token"))
    .addOption(text("tokenSymbol", "symbol of the campaign token"))
    .addOption(flag("withPool", "also create a staking pool for the campaign token"))
    .addOption(text("poolRewardsToken", 'pool rewards token: address or "stablecoin"', "stablecoin"))
    .addOption(text("poolDuration", "length of each reward period (e.g. 7d)", "7d"))
    .addOption(text("poolLock", "minimum stake period (e.g. 1d; 0 = none)", "0"))
    .addOption(text("poolCooldown", "unstake cooldown (e.g. 2d; 0 = none)", "0"))
    .addOption(text("poolVesting", "vesting of claimed rewards (e.g. 30d; 0 = none)", "0"))
    .addOption(flag("launch", "launch the campaign right after creating it"))
    .setAction(() => import("./campaign-create.js"))
    .build(),
  task(["campaign", "launch"], "Launch a Draft campaign (its parameters are then frozen)")
    .addOption(signer)
    .addOption(text("campaign", "the campaign's address"))
    .setAction(() => import("./campaign-launch.js"))
    .build(),
  task(["campaign", "cancel"], "Cancel a campaign before success; backers can then refund")
    .addOption(signer)
    .addOption(text("campaign", "the campaign's address"))
    .setAction(() => import("./campaign-cancel.js"))
    .build(),

  emptyTask("pool", "Manage staking pools").build(),
  task(["pool", "fund"], "Approve and notify a reward amount to a staking pool (starts or tops up a period)")
    .addOption(signer)
    .addOption(text("pool", "the pool's address"))
    .addOption(text("amount", "reward amount in whole units of the rewards token"))
    .setAction(() => import("./pool-fund.js"))
    .build(),

  emptyTask("merchant", "Configure a merchant on the PaymentEscrow").build(),
  task(["merchant", "configure"], "Set the signing merchant's release delay and authorised intent signers")
    .addOption(signer)
    .addOption(text("escrow", "PaymentEscrow address (default: the deployment's)"))
    .addOption(text("releaseDelay", "escrow window after payment (e.g. 0, 3600, 7d); empty = unchanged"))
    .addOption(text("addSigner", "comma-separated addresses allowed to sign intents for this merchant"))
    .addOption(text("removeSigner", "comma-separated addresses to revoke"))
    .setAction(() => import("./merchant-configure.js"))
    .build(),

  emptyTask("roles", "Grant and revoke AccessControl roles").build(),
  task(["roles", "grant"], "Grant a role on the factory, the escrow or any AccessControl contract")
    .addOption(signer)
    .addOption(text("contract", '"factory", "escrow" or a contract address (e.g. a pool)', "factory"))
    .addOption(text("role", "DEFAULT_ADMIN_ROLE, CAMPAIGN_CREATOR_ROLE, ONRAMP_OPERATOR_ROLE, OPERATOR_ROLE, ARBITER_ROLE, REWARDS_DISTRIBUTOR_ROLE"))
    .addOption(text("account", "the account that receives the role"))
    .setAction(() => import("./roles-grant.js"))
    .build(),
  task(["roles", "revoke"], "Revoke a role")
    .addOption(signer)
    .addOption(text("contract", '"factory", "escrow" or a contract address', "factory"))
    .addOption(text("role", "the role's name (as for roles grant)"))
    .addOption(text("account", "the account that loses the role"))
    .setAction(() => import("./roles-revoke.js"))
    .build(),
];
