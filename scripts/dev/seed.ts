// On-chain demo data for the local stack (`npm start`): something to see and something to do on
// every page of the web app. Run against a fresh local deployment (or the one DEPLOYMENT_JSON names):
//   npx hardhat run --network localhost scripts/dev/seed.ts
//
// Accounts (Hardhat's test accounts; scripts/dev/accounts.ts gives the same roles to `npm start`):
//   #0 deployer: admin, on-ramp operator, platform signer, treasury   #3 carol: owns every campaign
//   #1 alice, #2 bob: backers and stakers (their history is done)    #4 merchant
//   #5 dave: a backer with something left to do on every ended campaign (claim, refunds)
//
// Campaigns, one per state the web app shows:
//   Solar Coop      cUSD  Active     30 days, alice + bob backed it, its pool holds 1,000 cUSD of rewards
//   Open Library    ETH   Active     21 days, native-coin contributions from alice and bob
//   Corner Bakery   cUSD  Successful ended above its goal; alice and bob claimed BREAD and stake it in
//                                    its pool (cooldown 1 day, rewards vest over 7 days); dave has NOT claimed
//   River Cleanup   cUSD  Failed     ended below its goal; alice took her refund, dave has NOT
//   Night Market    cUSD  Cancelled  cancelled by carol; bob took his refund, dave has NOT
//   Harbour Wind    cUSD  Scheduled  launched, opens in 3 days
//   Maker Space     cUSD  Draft      created, not launched
// Payments to the merchant (1-day escrow window, the platform signer authorised): 25 cUSD from
// alice held in escrow, 40 cUSD from bob released (settled), 15 cUSD from carol refunded.
//
// The ended campaigns need the chain's clock: they end an hour after they are created and the seed
// moves the clock (evm_increaseTime) by about 3 hours in all, so the 30-day campaigns stay active
// and the scheduled one stays scheduled.
import { network } from "hardhat";
import type { ContractTransactionResponse } from "ethers";
import { deployedAddress } from "../lib/connection.js";
import { poolConfig, NO_POOL, ZERO_ADDRESS } from "../lib/pool-config.js";
import { escrowDomain, INTENT_TYPES, newPaymentId } from "../lib/eip712.js";

const { ethers } = await network.create();
const [deployer, alice, bob, carol, merchant, dave] = await ethers.getSigners();
const { chainId } = await ethers.provider.getNetwork();
const HOUR = 3_600n;
const DAY = 86_400n;
const cusd = (whole: number) => BigInt(Math.round(whole * 100)) * 10n ** 4n;
const eth = (whole: number) => ethers.parseEther(String(whole));

const stablecoin = await ethers.getContractAt("DevStablecoin", await deployedAddress(chainId, "DevStablecoin"));
const factory = await ethers.getContractAt("CampaignFactory", await deployedAddress(chainId, "CampaignFactory"));
const escrow = await ethers.getContractAt("PaymentEscrow", await deployedAddress(chainId, "PaymentEscrow"));
const cusdAddress = await stablecoin.getAddress();

async function send(what: string, tx: Promise<ContractTransactionResponse>): Promise<void> {
  const receipt = await (await tx).wait();
  if (receipt?.status !== 1) throw new Error(`seed: ${what} failed`);
}

async function chainNow(): Promise<bigint> {
  return BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
}

/** Moves the chain's clock forward and mines a block at the new time. */
async function advance(seconds: bigint): Promise<void> {
  await ethers.provider.send("evm_increaseTime", [Number(seconds)]);
  await ethers.provider.send("evm_mine", []);
}

function metadata(name: string, description: string): string {
  return `data:application/json,${JSON.stringify({ name, description })}`;
}

interface CampaignSpec {
  name: string;
  symbol: string;
  description: string;
  native?: boolean;
  goal: bigint;
  cap?: bigint;
  minContribution: bigint;
  /** whole campaign tokens per whole unit of the asset */
  tokensPerUnit: bigint;
  start: bigint;
  end: bigint;
  pool?: ReturnType<typeof poolConfig>;
  launch: boolean;
}

async function createCampaign(spec: CampaignSpec) {
  const decimals = spec.native ? 18n : 6n;
  const params = {
    owner: carol.address,
    start: spec.start,
    asset: spec.native ? ZERO_ADDRESS : cusdAddress,
    end: spec.end,
    goal: spec.goal,
    cap: spec.cap ?? 0n,
    minContribution: spec.minContribution,
    maxPerBacker: 0n,
    // campaign-token base units per asset base unit, 1e18 fixed point (README, "Decisions")
    rate: (spec.tokensPerUnit * 10n ** 18n * 10n ** 18n) / 10n ** decimals,
    metadataURI: metadata(spec.name, spec.description),
  };
  const receipt = await (await factory.createCampaign(params, spec.name, spec.symbol, spec.pool !== undefined, spec.pool ?? NO_POOL)).wait();
  const created = receipt!.logs.map((log) => factory.interface.parseLog(log)).find((log) => log?.name === "CampaignCreated")!;
  const campaign = await ethers.getContractAt("Campaign", created.args.campaign);
  if (spec.launch) await send(`launch ${spec.name}`, campaign.connect(carol).launch());
  const pool = spec.pool ? await ethers.getContractAt("StakingPool", created.args.pool) : undefined;
  const token = await ethers.getContractAt("CampaignToken", created.args.token);
  return { campaign, pool, token, address: await campaign.getAddress() };
}

type Campaign = Awaited<ReturnType<typeof createCampaign>>["campaign"];

async function backCusd(campaign: Campaign, backer: typeof alice, amount: bigint): Promise<void> {
  await send("approve", stablecoin.connect(backer).approve(await campaign.getAddress(), amount));
  await send("contribute", campaign.connect(backer).contribute(amount));
}

// ------------------------------------------------------------------ balances
for (const account of (await ethers.getSigners()).slice(0, 10)) {
  await send("mint", stablecoin.mint(account.address, cusd(100_000)));
}
console.log("minted 100,000 cUSD to each of the first 10 test accounts");

// ------------------------------------------------------------------ campaigns that end soon
let now = await chainNow();
const bakery = await createCampaign({
  name: "Corner Bakery",
  symbol: "BREAD",
  description: "A wood-fired oven for the corner bakery. Backers get BREAD and can stake it for cUSD rewards.",
  goal: cusd(2_000),
  minContribution: cusd(10),
  tokensPerUnit: 100n,
  start: now,
  end: now + HOUR,
  pool: poolConfig({
    rewardsToken: cusdAddress,
    admin: carol.address,
    rewardsDuration: 30n * DAY,
    minStakePeriod: HOUR,
    cooldown: DAY,
    vestingDuration: 7n * DAY,
  }),
  launch: true,
});
await backCusd(bakery.campaign, alice, cusd(1_200));
await backCusd(bakery.campaign, bob, cusd(800));
await backCusd(bakery.campaign, dave, cusd(400));

const river = await createCampaign({
  name: "River Cleanup",
  symbol: "RIVER",
  description: "Nets and boats to clear the river of plastic. It fell short of its goal: backers can take their refund.",
  goal: cusd(5_000),
  minContribution: cusd(10),
  tokensPerUnit: 10n,
  start: now,
  end: now + HOUR,
  launch: true,
});
await backCusd(river.campaign, alice, cusd(300));
await backCusd(river.campaign, dave, cusd(200));

const market = await createCampaign({
  name: "Night Market",
  symbol: "NIGHT",
  description: "Stalls and lights for a weekly night market. Cancelled by its owner: backers can take their refund.",
  goal: cusd(8_000),
  minContribution: cusd(10),
  tokensPerUnit: 50n,
  start: now,
  end: now + 30n * DAY,
  launch: true,
});
await backCusd(market.campaign, bob, cusd(100));
await backCusd(market.campaign, dave, cusd(250));
await send("cancel Night Market", market.campaign.connect(carol).cancel());
await send("refund", market.campaign.connect(bob).refund());

// ------------------------------------------------------------------ an hour passes: two campaigns end
await advance(HOUR + 60n);
if ((await bakery.campaign.status()) !== 3n || (await river.campaign.status()) !== 4n) {
  throw new Error("seed: Corner Bakery should be Successful and River Cleanup Failed by now");
}
await send("refund", river.campaign.connect(alice).refund());
await send("claim", bakery.campaign.connect(alice).claimTokens());
await send("claim", bakery.campaign.connect(bob).claimTokens());
await send("withdraw", bakery.campaign.connect(carol).withdraw());

// The bakery's pool: 9,000 cUSD of rewards over 30 days, alice and bob stake their BREAD.
const bakeryPool = bakery.pool!;
const bakeryPoolAddress = await bakeryPool.getAddress();
await send("approve", stablecoin.connect(carol).approve(bakeryPoolAddress, cusd(9_000)));
await send("notify rewards", bakeryPool.connect(carol).notifyRewardAmount(cusd(9_000)));
for (const [staker, amount] of [[alice, eth(100_000)], [bob, eth(60_000)]] as const) {
  await send("approve", bakery.token.connect(staker).approve(bakeryPoolAddress, amount));
  await send("stake", bakeryPool.connect(staker).stake(amount));
}

// ------------------------------------------------------------------ two hours pass: rewards accrue
await advance(2n * HOUR);
await send("claim rewards", bakeryPool.connect(alice).getReward()); // they vest over 7 days
await send("request unstake", bakeryPool.connect(bob).requestUnstake(eth(20_000))); // 1-day cooldown
console.log(
  `campaign "Corner Bakery" ${bakery.address} (successful; dave has not claimed), pool ${bakeryPoolAddress}` +
    " (9,000 cUSD rewards; alice and bob stake, alice's claimed rewards vest, bob's unstake cools down)",
);
console.log(`campaign "River Cleanup" ${river.address} (failed; dave has not refunded)`);
console.log(`campaign "Night Market" ${market.address} (cancelled; dave has not refunded)`);

// ------------------------------------------------------------------ campaigns that stay open
now = await chainNow();
const solar = await createCampaign({
  name: "Solar Coop",
  symbol: "SUN",
  description: "Rooftop solar for the neighbourhood",
  goal: cusd(10_000),
  cap: cusd(50_000),
  minContribution: cusd(10),
  tokensPerUnit: 100n,
  start: now,
  end: now + 30n * DAY,
  pool: poolConfig({ rewardsToken: cusdAddress, admin: carol.address, rewardsDuration: 30n * DAY, minStakePeriod: DAY }),
  launch: true,
});
await backCusd(solar.campaign, alice, cusd(1_500));
await backCusd(solar.campaign, bob, cusd(700));
await send("approve", stablecoin.connect(carol).approve(await solar.pool!.getAddress(), cusd(1_000)));
await send("notify rewards", solar.pool!.connect(carol).notifyRewardAmount(cusd(1_000)));
console.log(`campaign "Solar Coop" ${solar.address} (active, 2,200 cUSD raised), pool ${await solar.pool!.getAddress()} (1,000 cUSD rewards)`);

const library = await createCampaign({
  name: "Open Library",
  symbol: "BOOK",
  description: "A lending library open to everyone, funded in ETH.",
  native: true,
  goal: eth(20),
  minContribution: eth(0.01),
  tokensPerUnit: 1_000n,
  start: now,
  end: now + 21n * DAY,
  launch: true,
});
await send("contribute", library.campaign.connect(alice).contributeNative({ value: eth(3) }));
await send("contribute", library.campaign.connect(bob).contributeNative({ value: eth(1.5) }));
console.log(`campaign "Open Library" ${library.address} (active, native coin, 4.5 ETH raised)`);

const harbour = await createCampaign({
  name: "Harbour Wind",
  symbol: "WIND",
  description: "A community wind turbine at the harbour. Opens in three days.",
  goal: cusd(25_000),
  minContribution: cusd(25),
  tokensPerUnit: 20n,
  start: now + 3n * DAY,
  end: now + 33n * DAY,
  launch: true,
});
console.log(`campaign "Harbour Wind" ${harbour.address} (scheduled, opens in 3 days)`);

const maker = await createCampaign({
  name: "Maker Space",
  symbol: "MAKE",
  description: "Tools and a workshop for the neighbourhood. Still a draft: carol may change it before launch.",
  goal: cusd(12_000),
  minContribution: cusd(10),
  tokensPerUnit: 100n,
  start: now + 7n * DAY,
  end: now + 37n * DAY,
  launch: false,
});
console.log(`campaign "Maker Space" ${maker.address} (draft)`);

// ------------------------------------------------------------------ the merchant
await send("release delay", escrow.connect(merchant).setReleaseDelay(Number(DAY)));
await send("authorise signer", escrow.connect(merchant).setSigner(deployer.address, true));
console.log(`merchant ${merchant.address}: 1-day escrow window, platform signer ${deployer.address} authorised`);

const escrowAddress = await escrow.getAddress();
async function pay(payer: typeof alice, amount: bigint, salt: bigint, order: string): Promise<string> {
  const intent = {
    id: newPaymentId(merchant.address, salt),
    merchant: merchant.address,
    token: cusdAddress,
    amount,
    deadline: (await chainNow()) + DAY,
    payer: ZERO_ADDRESS,
    splits: [],
    metadataHash: ethers.keccak256(ethers.toUtf8Bytes(JSON.stringify({ order }))),
  };
  const signature = await merchant.signTypedData(escrowDomain(chainId, escrowAddress), INTENT_TYPES, intent);
  await send("approve", stablecoin.connect(payer).approve(escrowAddress, amount));
  await send("pay", escrow.connect(payer).pay(intent, signature));
  return intent.id;
}
const held = await pay(alice, cusd(25), 1n, "demo-held");
const released = await pay(bob, cusd(40), 2n, "demo-released");
await send("release", escrow.connect(merchant).release(released));
const refunded = await pay(carol, cusd(15), 3n, "demo-refunded");
await send("refund", escrow.connect(merchant).refund(refunded, cusd(15)));
console.log(`payments: ${held} 25 cUSD from alice held in escrow; ${released} 40 cUSD from bob released; ${refunded} 15 cUSD from carol refunded`);

// Ponder indexes the last 30 blocks of a chain it does not know one by one, and everything before
// them in one backfill: 30 empty blocks put the whole seed in the fast path. (One evm_mine each:
// the blocks of a single hardhat_mine call confuse Ponder's reorg check.)
for (let block = 0; block < 30; block++) await ethers.provider.send("evm_mine", []);
