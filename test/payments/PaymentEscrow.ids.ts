import { expect } from "chai";
import {
  DAY, Status, ZERO, ZERO32, deployFixture, ethers, makeIntent, networkHelpers, payIntent, sign, type Fixture,
} from "./helpers.js";
import { newPaymentId, paymentIdMerchant, signPermit } from "../../scripts/lib/eip712.js";

const { loadFixture } = networkHelpers;

/** The attacker's own intent reusing `victimId`, signed by the attacker as its merchant, for 1 wei. */
async function squatIntent(fx: Fixture, victimId: string, token: string = fx.tokenAddress) {
  const squat = await makeIntent(fx, { id: victimId, merchant: fx.other.address, token, amount: 1n });
  return { squat, squatSig: await sign(fx, fx.other, squat) };
}

describe("PaymentEscrow: merchant-bound ids and cancellation", function () {
  describe("ids belong to their merchant", function () {
    it("merchantOf is the id's top 20 bytes; newPaymentId / paymentIdMerchant round-trip", async function () {
      const fx = await loadFixture(deployFixture);
      const id = newPaymentId(fx.merchant.address);
      expect(id).to.match(/^0x[0-9a-f]{64}$/);
      expect(id.slice(0, 42)).to.equal(fx.merchant.address.toLowerCase());
      expect(paymentIdMerchant(id)).to.equal(fx.merchant.address);
      expect(await fx.escrow.merchantOf(id)).to.equal(fx.merchant.address);
      expect(newPaymentId(fx.merchant.address)).to.not.equal(id); // random salt
      const fixed = newPaymentId(fx.merchant.address, 0xabcn);
      expect(fixed).to.equal(fx.merchant.address.toLowerCase() + "000000000000000000000abc");
      expect(newPaymentId(fx.merchant.address, 0xabcn)).to.equal(fixed);
      const max = newPaymentId(fx.merchant.address, 2n ** 96n - 1n);
      expect(max.slice(42)).to.equal("ff".repeat(12));
      expect(await fx.escrow.merchantOf(max)).to.equal(fx.merchant.address);
      expect(await fx.escrow.merchantOf(ZERO32)).to.equal(ZERO);
      expect(() => newPaymentId(fx.merchant.address, 2n ** 96n)).to.throw(RangeError);
      expect(() => newPaymentId(fx.merchant.address, -1n)).to.throw(RangeError);
      expect(() => paymentIdMerchant("0x1234")).to.throw(TypeError);
    });

    it("rejects an intent whose id is not its merchant's, even when the merchant signed it", async function () {
      const fx = await loadFixture(deployFixture);
      const intent = await makeIntent(fx, { id: newPaymentId(fx.other.address) });
      await expect(payIntent(fx, intent))
        .to.be.revertedWithCustomError(fx.escrow, "IdNotOfMerchant").withArgs(intent.id, fx.merchant.address);
      const legacy = await makeIntent(fx, { id: ethers.keccak256(ethers.toUtf8Bytes("order-1")) });
      await expect(payIntent(fx, legacy))
        .to.be.revertedWithCustomError(fx.escrow, "IdNotOfMerchant").withArgs(legacy.id, fx.merchant.address);
      // same merchant, another salt: fine
      await expect(payIntent(fx, await makeIntent(fx, { id: newPaymentId(fx.merchant.address, 1n) })))
        .to.emit(fx.escrow, "PaymentReceived");
    });

    it("squatting attack: a front-runner paying the victim's pending id as its own merchant reverts IdNotOfMerchant (pay, payWithPermit, payFor)", async function () {
      const fx = await loadFixture(deployFixture);
      const victim = await makeIntent(fx); // pending in the mempool: its id is public
      const { squat, squatSig } = await squatIntent(fx, victim.id);
      await expect(fx.escrow.connect(fx.other).pay(squat, squatSig))
        .to.be.revertedWithCustomError(fx.escrow, "IdNotOfMerchant").withArgs(victim.id, fx.other.address);
      const p = await signPermit(fx.token, fx.other, fx.escrowAddress, 1n, squat.deadline);
      await expect(fx.escrow.connect(fx.other).payWithPermit(squat, squatSig, squat.deadline, p.v, p.r, p.s))
        .to.be.revertedWithCustomError(fx.escrow, "IdNotOfMerchant").withArgs(victim.id, fx.other.address);
      // even an operator cannot be used to squat (the native variant too)
      const native = await squatIntent(fx, victim.id, ZERO);
      await expect(fx.escrow.connect(fx.operator).payFor(native.squat, native.squatSig, fx.other.address, ethers.keccak256("0x01"), { value: 1n }))
        .to.be.revertedWithCustomError(fx.escrow, "IdNotOfMerchant").withArgs(victim.id, fx.other.address);
      // nothing was recorded under the victim's id, and the real payment goes through
      expect(await fx.escrow.isPaid(victim.id)).to.equal(false);
      expect((await fx.escrow.payments(victim.id)).status).to.equal(Status.None);
      await expect(payIntent(fx, victim)).to.emit(fx.escrow, "PaymentReceived");
      expect((await fx.escrow.payments(victim.id)).status).to.equal(Status.Released);
      // the attacker's own ids still work for it
      const own = await makeIntent(fx, { merchant: fx.other.address, amount: 1n });
      await expect(fx.escrow.connect(fx.other).pay(own, await sign(fx, fx.other, own))).to.emit(fx.escrow, "PaymentReceived");
    });
  });

  describe("cancelIntent", function () {
    it("the merchant cancels an unpaid id: event, status Cancelled, isPaid false; paying it then reverts IntentIsCancelled", async function () {
      const fx = await loadFixture(deployFixture);
      const intent = await makeIntent(fx);
      await expect(fx.escrow.connect(fx.merchant).cancelIntent(intent.id))
        .to.emit(fx.escrow, "IntentCancelled").withArgs(intent.id, fx.merchant.address, fx.merchant.address);
      const p = await fx.escrow.payments(intent.id);
      expect(p.status).to.equal(Status.Cancelled);
      expect(p.payer).to.equal(ZERO);
      expect(p.amount).to.equal(0n);
      expect(await fx.escrow.isPaid(intent.id)).to.equal(false);
      await expect(payIntent(fx, intent)).to.be.revertedWithCustomError(fx.escrow, "IntentIsCancelled").withArgs(intent.id);
      const sig = await sign(fx, fx.merchant, intent);
      await expect(fx.escrow.connect(fx.operator).payFor(intent, sig, fx.payer.address, ethers.keccak256("0x05")))
        .to.be.revertedWithCustomError(fx.escrow, "IntentIsCancelled").withArgs(intent.id);
      // cancelling twice: the id is no longer open
      await expect(fx.escrow.connect(fx.merchant).cancelIntent(intent.id))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidStatus").withArgs(intent.id, Status.Cancelled);
    });

    it("an authorised signer may cancel (event names it); a revoked signer, another merchant's signer and strangers may not", async function () {
      const fx = await loadFixture(deployFixture);
      const intent = await makeIntent(fx);
      await expect(fx.escrow.connect(fx.signer).cancelIntent(intent.id))
        .to.be.revertedWithCustomError(fx.escrow, "NotMerchantOrSigner").withArgs(intent.id, fx.signer.address);
      await fx.escrow.connect(fx.other).setSigner(fx.signer.address, true); // another merchant's signer
      await expect(fx.escrow.connect(fx.signer).cancelIntent(intent.id))
        .to.be.revertedWithCustomError(fx.escrow, "NotMerchantOrSigner").withArgs(intent.id, fx.signer.address);
      await expect(fx.escrow.connect(fx.payer).cancelIntent(intent.id))
        .to.be.revertedWithCustomError(fx.escrow, "NotMerchantOrSigner").withArgs(intent.id, fx.payer.address);
      await fx.escrow.connect(fx.merchant).setSigner(fx.signer.address, true);
      await expect(fx.escrow.connect(fx.signer).cancelIntent(intent.id))
        .to.emit(fx.escrow, "IntentCancelled").withArgs(intent.id, fx.merchant.address, fx.signer.address);
      expect((await fx.escrow.payments(intent.id)).status).to.equal(Status.Cancelled);
      const next = await makeIntent(fx);
      await fx.escrow.connect(fx.merchant).setSigner(fx.signer.address, false);
      await expect(fx.escrow.connect(fx.signer).cancelIntent(next.id))
        .to.be.revertedWithCustomError(fx.escrow, "NotMerchantOrSigner").withArgs(next.id, fx.signer.address);
      await expect(payIntent(fx, next)).to.emit(fx.escrow, "PaymentReceived");
    });

    it("a contract merchant (ERC-1271) cancels its own ids through a call", async function () {
      const fx = await loadFixture(deployFixture);
      const cm = await ethers.deployContract("MockContractMerchant", [fx.merchant.address]);
      const cmAddress = await cm.getAddress();
      const id = newPaymentId(cmAddress);
      const data = fx.escrow.interface.encodeFunctionData("cancelIntent", [id]);
      await expect(cm.connect(fx.merchant).getFunction("exec")(fx.escrowAddress, data))
        .to.emit(fx.escrow, "IntentCancelled").withArgs(id, cmAddress, cmAddress);
    });

    it("cannot cancel a paid id: settled at once (Released), held (Held) or refunded (Refunded); the payment is untouched", async function () {
      const fx = await loadFixture(deployFixture);
      const settled = await makeIntent(fx);
      await payIntent(fx, settled);
      await expect(fx.escrow.connect(fx.merchant).cancelIntent(settled.id))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidStatus").withArgs(settled.id, Status.Released);
      expect(await fx.escrow.isPaid(settled.id)).to.equal(true);

      await fx.escrow.connect(fx.merchant).setReleaseDelay(Number(DAY));
      const held = await makeIntent(fx);
      await payIntent(fx, held);
      await expect(fx.escrow.connect(fx.merchant).cancelIntent(held.id))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidStatus").withArgs(held.id, Status.Held);
      const p = await fx.escrow.payments(held.id);
      expect(p.status).to.equal(Status.Held);
      expect(p.amount).to.equal(held.amount);
      await fx.escrow.connect(fx.merchant).refund(held.id, held.amount);
      await expect(fx.escrow.connect(fx.merchant).cancelIntent(held.id))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidStatus").withArgs(held.id, Status.Refunded);
    });

    it("a cancelled id cannot be opened, released, refunded or disputed", async function () {
      const fx = await loadFixture(deployFixture);
      const intent = await makeIntent(fx);
      await fx.escrow.connect(fx.merchant).cancelIntent(intent.id);
      await expect(fx.escrow.connect(fx.merchant).release(intent.id))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidStatus").withArgs(intent.id, Status.Cancelled);
      await expect(fx.escrow.connect(fx.merchant).refund(intent.id, 1n))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidStatus").withArgs(intent.id, Status.Cancelled);
      await expect(fx.escrow.connect(fx.payer).openDispute(intent.id))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidStatus").withArgs(intent.id, Status.Cancelled);
      await expect(fx.escrow.connect(fx.arbiter).resolveDispute(intent.id, 0n))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidStatus").withArgs(intent.id, Status.Cancelled);
    });
  });

  describe("splits to the escrow itself", function () {
    it("rejects a split whose recipient is the escrow (InvalidSplit with its index), escrowed or settled at once", async function () {
      const fx = await loadFixture(deployFixture);
      const splits = [{ recipient: fx.split1.address, bps: 100 }, { recipient: fx.escrowAddress, bps: 100 }];
      await expect(payIntent(fx, await makeIntent(fx, { splits })))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidSplit").withArgs(1);
      await fx.escrow.connect(fx.merchant).setReleaseDelay(Number(DAY));
      await expect(payIntent(fx, await makeIntent(fx, { splits: [{ recipient: fx.escrowAddress, bps: 1 }] })))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidSplit").withArgs(0);
      await expect(payIntent(fx, await makeIntent(fx, { splits: [splits[0]] }))).to.emit(fx.escrow, "PaymentReceived");
    });
  });
});
