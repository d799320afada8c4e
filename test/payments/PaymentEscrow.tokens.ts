import { expect } from "chai";
import { DAY, FEE_BPS, Status, ZERO, deployFixture, divide, ethers, makeIntent, networkHelpers, payIntent } from "./helpers.js";

const { loadFixture, time } = networkHelpers;

describe("PaymentEscrow: non-standard tokens", function () {
  it("USDT-like token (no return values): settle at once, escrow, release, refund, fee withdrawal", async function () {
    const fx = await loadFixture(deployFixture);
    const usdt = await fx.usdt.getAddress();
    const i1 = await makeIntent(fx, { token: usdt, amount: 1_000_000n });
    const d = divide(i1.amount, FEE_BPS, []);
    await expect(payIntent(fx, i1)).to.changeTokenBalances(ethers, fx.usdt, [fx.payer, fx.merchant, fx.escrow], [-i1.amount, d.merchantAmount, d.fee]);
    await fx.escrow.connect(fx.merchant).setReleaseDelay(Number(DAY));
    const i2 = await makeIntent(fx, { token: usdt, amount: 1_000_000n });
    await payIntent(fx, i2);
    await fx.escrow.connect(fx.merchant).refund(i2.id, 400_000n);
    await time.increase(DAY);
    const d2 = divide(600_000n, FEE_BPS, []);
    await expect(fx.escrow.connect(fx.other).release(i2.id)).to.changeTokenBalances(ethers, fx.usdt, [fx.merchant, fx.payer], [d2.merchantAmount, 0n]);
    await fx.escrow.withdrawFees(usdt);
    expect(await fx.usdt.balanceOf(fx.treasury.address)).to.equal(d.fee + d2.fee);
    expect(await fx.usdt.balanceOf(fx.escrowAddress)).to.equal(0n);
  });

  it("fee-on-transfer token is refused with UnsupportedTokenTransfer (settle at once and escrowed)", async function () {
    const fx = await loadFixture(deployFixture);
    const fot = await fx.feeToken.getAddress();
    const i1 = await makeIntent(fx, { token: fot, amount: 10_000n });
    await expect(payIntent(fx, i1)).to.be.revertedWithCustomError(fx.escrow, "UnsupportedTokenTransfer").withArgs(fot, 10_000n, 9_900n);
    await fx.escrow.connect(fx.merchant).setReleaseDelay(Number(DAY));
    await expect(payIntent(fx, i1)).to.be.revertedWithCustomError(fx.escrow, "UnsupportedTokenTransfer").withArgs(fot, 10_000n, 9_900n);
    expect(await fx.escrow.isPaid(i1.id)).to.equal(false);
    expect(await fx.feeToken.balanceOf(fx.escrowAddress)).to.equal(0n);
  });

  describe("reentrant token cannot steal", function () {
    async function heldInReentrant() {
      const fx = await deployFixture();
      await fx.escrow.connect(fx.merchant).setReleaseDelay(Number(DAY));
      const token = await fx.reentrant.getAddress();
      const a = await makeIntent(fx, { token, amount: 1000n });
      const b = await makeIntent(fx, { token, amount: 2000n });
      await payIntent(fx, a);
      await payIntent(fx, b);
      await time.increase(DAY); // both releasable by anyone
      return { fx, token, a, b };
    }

    it("re-entering release during pay reverts the whole payment", async function () {
      const { fx, token, b } = await loadFixture(heldInReentrant);
      const c = await makeIntent(fx, { token, amount: 500n });
      await fx.reentrant.arm(fx.escrowAddress, fx.escrow.interface.encodeFunctionData("release", [b.id]));
      const before = await fx.reentrant.balanceOf(fx.escrowAddress);
      await expect(payIntent(fx, c)).to.be.revertedWithCustomError(fx.escrow, "ReentrancyGuardReentrantCall");
      expect(await fx.reentrant.balanceOf(fx.escrowAddress)).to.equal(before);
      expect((await fx.escrow.payments(b.id)).status).to.equal(Status.Held);
      expect(await fx.escrow.isPaid(c.id)).to.equal(false);
    });

    it("re-entering release during a release: the inner call fails, the push is credited, nothing is paid twice", async function () {
      const { fx, token, a, b } = await loadFixture(heldInReentrant);
      await fx.reentrant.arm(fx.escrowAddress, fx.escrow.interface.encodeFunctionData("release", [b.id]));
      const d = divide(1000n, FEE_BPS, []);
      const tx = fx.escrow.connect(fx.other).release(a.id);
      await expect(tx).to.emit(fx.escrow, "PayoutDeferred").withArgs(a.id, fx.merchant.address, token, d.merchantAmount, d.merchantAmount);
      await expect(tx).to.changeTokenBalances(ethers, fx.reentrant, [fx.merchant, fx.escrow], [0n, 0n]);
      expect((await fx.escrow.payments(b.id)).status).to.equal(Status.Held);
      expect((await fx.escrow.payments(a.id)).status).to.equal(Status.Released);
      // the escrow holds exactly b plus the credits (merchant's part and fee of a)
      expect(await fx.reentrant.balanceOf(fx.escrowAddress)).to.equal(2000n + d.merchantAmount + d.fee);
      expect(await fx.escrow.feesAccrued(token)).to.equal(d.fee);
      expect(await fx.escrow.credits(fx.merchant.address, token)).to.equal(d.merchantAmount);
      // still armed (the failed transfer rolled its disarm back): withdrawing re-enters and fails too
      await expect(fx.escrow.connect(fx.merchant).withdrawCredit(token, fx.merchant.address))
        .to.be.revertedWithCustomError(fx.escrow, "ReentrancyGuardReentrantCall");
      await fx.reentrant.arm(ZERO, "0x");
      await expect(fx.escrow.connect(fx.merchant).withdrawCredit(token, fx.merchant.address))
        .to.changeTokenBalances(ethers, fx.reentrant, [fx.merchant, fx.escrow], [d.merchantAmount, -d.merchantAmount]);
    });

    it("re-entering during a refund: the inner call fails, the refund is credited to the payer", async function () {
      const { fx, token, a, b } = await loadFixture(heldInReentrant);
      await fx.reentrant.arm(fx.escrowAddress, fx.escrow.interface.encodeFunctionData("refund", [b.id, 2000n]));
      const tx = fx.escrow.connect(fx.merchant).refund(a.id, 1000n);
      await expect(tx).to.emit(fx.escrow, "PayoutDeferred").withArgs(a.id, fx.payer.address, token, 1000n, 1000n);
      await expect(tx).to.changeTokenBalances(ethers, fx.reentrant, [fx.payer, fx.escrow], [0n, 0n]);
      expect((await fx.escrow.payments(b.id)).status).to.equal(Status.Held);
      expect((await fx.escrow.payments(a.id)).status).to.equal(Status.Refunded);
      expect(await fx.escrow.credits(fx.payer.address, token)).to.equal(1000n);
    });
  });
});
