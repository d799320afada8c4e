import { expect } from "chai";
import { network } from "hardhat";

const { ethers, networkHelpers } = await network.create();

async function deployHarness() {
  const [payer] = await ethers.getSigners();
  const harness = await ethers.deployContract("ExactTransferHarness");
  const plain = await ethers.deployContract("MockERC20", ["Mock", "MOCK", 18]);
  const usdtLike = await ethers.deployContract("NoReturnToken");
  const feeToken = await ethers.deployContract("FeeOnTransferToken");
  for (const token of [plain, usdtLike, feeToken]) {
    await token.mint(payer.address, 1_000_000n);
    await token.approve(await harness.getAddress(), 1_000_000n);
  }
  return { harness, plain, usdtLike, feeToken, payer };
}

describe("ExactTransfer.pullExact", () => {
  it("moves the exact amount of a standard token", async () => {
    const { harness, plain, payer } = await networkHelpers.loadFixture(deployHarness);
    await expect(harness.pull(await plain.getAddress(), 1_000n)).to.changeTokenBalances(
      ethers,
      plain,
      [payer, harness],
      [-1_000n, 1_000n],
    );
  });

  it("works with a token whose transferFrom returns nothing (USDT-like)", async () => {
    const { harness, usdtLike } = await networkHelpers.loadFixture(deployHarness);
    await harness.pull(await usdtLike.getAddress(), 2_500n);
    expect(await usdtLike.balanceOf(await harness.getAddress())).to.equal(2_500n);
  });

  it("refuses a fee-on-transfer token with UnsupportedTokenTransfer naming what arrived", async () => {
    const { harness, feeToken } = await networkHelpers.loadFixture(deployHarness);
    const token = await feeToken.getAddress();
    await expect(harness.pull(token, 10_000n))
      .to.be.revertedWithCustomError(harness, "UnsupportedTokenTransfer")
      .withArgs(token, 10_000n, 9_900n);
    expect(await feeToken.balanceOf(await harness.getAddress())).to.equal(0n);
  });

  it("refuses a token that lowers the pulling contract's balance with UnsupportedTokenTransfer, not a panic", async () => {
    // The balance can fall during the pull: the token runs its own code inside transferFrom
    // (here: it burns from the receiver, as a negative rebase or an admin seizure would),
    // so balanceAfter < balanceBefore is reachable, and `after - before` would underflow.
    const { harness, payer } = await networkHelpers.loadFixture(deployHarness);
    const shrinking = await ethers.deployContract("ShrinkingToken");
    const token = await shrinking.getAddress();
    const harnessAddr = await harness.getAddress();
    await shrinking.mint(harnessAddr, 1_000n);
    await shrinking.mint(payer.address, 1_000n);
    await shrinking.approve(harnessAddr, 1_000n);
    // the token really lowers the receiver's balance: 1,000 + 100 - 200
    const [, sender, receiver] = await ethers.getSigners();
    await shrinking.mint(sender!.address, 100n);
    await shrinking.mint(receiver!.address, 1_000n);
    await shrinking.connect(sender!).approve(payer.address, 100n);
    await shrinking.transferFrom(sender!.address, receiver!.address, 100n);
    expect(await shrinking.balanceOf(receiver!.address)).to.equal(900n);
    // inside pullExact this is refused with the library's error (before the fix: panic 0x11)
    await expect(harness.pull(token, 100n))
      .to.be.revertedWithCustomError(harness, "UnsupportedTokenTransfer")
      .withArgs(token, 100n, 0n);
    expect(await shrinking.balanceOf(harnessAddr)).to.equal(1_000n);
  });

  it("bubbles up a failing transfer (no allowance) through SafeERC20", async () => {
    const { harness, plain } = await networkHelpers.loadFixture(deployHarness);
    const [, stranger] = await ethers.getSigners();
    await expect(harness.connect(stranger).pull(await plain.getAddress(), 1n)).to.be.revertedWithCustomError(
      plain,
      "ERC20InsufficientAllowance",
    );
  });
});
