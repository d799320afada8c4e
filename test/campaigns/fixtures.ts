// Shared fixtures of the campaign tests: one in-process network for the whole area.
import { network } from "hardhat";
import type { Campaign, CampaignFactory, CampaignToken } from "../../types/ethers-contracts/index.js";
import { deployClone } from "../../scripts/lib/clones.js";
import { poolConfig as basePoolConfig } from "../../scripts/lib/pool-config.js";

export const { ethers, networkHelpers } = await network.create();

export const ZERO = "0x0000000000000000000000000000000000000000";
export const E18 = 10n ** 18n;
export const USD = 10n ** 6n;
/** 1 token (1e18) per 1 USD (1e6): rate = 1e18 * 1e18 / 1e6 */
export const USD_RATE = 10n ** 30n;
/** 1,000 tokens per ETH */
export const ETH_RATE = 1000n * E18;
export const FEE_BPS = 250n;
export const CREATOR_ROLE = ethers.id("CAMPAIGN_CREATOR_ROLE");
export const ONRAMP_ROLE = ethers.id("ONRAMP_OPERATOR_ROLE");
export const ADMIN_ROLE = ethers.ZeroHash;
/** The pool implementation the factory clones (the real StakingPool from the staking branch). */
export const POOL_IMPL = "StakingPool";

export enum Status {
  Draft,
  Scheduled,
  Active,
  Successful,
  Failed,
  Cancelled,
}

export interface Params {
  owner: string;
  start: bigint;
  asset: string;
  end: bigint;
  goal: bigint;
  cap: bigint;
  minContribution: bigint;
  maxPerBacker: bigint;
  rate: bigint;
  metadataURI: string;
}

/** A pool configuration for the campaign tests: the shared defaults plus a one-hour lock. */
export function poolConfig(admin: string, rewardsToken: string, stakingToken = ZERO) {
  return basePoolConfig({ admin, rewardsToken, stakingToken, minStakePeriod: 3600n });
}

/** Factory, implementations, a 6-decimal stablecoin and accounts; the fee is 2.5%. */
export async function deployFactory() {
  const [admin, creator, owner, alice, bob, carol, operator, treasury, stranger] = await ethers.getSigners();
  const campaignImpl = await ethers.deployContract("Campaign");
  const tokenImpl = await ethers.deployContract("CampaignToken");
  const poolImpl = await ethers.deployContract(POOL_IMPL);
  const factory = (await ethers.deployContract("CampaignFactory", [
    admin.address,
    treasury.address,
    FEE_BPS,
    await campaignImpl.getAddress(),
    await tokenImpl.getAddress(),
    await poolImpl.getAddress(),
  ])) as unknown as CampaignFactory;
  await factory.grantRole(CREATOR_ROLE, creator.address);
  await factory.grantRole(ONRAMP_ROLE, operator.address);
  const usd = await ethers.deployContract("MockERC20", ["Mock USD", "mUSD", 6]);
  const rewards = await ethers.deployContract("MockERC20", ["Reward", "RWD", 18]);
  for (const who of [alice, bob, carol, operator]) {
    await usd.mint(who.address, 1_000_000n * USD);
  }
  return { factory, campaignImpl, tokenImpl, poolImpl, usd, rewards, admin, creator, owner, alice, bob, carol, operator, treasury, stranger };
}

export type Base = Awaited<ReturnType<typeof deployFactory>>;

/** Default parameters: opens in 1 hour for 10 days; goal 1,000, cap 2,000, min 10, max 1,500. */
export async function defaultParams(base: Base, asset: string, overrides: Partial<Params> = {}): Promise<Params> {
  const now = BigInt(await networkHelpers.time.latest());
  const native = asset === ZERO;
  const unit = native ? E18 : USD;
  return {
    owner: base.owner.address,
    start: now + 3600n,
    asset,
    end: now + 3600n + 10n * 86400n,
    goal: 1000n * unit,
    cap: 2000n * unit,
    minContribution: 10n * unit,
    maxPerBacker: 1500n * unit,
    rate: native ? ETH_RATE : USD_RATE,
    metadataURI: "ipfs://campaign",
    ...overrides,
  };
}

/** Creates a campaign through the factory and returns typed handles. */
export async function createCampaign(base: Base, params: Params, withPool = false) {
  const cfg = poolConfig(base.admin.address, await base.rewards.getAddress());
  const args = [params, "Campaign Token", "CMP", withPool, cfg] as const;
  const [campaignAddr, tokenAddr, poolAddr] = await base.factory.connect(base.creator).createCampaign.staticCall(...args);
  const tx = await base.factory.connect(base.creator).createCampaign(...args);
  const campaign = (await ethers.getContractAt("Campaign", campaignAddr)) as unknown as Campaign;
  const token = (await ethers.getContractAt("CampaignToken", tokenAddr)) as unknown as CampaignToken;
  return { campaign, token, poolAddr, tx, params };
}

/** A launched ERC-20 (mUSD) campaign, before its start; alice, bob, carol and the operator approved it. */
export async function erc20Campaign() {
  const base = await deployFactory();
  const params = await defaultParams(base, await base.usd.getAddress());
  const { campaign, token } = await createCampaign(base, params);
  await campaign.connect(base.owner).launch();
  for (const who of [base.alice, base.bob, base.carol, base.operator]) {
    await base.usd.connect(who).approve(await campaign.getAddress(), ethers.MaxUint256);
  }
  return { ...base, campaign, token, params };
}

/** A launched native-coin campaign, before its start. */
export async function nativeCampaign() {
  const base = await deployFactory();
  const params = await defaultParams(base, ZERO);
  const { campaign, token } = await createCampaign(base, params);
  await campaign.connect(base.owner).launch();
  return { ...base, campaign, token, params };
}

export { signPermit } from "../../scripts/lib/eip712.js";

/** Deploys a clone of `implementation` whose immutable argument is `arg` (an address), outside the factory. */
export async function bareClone(implementation: string, arg: string): Promise<string> {
  const [deployer] = await ethers.getSigners();
  return deployClone(deployer!, implementation, arg);
}
