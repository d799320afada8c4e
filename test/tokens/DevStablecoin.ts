import { expect } from "chai";
import { network } from "hardhat";
import { signPermit } from "../../scripts/lib/eip712.js";

const { ethers, networkHelpers } = await network.create();

async function deployStablecoin() {
  const [owner, alice, bob] = await ethers.getSigners();
  const usd = await ethers.deployContract("DevStablecoin", [owner.address]);
  return { usd, owner, alice, bob };
}

describe("DevStablecoin", () => {
  it("is a 6-decimal USD token owned by its deployer", async () => {
    const { usd, owner } = await networkHelpers.loadFixture(deployStablecoin);
    expect(await usd.decimals()).to.equal(6n);
    expect(await usd.symbol()).to.equal("cUSD");
    expect(await usd.name()).to.equal("Crowdstake Dev USD");
    expect(await usd.owner()).to.equal(owner.address);
    expect(await usd.totalSupply()).to.equal(0n);
  });

  it("lets the owner mint and emits Transfer from zero", async () => {
    const { usd, alice } = await networkHelpers.loadFixture(deployStablecoin);
    await expect(usd.mint(alice.address, 5_000_000n))
      .to.emit(usd, "Transfer")
      .withArgs(ethers.ZeroAddress, alice.address, 5_000_000n);
    expect(await usd.balanceOf(alice.address)).to.equal(5_000_000n);
  });

  it("refuses minting by anyone else with OwnableUnauthorizedAccount", async () => {
    const { usd, alice } = await networkHelpers.loadFixture(deployStablecoin);
    await expect(usd.connect(alice).mint(alice.address, 1n))
      .to.be.revertedWithCustomError(usd, "OwnableUnauthorizedAccount")
      .withArgs(alice.address);
    expect(await usd.totalSupply()).to.equal(0n);
  });

  it("accepts an EIP-2612 permit signed by the holder", async () => {
    const { usd, alice, bob } = await networkHelpers.loadFixture(deployStablecoin);
    const deadline = (await networkHelpers.time.latest()) + 3600;
    const { v, r, s } = await signPermit(usd, alice, bob.address, 7n, BigInt(deadline));
    await usd.permit(alice.address, bob.address, 7n, deadline, v, r, s);
    expect(await usd.allowance(alice.address, bob.address)).to.equal(7n);
    expect(await usd.nonces(alice.address)).to.equal(1n);
  });
});
