import { expect } from "chai";
import {
  DAY, FEE_BPS, Status, ZERO, deployFixture, divide, ethers, makeIntent, networkHelpers, payIntent, sign,
  type Fixture, type Intent,
} from "./helpers.js";

const { loadFixture, time } = networkHelpers;

async function escrowedFixture() {
  const fx = await deployFixture();
  await fx.escrow.connect(fx.merchant).setReleaseDelay(Number(DAY));
  return fx;
}

async function payHeld(fx: Fixture, over: Partial<Intent> = {}) {
  const intent = await makeIntent(fx, over);
  await payIntent(fx, intent);
  const paidAt = BigInt(await time.latest());
  return { intent, paidAt, releaseAt: paidAt + DAY };
}

describe("PaymentEscrow: settlement, release, refunds, disputes, admin", function () {
  describe("settle at once (release delay 0)", function () {
    it("ERC-20: pays merchant and splits, credits the fee, emits Received and Released with the amounts", async function () {
      const fx = await loadFixture(deployFixture);
      const splits = [{ recipient: fx.split1.address, bps: 1000 }, { recipient: fx.split2.address, bps: 333 }];
      const intent = await makeIntent(fx, { amount: 1_000_003n, splits });
      const d = divide(intent.amount, FEE_BPS, splits);
      const tx = payIntent(fx, intent);
      await expect(tx).to.changeTokenBalances(ethers, fx.token,
        [fx.payer, fx.merchant, fx.split1, fx.split2, fx.escrow],
        [-intent.amount, d.merchantAmount, d.splitAmounts[0], d.splitAmounts[1], d.fee]);
      await expect(tx).to.emit(fx.escrow, "PaymentReleased")
        .withArgs(intent.id, fx.merchant.address, d.merchantAmount, d.fee, d.splitAmounts);
      const now = await time.latest();
      await expect(tx).to.emit(fx.escrow, "PaymentReceived").withArgs(
        intent.id, fx.merchant.address, fx.payer.address, fx.tokenAddress, intent.amount, now, FEE_BPS, intent.metadataHash,
        splits.map((s) => [s.recipient, s.bps]));
      expect(d.merchantAmount + d.fee + d.splitAmounts[0] + d.splitAmounts[1]).to.equal(intent.amount);
      expect(await fx.escrow.feesAccrued(fx.tokenAddress)).to.equal(d.fee);
      const p = await fx.escrow.payments(intent.id);
      expect(p.status).to.equal(Status.Released);
      expect(p.payer).to.equal(fx.payer.address);
      expect(p.releaseAt).to.equal(BigInt(now));
      expect(p.feeBps).to.equal(FEE_BPS);
      expect(p.amount).to.equal(0n);
      expect(p.merchant).to.equal(ZERO);
      expect(await fx.escrow.paymentSplits(intent.id)).to.deep.equal([]);
      // nothing left to release or refund
      await expect(fx.escrow.connect(fx.merchant).release(intent.id))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidStatus").withArgs(intent.id, Status.Released);
    });

    it("native: pays merchant and splits, credits the fee; with fee 0 nothing is credited", async function () {
      const fx = await loadFixture(deployFixture);
      const splits = [{ recipient: fx.split1.address, bps: 2500 }];
      const intent = await makeIntent(fx, { token: ZERO, amount: 999_999n, splits });
      const d = divide(intent.amount, FEE_BPS, splits);
      await expect(payIntent(fx, intent)).to.changeEtherBalances(ethers,
        [fx.merchant, fx.split1, fx.escrow], [d.merchantAmount, d.splitAmounts[0], d.fee]);
      await fx.escrow.connect(fx.admin).setFee(0);
      const i2 = await makeIntent(fx, { token: ZERO, amount: 1000n });
      await expect(payIntent(fx, i2)).to.changeEtherBalances(ethers, [fx.merchant, fx.escrow], [1000n, 0n]);
      expect(await fx.escrow.feesAccrued(ZERO)).to.equal(d.fee);
    });
  });

  describe("escrow and release", function () {
    it("holds the funds with releaseAt = paidAt + delay and stores merchant, token, amount, splits", async function () {
      const fx = await loadFixture(escrowedFixture);
      const splits = [{ recipient: fx.split1.address, bps: 1234 }];
      const intent = await makeIntent(fx, { splits });
      const tx = payIntent(fx, intent);
      await expect(tx).to.changeTokenBalances(ethers, fx.token, [fx.payer, fx.escrow, fx.merchant], [-intent.amount, intent.amount, 0n]);
      await expect(tx).to.emit(fx.escrow, "TokenRegistered").withArgs(fx.tokenAddress, 1);
      await expect(tx).to.not.emit(fx.escrow, "PaymentReleased");
      const paidAt = BigInt(await time.latest());
      const p = await fx.escrow.payments(intent.id);
      expect(p.status).to.equal(Status.Held);
      expect(p.merchant).to.equal(fx.merchant.address);
      expect(p.token).to.equal(fx.tokenAddress);
      expect(p.payer).to.equal(fx.payer.address);
      expect(p.amount).to.equal(intent.amount);
      expect(p.releaseAt).to.equal(paidAt + DAY);
      expect(p.splitCount).to.equal(1n);
      expect((await fx.escrow.paymentSplits(intent.id)).map((s) => [s.recipient, s.bps])).to.deep.equal([[fx.split1.address, 1234n]]);
      // a second payment in the same token does not register it again
      await expect(payIntent(fx, await makeIntent(fx))).to.not.emit(fx.escrow, "TokenRegistered");
    });

    it("the merchant may release at any time", async function () {
      const fx = await loadFixture(escrowedFixture);
      const splits = [{ recipient: fx.split1.address, bps: 700 }, { recipient: fx.split2.address, bps: 1 }];
      const { intent } = await payHeld(fx, { splits, amount: 123_456_789n });
      const d = divide(intent.amount, FEE_BPS, splits);
      const tx = fx.escrow.connect(fx.merchant).release(intent.id);
      await expect(tx).to.emit(fx.escrow, "PaymentReleased")
        .withArgs(intent.id, fx.merchant.address, d.merchantAmount, d.fee, d.splitAmounts);
      await expect(tx).to.changeTokenBalances(ethers, fx.token, [fx.merchant, fx.split1, fx.split2, fx.escrow],
        [d.merchantAmount, d.splitAmounts[0], d.splitAmounts[1], -(intent.amount - d.fee)]);
      const p = await fx.escrow.payments(intent.id);
      expect(p.status).to.equal(Status.Released);
      expect(p.amount).to.equal(0n);
      expect(p.splitCount).to.equal(0n);
      expect(p.token).to.equal(fx.tokenAddress);
      expect(await fx.escrow.paymentSplits(intent.id)).to.deep.equal([]);
      await expect(fx.escrow.connect(fx.merchant).release(intent.id))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidStatus").withArgs(intent.id, Status.Released);
    });

    it("others may release exactly from releaseAt, not one second before", async function () {
      const fx = await loadFixture(escrowedFixture);
      const { intent, releaseAt } = await payHeld(fx);
      await time.setNextBlockTimestamp(releaseAt - 1n);
      await expect(fx.escrow.connect(fx.other).release(intent.id))
        .to.be.revertedWithCustomError(fx.escrow, "NotMerchant").withArgs(intent.id);
      await time.setNextBlockTimestamp(releaseAt);
      await expect(fx.escrow.connect(fx.other).release(intent.id)).to.emit(fx.escrow, "PaymentReleased");
    });

    it("release of an unknown id fails", async function () {
      const fx = await loadFixture(escrowedFixture);
      const id = ethers.keccak256("0x99");
      await expect(fx.escrow.release(id)).to.be.revertedWithCustomError(fx.escrow, "InvalidStatus").withArgs(id, Status.None);
      expect(await fx.escrow.isPaid(id)).to.equal(false);
    });

    it("native escrow: release pays merchant and credits fee", async function () {
      const fx = await loadFixture(escrowedFixture);
      const { intent } = await payHeld(fx, { token: ZERO, amount: 10_001n });
      const p = await fx.escrow.payments(intent.id);
      expect(p.token).to.equal(ZERO);
      const d = divide(intent.amount, FEE_BPS, []);
      await expect(fx.escrow.connect(fx.merchant).release(intent.id))
        .to.changeEtherBalances(ethers, [fx.escrow, fx.other], [-d.merchantAmount, 0n]);
      expect(await fx.escrow.feesAccrued(ZERO)).to.equal(d.fee);
    });

    it("the fee rate is snapshotted at pay time", async function () {
      const fx = await loadFixture(escrowedFixture);
      const { intent } = await payHeld(fx, { amount: 10_000n });
      await fx.escrow.connect(fx.admin).setFee(1000);
      await fx.escrow.connect(fx.merchant).release(intent.id);
      expect(await fx.escrow.feesAccrued(fx.tokenAddress)).to.equal((10_000n * FEE_BPS) / 10_000n);
      const { intent: i2 } = await payHeld(fx, { amount: 10_000n });
      expect((await fx.escrow.payments(i2.id)).feeBps).to.equal(1000n);
    });

    it("the release delay is snapshotted at pay time", async function () {
      const fx = await loadFixture(escrowedFixture);
      const { intent, releaseAt } = await payHeld(fx);
      await fx.escrow.connect(fx.merchant).setReleaseDelay(0);
      expect((await fx.escrow.payments(intent.id)).releaseAt).to.equal(releaseAt);
      await expect(fx.escrow.connect(fx.other).release(intent.id)).to.be.revertedWithCustomError(fx.escrow, "NotMerchant");
    });
  });

  describe("refunds", function () {
    it("partial then full refund to the payer of record", async function () {
      const fx = await loadFixture(escrowedFixture);
      const { intent } = await payHeld(fx, { amount: 1000n });
      await expect(fx.escrow.connect(fx.merchant).refund(intent.id, 300n))
        .to.emit(fx.escrow, "PaymentRefunded").withArgs(intent.id, fx.payer.address, 300n, 700n);
      let p = await fx.escrow.payments(intent.id);
      expect(p.status).to.equal(Status.Held);
      expect(p.amount).to.equal(700n);
      const tx = fx.escrow.connect(fx.merchant).refund(intent.id, 700n);
      await expect(tx).to.emit(fx.escrow, "PaymentRefunded").withArgs(intent.id, fx.payer.address, 700n, 0n);
      await expect(tx).to.changeTokenBalances(ethers, fx.token, [fx.payer, fx.escrow], [700n, -700n]);
      p = await fx.escrow.payments(intent.id);
      expect(p.status).to.equal(Status.Refunded);
      expect(p.amount).to.equal(0n);
      await expect(fx.escrow.connect(fx.merchant).refund(intent.id, 1n))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidStatus").withArgs(intent.id, Status.Refunded);
      await expect(fx.escrow.connect(fx.merchant).release(intent.id))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidStatus").withArgs(intent.id, Status.Refunded);
    });

    it("partial refund then release settles only the rest (fee and splits on the rest)", async function () {
      const fx = await loadFixture(escrowedFixture);
      const splits = [{ recipient: fx.split1.address, bps: 3333 }];
      const { intent } = await payHeld(fx, { amount: 100_000n, splits });
      await fx.escrow.connect(fx.merchant).refund(intent.id, 40_001n);
      const d = divide(59_999n, FEE_BPS, splits);
      await expect(fx.escrow.connect(fx.merchant).release(intent.id)).to.emit(fx.escrow, "PaymentReleased")
        .withArgs(intent.id, fx.merchant.address, d.merchantAmount, d.fee, d.splitAmounts);
      expect(await fx.token.balanceOf(fx.escrowAddress)).to.equal(d.fee);
    });

    it("only the merchant, a non-zero amount, at most what is held", async function () {
      const fx = await loadFixture(escrowedFixture);
      const { intent } = await payHeld(fx, { amount: 1000n });
      await expect(fx.escrow.connect(fx.other).refund(intent.id, 1n))
        .to.be.revertedWithCustomError(fx.escrow, "NotMerchant").withArgs(intent.id);
      await expect(fx.escrow.connect(fx.merchant).refund(intent.id, 0n)).to.be.revertedWithCustomError(fx.escrow, "ZeroAmount");
      await expect(fx.escrow.connect(fx.merchant).refund(intent.id, 1001n))
        .to.be.revertedWithCustomError(fx.escrow, "ExceedsHeld").withArgs(1001n, 1000n);
      const unknown = ethers.keccak256("0x77");
      await expect(fx.escrow.connect(fx.merchant).refund(unknown, 1n))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidStatus").withArgs(unknown, Status.None);
    });

    it("native refund goes to the payer of record", async function () {
      const fx = await loadFixture(escrowedFixture);
      const { intent } = await payHeld(fx, { token: ZERO, amount: 5000n });
      await expect(fx.escrow.connect(fx.merchant).refund(intent.id, 5000n))
        .to.changeEtherBalances(ethers, [fx.payer, fx.escrow], [5000n, -5000n]);
    });
  });

  describe("disputes", function () {
    it("the payer opens a dispute before releaseAt; it freezes release; not at or after releaseAt", async function () {
      const fx = await loadFixture(escrowedFixture);
      const { intent, releaseAt } = await payHeld(fx);
      await expect(fx.escrow.connect(fx.other).openDispute(intent.id))
        .to.be.revertedWithCustomError(fx.escrow, "NotPayer").withArgs(intent.id);
      await time.setNextBlockTimestamp(releaseAt - 1n);
      await expect(fx.escrow.connect(fx.payer).openDispute(intent.id))
        .to.emit(fx.escrow, "DisputeOpened").withArgs(intent.id, fx.payer.address);
      expect((await fx.escrow.payments(intent.id)).status).to.equal(Status.Disputed);
      await expect(fx.escrow.connect(fx.payer).openDispute(intent.id))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidStatus").withArgs(intent.id, Status.Disputed);
      await expect(fx.escrow.connect(fx.merchant).release(intent.id))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidStatus").withArgs(intent.id, Status.Disputed);
      await time.increase(DAY * 10n);
      await expect(fx.escrow.connect(fx.other).release(intent.id))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidStatus").withArgs(intent.id, Status.Disputed);

      const { intent: i2, releaseAt: r2 } = await payHeld(fx);
      await time.setNextBlockTimestamp(r2);
      await expect(fx.escrow.connect(fx.payer).openDispute(i2.id))
        .to.be.revertedWithCustomError(fx.escrow, "DisputeWindowClosed").withArgs(r2);
      const unknown = ethers.keccak256("0x55");
      await expect(fx.escrow.connect(fx.payer).openDispute(unknown))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidStatus").withArgs(unknown, Status.None);
    });

    it("a payment settled at once cannot be disputed", async function () {
      const fx = await loadFixture(deployFixture);
      const intent = await makeIntent(fx);
      await payIntent(fx, intent);
      await expect(fx.escrow.connect(fx.payer).openDispute(intent.id))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidStatus").withArgs(intent.id, Status.Released);
    });

    it("the arbiter splits it: payer share back, the rest settled with fee and splits", async function () {
      const fx = await loadFixture(escrowedFixture);
      const splits = [{ recipient: fx.split1.address, bps: 1500 }];
      const { intent } = await payHeld(fx, { amount: 77_777n, splits });
      await fx.escrow.connect(fx.payer).openDispute(intent.id);
      await expect(fx.escrow.connect(fx.other).resolveDispute(intent.id, 1n))
        .to.be.revertedWithCustomError(fx.escrow, "AccessControlUnauthorizedAccount")
        .withArgs(fx.other.address, await fx.escrow.ARBITER_ROLE());
      await expect(fx.escrow.connect(fx.arbiter).resolveDispute(intent.id, 77_778n))
        .to.be.revertedWithCustomError(fx.escrow, "ExceedsHeld").withArgs(77_778n, 77_777n);
      const d = divide(77_777n - 30_000n, FEE_BPS, splits);
      const tx = fx.escrow.connect(fx.arbiter).resolveDispute(intent.id, 30_000n);
      await expect(tx).to.emit(fx.escrow, "DisputeResolved").withArgs(intent.id, fx.arbiter.address, 30_000n, 47_777n);
      await expect(tx).to.emit(fx.escrow, "PaymentReleased")
        .withArgs(intent.id, fx.merchant.address, d.merchantAmount, d.fee, d.splitAmounts);
      await expect(tx).to.changeTokenBalances(ethers, fx.token, [fx.payer, fx.merchant, fx.split1],
        [30_000n, d.merchantAmount, d.splitAmounts[0]]);
      expect((await fx.escrow.payments(intent.id)).status).to.equal(Status.Resolved);
      await expect(fx.escrow.connect(fx.arbiter).resolveDispute(intent.id, 0n))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidStatus").withArgs(intent.id, Status.Resolved);
    });

    it("resolve all to the payer (no release event) or all to the merchant side", async function () {
      const fx = await loadFixture(escrowedFixture);
      const { intent } = await payHeld(fx, { amount: 500n });
      await expect(fx.escrow.connect(fx.arbiter).resolveDispute(intent.id, 0n))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidStatus").withArgs(intent.id, Status.Held);
      await fx.escrow.connect(fx.payer).openDispute(intent.id);
      const tx = fx.escrow.connect(fx.arbiter).resolveDispute(intent.id, 500n);
      await expect(tx).to.emit(fx.escrow, "DisputeResolved").withArgs(intent.id, fx.arbiter.address, 500n, 0n);
      await expect(tx).to.not.emit(fx.escrow, "PaymentReleased");
      await expect(tx).to.changeTokenBalances(ethers, fx.token, [fx.payer, fx.merchant], [500n, 0n]);

      const { intent: i2 } = await payHeld(fx, { amount: 500n });
      await fx.escrow.connect(fx.payer).openDispute(i2.id);
      const d = divide(500n, FEE_BPS, []);
      const tx2 = fx.escrow.connect(fx.arbiter).resolveDispute(i2.id, 0n);
      await expect(tx2).to.changeTokenBalances(ethers, fx.token, [fx.payer, fx.merchant], [0n, d.merchantAmount]);
      await expect(tx2).to.not.emit(fx.escrow, "PaymentRefunded");
    });

    it("the merchant may still refund a disputed payment (partly: stays disputed; fully: refunded)", async function () {
      const fx = await loadFixture(escrowedFixture);
      const { intent } = await payHeld(fx, { amount: 900n });
      await fx.escrow.connect(fx.payer).openDispute(intent.id);
      await fx.escrow.connect(fx.merchant).refund(intent.id, 100n);
      expect((await fx.escrow.payments(intent.id)).status).to.equal(Status.Disputed);
      await expect(fx.escrow.connect(fx.arbiter).resolveDispute(intent.id, 801n))
        .to.be.revertedWithCustomError(fx.escrow, "ExceedsHeld").withArgs(801n, 800n);
      await fx.escrow.connect(fx.merchant).refund(intent.id, 800n);
      expect((await fx.escrow.payments(intent.id)).status).to.equal(Status.Refunded);
    });
  });

  describe("merchant and admin configuration", function () {
    it("setReleaseDelay: bounded, evented", async function () {
      const fx = await loadFixture(deployFixture);
      const max = 90n * DAY;
      await expect(fx.escrow.connect(fx.merchant).setReleaseDelay(max))
        .to.emit(fx.escrow, "ReleaseDelaySet").withArgs(fx.merchant.address, max);
      expect(await fx.escrow.releaseDelay(fx.merchant.address)).to.equal(max);
      await expect(fx.escrow.connect(fx.merchant).setReleaseDelay(max + 1n))
        .to.be.revertedWithCustomError(fx.escrow, "ReleaseDelayTooLong").withArgs(max + 1n, max);
    });

    it("setFee and setTreasury: admin only, bounded, evented; accrued fees are swept to the current treasury", async function () {
      const fx = await loadFixture(deployFixture);
      const adminRole = await fx.escrow.DEFAULT_ADMIN_ROLE();
      await expect(fx.escrow.connect(fx.other).setFee(1)).to.be.revertedWithCustomError(fx.escrow, "AccessControlUnauthorizedAccount")
        .withArgs(fx.other.address, adminRole);
      await expect(fx.escrow.connect(fx.other).setTreasury(fx.other.address))
        .to.be.revertedWithCustomError(fx.escrow, "AccessControlUnauthorizedAccount").withArgs(fx.other.address, adminRole);
      await expect(fx.escrow.setFee(1001)).to.be.revertedWithCustomError(fx.escrow, "FeeTooHigh").withArgs(1001, 1000);
      await expect(fx.escrow.setFee(1000)).to.emit(fx.escrow, "FeeSet").withArgs(FEE_BPS, 1000);
      expect(await fx.escrow.feeBps()).to.equal(1000n);
      await payIntent(fx, await makeIntent(fx, { amount: 1000n }));
      expect(await fx.escrow.feesAccrued(fx.tokenAddress)).to.equal(100n);
      await expect(fx.escrow.setTreasury(ZERO)).to.be.revertedWithCustomError(fx.escrow, "ZeroAddress");
      await expect(fx.escrow.setTreasury(fx.other.address)).to.emit(fx.escrow, "TreasurySet").withArgs(fx.treasury.address, fx.other.address);
      expect(await fx.escrow.treasury()).to.equal(fx.other.address);
      // anyone may sweep; the fees go to the treasury of the moment
      const tx = fx.escrow.connect(fx.payer).withdrawFees(fx.tokenAddress);
      await expect(tx).to.emit(fx.escrow, "FeesWithdrawn").withArgs(fx.tokenAddress, fx.other.address, 100n);
      await expect(tx).to.changeTokenBalances(ethers, fx.token, [fx.other, fx.treasury, fx.payer, fx.escrow], [100n, 0n, 0n, -100n]);
      expect(await fx.escrow.feesAccrued(fx.tokenAddress)).to.equal(0n);
      await expect(fx.escrow.withdrawFees(fx.tokenAddress)).to.be.revertedWithCustomError(fx.escrow, "NothingToWithdraw");
    });

    it("roles are managed by the admin", async function () {
      const fx = await loadFixture(deployFixture);
      const op = await fx.escrow.OPERATOR_ROLE();
      const arb = await fx.escrow.ARBITER_ROLE();
      expect(op).to.equal(ethers.id("OPERATOR_ROLE"));
      expect(arb).to.equal(ethers.id("ARBITER_ROLE"));
      await expect(fx.escrow.connect(fx.other).grantRole(op, fx.other.address)).to.be.revertedWithCustomError(fx.escrow, "AccessControlUnauthorizedAccount");
      await fx.escrow.revokeRole(op, fx.operator.address);
      const intent = await makeIntent(fx);
      await expect(fx.escrow.connect(fx.operator).payFor(intent, await sign(fx, fx.merchant, intent), fx.payer.address, ethers.id("r")))
        .to.be.revertedWithCustomError(fx.escrow, "AccessControlUnauthorizedAccount");
    });
  });

  describe("failed pushes are credited, never block, and are withdrawable", function () {
    it("a contract merchant that refuses the native coin: credited on release, withdrawn to another address", async function () {
      const fx = await loadFixture(deployFixture);
      const cm = (await ethers.deployContract("MockContractMerchant", [fx.merchant.address])).connect(fx.merchant);
      const cmAddress = await cm.getAddress();
      await cm.getFunction("exec")(fx.escrowAddress, fx.escrow.interface.encodeFunctionData("setReleaseDelay", [Number(DAY)]));
      await cm.getFunction("setAcceptNative")(false);
      const intent = await makeIntent(fx, { merchant: cmAddress, token: ZERO, amount: 10_000n });
      await fx.escrow.connect(fx.payer).pay(intent, await sign(fx, fx.merchant, intent), { value: intent.amount });
      const d = divide(intent.amount, FEE_BPS, []);
      await time.increase(DAY);
      const tx = fx.escrow.connect(fx.other).release(intent.id);
      await expect(tx).to.emit(fx.escrow, "PayoutDeferred").withArgs(intent.id, cmAddress, ZERO, d.merchantAmount, d.merchantAmount);
      await expect(tx).to.changeEtherBalances(ethers, [cmAddress, fx.escrow], [0n, 0n]);
      expect(await fx.escrow.credits(cmAddress, ZERO)).to.equal(d.merchantAmount);
      // withdrawing to itself still fails (NativeTransferFailed), to another address works
      const wd = (to: string) => cm.getFunction("exec")(fx.escrowAddress, fx.escrow.interface.encodeFunctionData("withdrawCredit", [ZERO, to]));
      await expect(wd(cmAddress)).to.be.revertedWithCustomError(fx.escrow, "NativeTransferFailed").withArgs(cmAddress, d.merchantAmount);
      await expect(wd(ZERO)).to.be.revertedWithCustomError(fx.escrow, "ZeroAddress");
      await expect(wd(fx.other.address)).to.changeEtherBalances(ethers, [fx.other, fx.escrow], [d.merchantAmount, -d.merchantAmount]);
      expect(await fx.escrow.credits(cmAddress, ZERO)).to.equal(0n);
      await expect(wd(fx.other.address)).to.be.revertedWithCustomError(fx.escrow, "NothingToWithdraw");
    });

    it("a split recipient that burns all gas is credited; the settle-at-once payment still goes through", async function () {
      const fx = await loadFixture(deployFixture);
      const burner = await ethers.deployContract("MockGasBurner");
      const burnerAddress = await burner.getAddress();
      const splits = [{ recipient: burnerAddress, bps: 5000 }];
      const intent = await makeIntent(fx, { token: ZERO, amount: 20_000n, splits });
      const d = divide(intent.amount, FEE_BPS, splits);
      const tx = payIntent(fx, intent);
      await expect(tx).to.emit(fx.escrow, "PayoutDeferred").withArgs(intent.id, burnerAddress, ZERO, d.splitAmounts[0], d.splitAmounts[0]);
      await expect(tx).to.changeEtherBalances(ethers, [fx.merchant, burnerAddress], [d.merchantAmount, 0n]);
      // a second deferral adds to the credit
      const intent2 = await makeIntent(fx, { token: ZERO, amount: 20_000n, splits });
      await expect(payIntent(fx, intent2)).to.emit(fx.escrow, "PayoutDeferred")
        .withArgs(intent2.id, burnerAddress, ZERO, d.splitAmounts[0], 2n * d.splitAmounts[0]);
    });

    it("a native refund to a payer that refuses it is credited", async function () {
      const fx = await loadFixture(escrowedFixture);
      const cm = await ethers.deployContract("MockContractMerchant", [fx.other.address]);
      const cmAddress = await cm.getAddress();
      const intent = await makeIntent(fx, { token: ZERO, amount: 700n, payer: cmAddress });
      const sig = await sign(fx, fx.merchant, intent);
      await fx.escrow.connect(fx.operator).payFor(intent, sig, cmAddress, ethers.id("ref-cm"), { value: 700n });
      await cm.getFunction("setAcceptNative")(false);
      await expect(fx.escrow.connect(fx.merchant).refund(intent.id, 700n))
        .to.emit(fx.escrow, "PayoutDeferred").withArgs(intent.id, cmAddress, ZERO, 700n, 700n);
      expect(await fx.escrow.credits(cmAddress, ZERO)).to.equal(700n);
    });

    it("native fees are swept to the treasury; a treasury refusing the native coin makes the sweep revert (fees stay)", async function () {
      const fx = await loadFixture(deployFixture);
      await payIntent(fx, await makeIntent(fx, { token: ZERO, amount: 10_000n }));
      const fee = (10_000n * FEE_BPS) / 10_000n;
      const refuser = await ethers.deployContract("MockContractMerchant", [fx.admin.address]);
      await refuser.getFunction("setAcceptNative")(false);
      await fx.escrow.setTreasury(await refuser.getAddress());
      await expect(fx.escrow.withdrawFees(ZERO)).to.be.revertedWithCustomError(fx.escrow, "NativeTransferFailed")
        .withArgs(await refuser.getAddress(), fee);
      expect(await fx.escrow.feesAccrued(ZERO)).to.equal(fee);
      await fx.escrow.setTreasury(fx.treasury.address);
      await expect(fx.escrow.withdrawFees(ZERO)).to.changeEtherBalances(ethers, [fx.treasury, fx.escrow], [fee, -fee]);
    });
  });
});
