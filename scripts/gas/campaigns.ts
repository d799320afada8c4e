// Gas of the campaign operations (receipt gasUsed, 21,000 intrinsic included). There are no
// DESIGN.md targets for campaigns: this is a benchmark. `npx hardhat run scripts/gas/campaigns.ts`
// prints the table; scripts/gas/report.ts imports `measureCampaigns`.
//
// Audit fixes, before -> after (this scenario):
// - contributeFor marks its onrampRef in the factory's platform-wide registry instead of the
//   campaign's own map (one more call to the already-warm factory and one cold SLOAD of
//   isCampaign): ERC-20 114,641 -> 117,533 (+2,892), native 94,508 -> 97,375 (+2,867).
// - the fee is fixed at launch, not at creation, so the campaign's state slot is first written
//   at launch: createCampaign 582,573 -> 562,071 (-20,502), launch 35,815 -> 59,440 (+23,625).
// - withdraw pays only the owner; sweepFee pays the treasury: ERC-20 96,348 -> 69,987 + 68,134,
//   native 61,874 -> 46,793 + 54,240 (a second transaction, so a rejecting treasury cannot
//   block the owner).
import { network } from "hardhat";
import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";
import type { ContractTransactionResponse } from "ethers";
import { gasOf, type GasRow } from "./types.js";
import { formatGasTable } from "./format.js";
import { signPermit } from "../lib/eip712.js";
import { poolConfig } from "../lib/pool-config.js";

const E18 = 10n ** 18n;
const USD = 10n ** 6n;
const DAY = 86_400n;

export async function measureCampaigns(ethers: HardhatEthers): Promise<GasRow[]> {
  const [admin, owner, alice, bob, operator, treasury] = await ethers.getSigners();
  const rows: GasRow[] = [];
  const row = async (operation: string, tx: Promise<ContractTransactionResponse>) => {
    rows.push({ group: "Campaigns", operation, gas: await gasOf(tx) });
  };
  const now = async () => BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
  const warpTo = async (t: bigint) => {
    await ethers.provider.send("evm_setNextBlockTimestamp", [`0x${t.toString(16)}`]);
    await ethers.provider.send("evm_mine", []);
  };

  const campaignImpl = await ethers.deployContract("Campaign");
  const tokenImpl = await ethers.deployContract("CampaignToken");
  const poolImpl = await ethers.deployContract("StakingPool");
  const factory = await ethers.deployContract("CampaignFactory", [
    admin.address,
    treasury.address,
    250,
    await campaignImpl.getAddress(),
    await tokenImpl.getAddress(),
    await poolImpl.getAddress(),
  ]);
  await factory.grantRole(await factory.CAMPAIGN_CREATOR_ROLE(), admin.address);
  await factory.grantRole(await factory.ONRAMP_OPERATOR_ROLE(), operator.address);
  const usd = await ethers.deployContract("MockERC20", ["Mock USD", "mUSD", 6]);
  const rewards = await ethers.deployContract("MockERC20", ["Reward", "RWD", 18]);
  for (const who of [alice, bob, operator]) await usd.mint(who.address, 1_000_000n * USD);

  const poolSetup = poolConfig({ rewardsToken: await rewards.getAddress(), admin: admin.address });
  const paramsFor = async (asset: string) => {
    const start = (await now()) + 3600n;
    const native = asset === ethers.ZeroAddress;
    const unit = native ? E18 : USD;
    return {
      owner: owner.address,
      start,
      asset,
      end: start + 30n * DAY,
      goal: 1_000n * unit,
      cap: 0n,
      minContribution: 1n * unit,
      maxPerBacker: 0n,
      rate: native ? 1_000n * E18 : 10n ** 30n,
      metadataURI: "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
    };
  };
  const create = async (asset: string, withPool: boolean, label?: string) => {
    const params = await paramsFor(asset);
    const args = [params, "Campaign Token", "CMP", withPool, poolSetup] as const;
    const [address] = await factory.createCampaign.staticCall(...args);
    const tx = factory.createCampaign(...args);
    if (label !== undefined) await row(label, tx);
    else await (await tx).wait();
    const campaign = await ethers.getContractAt("Campaign", address);
    return { campaign, params, address };
  };

  // ---------------------------------------------------------------- creation
  await create(ethers.ZeroAddress, true, "createCampaign with token and staking pool");
  await create(ethers.ZeroAddress, false, "createCampaign with token, no pool");

  // ---------------------------------------------------------------- ERC-20 campaign that succeeds
  {
    const { campaign, params, address } = await create(await usd.getAddress(), false);
    await row("launch", campaign.connect(owner).launch());
    for (const who of [alice, bob, operator]) await usd.connect(who).approve(address, ethers.MaxUint256);
    await warpTo(params.start);
    await row("contribute ERC-20, first by this backer", campaign.connect(alice).contribute(400n * USD));
    await row("contribute ERC-20, repeat by the same backer", campaign.connect(alice).contribute(100n * USD));
    await row("contributeFor (on-ramp operator, ERC-20)", campaign.connect(operator).contributeFor(bob.address, 300n * USD, ethers.id("order-1")));

    // permit: bob signs for the campaign, no prior approval
    const deadline = params.end;
    await usd.connect(bob).approve(address, 0n);
    const { v, r, s } = await signPermit(usd, bob, address, 300n * USD, deadline);
    await row("contributeWithPermit (ERC-20)", campaign.connect(bob).contributeWithPermit(300n * USD, deadline, v, r, s));
    await row("finalize (goal met, early)", campaign.connect(owner).finalize());
    await row("claimTokens", campaign.connect(alice).claimTokens());
    await row("withdraw (owner, ERC-20; fee kept for sweepFee)", campaign.connect(owner).withdraw());
    await row("sweepFee (ERC-20, to the treasury)", campaign.connect(bob).sweepFee());
  }

  // ---------------------------------------------------------------- native campaign that fails
  {
    const { campaign, params } = await create(ethers.ZeroAddress, false);
    await campaign.connect(owner).launch();
    await warpTo(params.start);
    await row("contributeNative, first by this backer", campaign.connect(alice).contributeNative({ value: 5n * E18 }));
    await row("contributeNative, repeat", campaign.connect(alice).contributeNative({ value: 5n * E18 }));
    await row(
      "contributeFor (on-ramp operator, native)",
      campaign.connect(operator).contributeFor(bob.address, 5n * E18, ethers.id("order-2"), { value: 5n * E18 }),
    );
    await warpTo(params.end);
    await row("refund (native)", campaign.connect(alice).refund());
    await row("refundTo (native, another receiver)", campaign.connect(bob).refundTo(alice.address));
  }

  // ---------------------------------------------------------------- ERC-20 refund, native withdraw, cancel
  {
    const { campaign, params, address } = await create(await usd.getAddress(), false);
    await campaign.connect(owner).launch();
    await usd.connect(alice).approve(address, ethers.MaxUint256);
    await warpTo(params.start);
    await campaign.connect(alice).contribute(10n * USD);
    await row("cancel (Active)", campaign.connect(owner).cancel());
    await row("refund (ERC-20)", campaign.connect(alice).refund());
  }
  {
    const { campaign, params } = await create(ethers.ZeroAddress, false);
    await campaign.connect(owner).launch();
    await warpTo(params.start);
    await campaign.connect(alice).contributeNative({ value: params.goal });
    await warpTo(params.end);
    await row("withdraw (owner, native; fee kept for sweepFee)", campaign.connect(owner).withdraw());
    await row("sweepFee (native, to the treasury)", campaign.connect(alice).sweepFee());
  }
  {
    const { campaign, params } = await create(ethers.ZeroAddress, false);
    await campaign.connect(owner).launch();
    await warpTo(params.start);
    await campaign.connect(alice).contributeNative({ value: params.goal });
    await warpTo(params.end);
    await row("withdrawTo (owner, native, another receiver; fee kept)", campaign.connect(owner).withdrawTo(bob.address));
  }
  return rows;
}


if (process.argv.some((arg) => arg.endsWith("scripts/gas/campaigns.ts"))) {
  const { ethers } = await network.create();
  console.log(formatGasTable(await measureCampaigns(ethers)));
}
