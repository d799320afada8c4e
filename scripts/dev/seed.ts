// Demo data for the local stack (`npm start`): cUSD balances for the test accounts, a launched
// campaign with backers and a funded staking pool, and a merchant with an escrow
// window, the platform as an authorised intent signer and one payment held in escrow. Run
// against a fresh local deployment (or the one DEPLOYMENT_JSON names):
//   npx hardhat run --network localhost scripts/dev/seed.ts
import { network } from "hardhat";
import { deployedAddress } from "../lib/connection.js";
import { poolConfig } from "../lib/pool-config.js";
import { escrowDomain, INTENT_TYPES, newPaymentId } from "../lib/eip712.js";

const { ethers } = await network.create();
const [deployer, alice, bob, carol, merchant] = await ethers.getSigners();
const { chainId } = await ethers.provider.getNetwork();
const cusd = (whole: number) => BigInt(whole) * 10n ** 6n;

const stablecoin = await ethers.getContractAt("DevStablecoin", await deployedAddress(chainId, "DevStablecoin"));
const factory = await ethers.getContractAt("CampaignFactory", await deployedAddress(chainId, "CampaignFactory"));
const escrow = await ethers.getContractAt("PaymentEscrow", await deployedAddress(chainId, "PaymentEscrow"));

for (const account of (await ethers.getSigners()).slice(0, 10)) {
  await (await stablecoin.mint(account.address, cusd(100_000))).wait();
}
console.log("minted 100,000 cUSD to each of the first 10 test accounts");

const now = BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
const params = {
  owner: carol.address,
  start: now,
  asset: await stablecoin.getAddress(),
  end: now + 30n * 86_400n,
  goal: cusd(10_000),
  cap: cusd(50_000),
  minContribution: cusd(10),
  maxPerBacker: 0n,
  rate: 10n ** 32n, // 100 SUN (18 decimals) per 1 cUSD (6 decimals)
  metadataURI: "data:application/json,{\"name\":\"Solar Coop\",\"description\":\"Rooftop solar for the neighbourhood\"}",
};
const poolSetup = poolConfig({
  rewardsToken: await stablecoin.getAddress(),
  admin: carol.address,
  rewardsDuration: 30n * 86_400n,
  minStakePeriod: 86_400n,
});
const receipt = await (await factory.createCampaign(params, "Solar Coop", "SUN", true, poolSetup)).wait();
const created = receipt!.logs.map((log) => factory.interface.parseLog(log)).find((log) => log?.name === "CampaignCreated")!;
const campaign = await ethers.getContractAt("Campaign", created.args.campaign);
await (await campaign.connect(carol).launch()).wait();
for (const [backer, amount] of [[alice, cusd(1_500)], [bob, cusd(700)]] as const) {
  await (await stablecoin.connect(backer).approve(await campaign.getAddress(), amount)).wait();
  await (await campaign.connect(backer).contribute(amount)).wait();
}
const pool = await ethers.getContractAt("StakingPool", created.args.pool);
await (await stablecoin.connect(carol).approve(await pool.getAddress(), cusd(1_000))).wait();
await (await pool.connect(carol).notifyRewardAmount(cusd(1_000))).wait();
console.log(`campaign "Solar Coop" ${await campaign.getAddress()} (active, 2,200 cUSD raised), pool ${await pool.getAddress()} (1,000 cUSD rewards)`);

await (await escrow.connect(merchant).setReleaseDelay(86_400)).wait();
await (await escrow.connect(merchant).setSigner(deployer.address, true)).wait();
console.log(`merchant ${merchant.address}: 1-day escrow window, platform signer ${deployer.address} authorised`);

// One payment held in escrow: the merchant signs an intent, alice pays it.
const intent = {
  id: newPaymentId(merchant.address, 1n),
  merchant: merchant.address,
  token: await stablecoin.getAddress(),
  amount: cusd(25),
  deadline: now + 86_400n,
  payer: "0x0000000000000000000000000000000000000000",
  splits: [],
  metadataHash: "0x" + "00".repeat(32),
};
const signature = await merchant.signTypedData(escrowDomain(chainId, await escrow.getAddress()), INTENT_TYPES, intent);
await (await stablecoin.connect(alice).approve(await escrow.getAddress(), intent.amount)).wait();
await (await escrow.connect(alice).pay(intent, signature)).wait();
console.log(`payment ${intent.id}: 25 cUSD from alice held in escrow for the merchant`);
