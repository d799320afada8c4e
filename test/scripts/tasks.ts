import { expect } from "chai";
import hre, { network } from "hardhat";
import LocalModule from "../../deploy/modules/local.js";

// The admin CLIs (Hardhat tasks) on the in-process network: the Ignition module is deployed on
// the shared connection (`network.getOrCreate()`, as the tasks use), then each task is run as
// `npx hardhat …` would run it, and the chain is checked. The same CLIs against a real node and
// the `remote` network are covered by e2e/local-node.test.ts.
const connection = await network.getOrCreate();
const { ethers, ignition } = connection;

const deployed = await ignition.deploy(LocalModule);
const [deployer, , , , merchant, signerKey] = await ethers.getSigners();

async function run(id: string[], args: Record<string, unknown>): Promise<string> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...parts: unknown[]) => lines.push(parts.join(" "));
  try {
    await hre.tasks.getTask(id).run(args);
  } finally {
    console.log = log;
  }
  return lines.join("\n");
}

async function runError(id: string[], args: Record<string, unknown>): Promise<string> {
  try {
    await run(id, args);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error(`${id.join(" ")} did not fail`);
}

const factoryAddress = await deployed.factory.getAddress();
const escrowAddress = await deployed.escrow.getAddress();
const stablecoinAddress = await deployed.stablecoin.getAddress();
const createArgs = {
  factory: factoryAddress,
  asset: stablecoinAddress,
  goal: "2500.5",
  tokensPerUnit: "100",
  tokenName: "Solar Coop",
  tokenSymbol: "SUN",
  start: "+1h",
  end: "+30d",
  withPool: true,
  poolRewardsToken: stablecoinAddress,
  poolDuration: "7d",
};

// The cases run in order on one chain, as an admin would: create → launch → fund → cancel; the
// later ones use the campaign and pool the first one created (campaignAt(0), poolAt(0)).
describe("admin CLIs (Hardhat tasks) on the in-process network", () => {
  it("campaign create makes a campaign with token and pool at the given terms, then launch schedules it", async () => {
    const output = await run(["campaign", "create"], createArgs);
    const campaign = await ethers.getContractAt("Campaign", await deployed.factory.campaignAt(0));
    expect(output).to.include(await campaign.getAddress());
    const params = await campaign.params();
    expect(params.goal).to.equal(2_500_500_000n); // 2,500.5 cUSD, 6 decimals
    expect(params.rate).to.equal(10n ** 32n); // 100 tokens (18 dec) per cUSD (6 dec)
    expect(params.end - params.start).to.equal(30n * 86_400n - 3_600n);
    expect(await campaign.status()).to.equal(0n); // Draft

    const launched = await run(["campaign", "launch"], { campaign: await campaign.getAddress() });
    expect(launched).to.match(/status\s+Scheduled/);
    expect(await campaign.status()).to.equal(1n);
  });

  it("pool fund pulls the rewards and starts a period of the pool's duration", async () => {
    const pool = await ethers.getContractAt("StakingPool", await deployed.factory.poolAt(0));
    await deployed.stablecoin.mint(deployer.address, 7_000_000_000n);
    await run(["pool", "fund"], { pool: await pool.getAddress(), amount: "7000" });
    expect(await deployed.stablecoin.balanceOf(await pool.getAddress())).to.equal(7_000_000_000n);
    expect(await pool.rewardRate()).to.equal(7_000_000_000n / (7n * 86_400n));
  });

  it("campaign cancel ends a scheduled campaign", async () => {
    const address = await deployed.factory.campaignAt(0);
    await run(["campaign", "cancel"], { campaign: address });
    expect(await (await ethers.getContractAt("Campaign", address)).status()).to.equal(5n); // Cancelled
  });

  it("merchant configure sets the release delay and signers of the signing merchant", async () => {
    await run(["merchant", "configure"], {
      signer: "4",
      escrow: escrowAddress,
      releaseDelay: "2d",
      addSigner: signerKey.address,
    });
    expect(await deployed.escrow.releaseDelay(merchant.address)).to.equal(172_800n);
    expect(await deployed.escrow.isSigner(merchant.address, signerKey.address)).to.equal(true);
    await run(["merchant", "configure"], { signer: merchant.address, escrow: escrowAddress, removeSigner: signerKey.address });
    expect(await deployed.escrow.isSigner(merchant.address, signerKey.address)).to.equal(false);
  });

  it("roles grant and revoke change the role on the named contract", async () => {
    const role = ethers.id("ARBITER_ROLE");
    await run(["roles", "grant"], { contract: escrowAddress, role: "ARBITER_ROLE", account: signerKey.address });
    expect(await deployed.escrow.hasRole(role, signerKey.address)).to.equal(true);
    await run(["roles", "revoke"], { contract: escrowAddress, role: "ARBITER_ROLE", account: signerKey.address });
    expect(await deployed.escrow.hasRole(role, signerKey.address)).to.equal(false);
  });

  it("refuses bad options with a message naming the option, and changes nothing", async () => {
    const before = await deployed.factory.campaignCount();
    expect(await runError(["campaign", "create"], { ...createArgs, goal: "" })).to.match(/--goal is required/);
    expect(await runError(["campaign", "create"], { ...createArgs, goal: "1e6" })).to.match(/--goal: "1e6"/);
    expect(await runError(["campaign", "create"], { ...createArgs, goal: "1.1234567" })).to.match(/more than 6 decimals/);
    expect(await runError(["campaign", "create"], { ...createArgs, asset: "0x123" })).to.match(/--asset: "0x123" is not an address/);
    expect(await runError(["campaign", "create"], { ...createArgs, start: "tomorrow" })).to.match(/--start: "tomorrow" is not a time/);
    expect(await runError(["campaign", "create"], { ...createArgs, end: "+0s" })).to.match(/--end .* must be after --start/);
    expect(await runError(["campaign", "create"], { ...createArgs, tokensPerUnit: "lots" })).to.match(/--tokens-per-unit/);
    expect(await runError(["campaign", "create"], { ...createArgs, poolDuration: "1y" })).to.match(/--pool-duration: "1y" is not a duration/);
    expect(await runError(["campaign", "create"], { ...createArgs, signer: "99" })).to.match(/--signer: "99"/);
    expect(await runError(["campaign", "launch"], { campaign: "0x" + "12".repeat(20) })).to.match(/no contract at/);
    expect(await runError(["merchant", "configure"], { escrow: escrowAddress })).to.match(/nothing to do/);
    expect(await runError(["roles", "grant"], { role: "ROOT", account: deployer.address })).to.match(/--role: "ROOT"/);
    expect(await runError(["pool", "fund"], { pool: await deployed.factory.poolAt(0), amount: "999999999" })).to.match(/holds only/);
    expect(await deployed.factory.campaignCount()).to.equal(before);
  });

  it("turns a contract's revert into its custom error", async () => {
    const address = await deployed.factory.campaignAt(0);
    expect(await runError(["campaign", "launch"], { campaign: address })).to.match(/launch was refused by the contract: NotDraft\(5\)/);
    expect(await runError(["campaign", "create"], { ...createArgs, goal: "0" })).to.match(/refused by the contract: InvalidGoal\(\)/);
    expect(await runError(["campaign", "create"], { ...createArgs, signer: "2" })).to.match(/AccessControlUnauthorizedAccount/);
  });
});
