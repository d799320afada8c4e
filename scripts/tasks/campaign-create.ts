// `npx hardhat campaign create`: creates a campaign through the CampaignFactory and prints its
// addresses. Amounts are given in whole units of the asset and converted with its decimals.
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { Contract, ZeroAddress } from "ethers";
import { cliError, parseAddress, parseAmount, parseDuration, parseTime, printReport, required } from "../lib/cli.js";
import { CAMPAIGN_STATUS } from "../lib/campaign-action.js";
import { connect, deployedAddress, send } from "../lib/connection.js";
import { NO_POOL, poolConfig } from "../lib/pool-config.js";

interface Args {
  signer: string;
  factory: string;
  owner: string;
  asset: string;
  goal: string;
  cap: string;
  start: string;
  end: string;
  tokensPerUnit: string;
  min: string;
  maxPerBacker: string;
  metadataUri: string;
  tokenName: string;
  tokenSymbol: string;
  withPool: boolean;
  poolRewardsToken: string;
  poolDuration: string;
  poolLock: string;
  poolCooldown: string;
  poolVesting: string;
  launch: boolean;
}

const WAD = 10n ** 18n;

export default async function createCampaign(args: Args, hre: HardhatRuntimeEnvironment): Promise<void> {
  const { ethers, signer, chainId, chainNow } = await connect(hre, args.signer);
  const tokenName = required("token-name", args.tokenName);
  const tokenSymbol = required("token-symbol", args.tokenSymbol);
  const factory = await ethers.getContractAt("CampaignFactory", await deployedAddress(chainId, "CampaignFactory", args.factory), signer);

  const asset =
    args.asset === "native"
      ? ZeroAddress
      : args.asset === "stablecoin"
        ? await deployedAddress(chainId, "DevStablecoin")
        : parseAddress("asset", args.asset);
  const decimals =
    asset === ZeroAddress
      ? 18
      : Number(await new Contract(asset, ["function decimals() view returns (uint8)"], ethers.provider).decimals());

  const start = parseTime("start", args.start, chainNow);
  const end = parseTime("end", args.end, chainNow);
  if (end <= start) throw cliError(`--end (${end}) must be after --start (${start})`);
  // rate: campaign-token base units per asset base unit, 1e18 fixed point (DESIGN.md)
  const rate = (parseAmount("tokens-per-unit", args.tokensPerUnit, 18) * WAD) / 10n ** BigInt(decimals);
  if (rate === 0n) throw cliError("--tokens-per-unit is too small for this asset: the rate rounds to zero");

  const params = {
    owner: args.owner === "" ? signer.address : parseAddress("owner", args.owner),
    start,
    asset,
    end,
    goal: parseAmount("goal", required("goal", args.goal), decimals),
    cap: parseAmount("cap", args.cap, decimals),
    minContribution: parseAmount("min", args.min, decimals),
    maxPerBacker: parseAmount("max-per-backer", args.maxPerBacker, decimals),
    rate,
    metadataURI: args.metadataUri,
  };
  // the factory sets the pool's staking token to the new campaign token
  const poolSetup = args.withPool
    ? poolConfig({
        rewardsToken:
          args.poolRewardsToken === "stablecoin"
            ? await deployedAddress(chainId, "DevStablecoin")
            : parseAddress("pool-rewards-token", args.poolRewardsToken),
        admin: params.owner,
        rewardsDuration: parseDuration("pool-duration", args.poolDuration),
        minStakePeriod: parseDuration("pool-lock", args.poolLock),
        cooldown: parseDuration("pool-cooldown", args.poolCooldown),
        vestingDuration: parseDuration("pool-vesting", args.poolVesting),
      })
    : NO_POOL;

  const receipt = await send(hre, "createCampaign", () =>
    factory.createCampaign(params, tokenName, tokenSymbol, args.withPool, poolSetup),
  );
  const created = receipt.logs
    .map((log) => factory.interface.parseLog(log))
    .find((parsed) => parsed?.name === "CampaignCreated");
  if (!created) throw cliError(`no CampaignCreated event in transaction ${receipt.hash}`);
  const campaignAddress: string = created.args.campaign;

  const facts: Record<string, string | bigint> = {
    campaign: campaignAddress,
    token: created.args.token,
    pool: created.args.pool === ZeroAddress ? "none" : created.args.pool,
    owner: params.owner,
    asset: asset === ZeroAddress ? "native coin" : asset,
    goal: `${args.goal} (${params.goal} base units)`,
    start: `${start} (${new Date(Number(start) * 1000).toISOString()})`,
    end: `${end} (${new Date(Number(end) * 1000).toISOString()})`,
    rate: rate,
    "create tx": receipt.hash,
  };
  if (args.launch) {
    const campaign = await ethers.getContractAt("Campaign", campaignAddress, signer);
    const launched = await send(hre, "launch", () => campaign.launch());
    facts["launch tx"] = launched.hash;
    facts.status = CAMPAIGN_STATUS[Number(await campaign.status())] ?? "unknown";
  }
  printReport("Campaign created", facts);
}
