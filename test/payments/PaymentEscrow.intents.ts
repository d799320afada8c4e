import { expect } from "chai";
import {
  DAY, FEE_BPS, INTENT_TYPES, Status, ZERO, ZERO32, deployFixture, divide, ethers, makeIntent, networkHelpers, newId, payIntent, sign,
} from "./helpers.js";
import { signPermit } from "../../scripts/lib/eip712.js";

const { loadFixture, time } = networkHelpers;

describe("PaymentEscrow: intents, signatures and paying", function () {
  describe("deployment and EIP-712 domain", function () {
    it("sets admin, treasury, fee and emits their events", async function () {
      const fx = await loadFixture(deployFixture);
      expect(await fx.escrow.hasRole(await fx.escrow.DEFAULT_ADMIN_ROLE(), fx.admin.address)).to.equal(true);
      expect(await fx.escrow.treasury()).to.equal(fx.treasury.address);
      expect(await fx.escrow.feeBps()).to.equal(FEE_BPS);
      const tx = fx.escrow.deploymentTransaction();
      expect(tx).to.not.equal(null);
      await expect(tx!).to.emit(fx.escrow, "TreasurySet").withArgs(ZERO, fx.treasury.address);
      await expect(tx!).to.emit(fx.escrow, "FeeSet").withArgs(0, FEE_BPS);
      expect(await fx.escrow.MAX_SPLITS()).to.equal(5n);
      expect(await fx.escrow.MAX_FEE_BPS()).to.equal(1000n);
      expect(await fx.escrow.MAX_RELEASE_DELAY()).to.equal(90n * DAY);
      expect(await fx.escrow.NATIVE_PUSH_GAS()).to.equal(50_000n);
    });

    it("rejects a zero admin, a zero treasury and a fee above the bound", async function () {
      const fx = await loadFixture(deployFixture);
      const F = await ethers.getContractFactory("PaymentEscrow");
      await expect(F.deploy(ZERO, fx.treasury.address, 0)).to.be.revertedWithCustomError(fx.escrow, "ZeroAddress");
      await expect(F.deploy(fx.admin.address, ZERO, 0)).to.be.revertedWithCustomError(fx.escrow, "ZeroAddress");
      await expect(F.deploy(fx.admin.address, fx.treasury.address, 1001))
        .to.be.revertedWithCustomError(fx.escrow, "FeeTooHigh").withArgs(1001, 1000);
      await F.deploy(fx.admin.address, fx.treasury.address, 1000); // the bound itself is fine
    });

    it("exposes the domain (name, version, chain id, contract) and hashes intents like ethers", async function () {
      const fx = await loadFixture(deployFixture);
      const d = await fx.escrow.eip712Domain();
      expect(d.name).to.equal("Crowdstake PaymentEscrow");
      expect(d.version).to.equal("1");
      expect(d.chainId).to.equal(fx.chainId);
      expect(d.verifyingContract).to.equal(fx.escrowAddress);
      expect(await fx.escrow.DOMAIN_SEPARATOR()).to.equal(ethers.TypedDataEncoder.hashDomain(fx.domain));
      for (const splits of [[], [{ recipient: fx.split1.address, bps: 100 }], [
        { recipient: fx.split1.address, bps: 100 }, { recipient: fx.split2.address, bps: 2500 },
      ]]) {
        const intent = await makeIntent(fx, { splits, payer: fx.payer.address });
        expect(await fx.escrow.hashIntent(intent)).to.equal(ethers.TypedDataEncoder.hash(fx.domain, INTENT_TYPES, intent));
      }
      // the documented type string is what ethers derives from the types
      expect(ethers.TypedDataEncoder.from(INTENT_TYPES).encodeType("PaymentIntent")).to.equal(
        "PaymentIntent(bytes32 id,address merchant,address token,uint256 amount,uint256 deadline,address payer,Split[] splits,bytes32 metadataHash)Split(address recipient,uint16 bps)",
      );
    });
  });

  describe("signatures", function () {
    it("accepts an intent signed by the merchant", async function () {
      const fx = await loadFixture(deployFixture);
      const intent = await makeIntent(fx);
      await expect(payIntent(fx, intent)).to.emit(fx.escrow, "PaymentReceived");
      expect(await fx.escrow.isPaid(intent.id)).to.equal(true);
    });

    it("accepts an authorised signer, and refuses it once revoked", async function () {
      const fx = await loadFixture(deployFixture);
      const intent = await makeIntent(fx);
      const sig = await sign(fx, fx.signer, intent);
      await expect(fx.escrow.connect(fx.payer).pay(intent, sig)).to.be.revertedWithCustomError(fx.escrow, "InvalidSignature");
      await expect(fx.escrow.connect(fx.merchant).setSigner(fx.signer.address, true))
        .to.emit(fx.escrow, "SignerSet").withArgs(fx.merchant.address, fx.signer.address, true);
      expect(await fx.escrow.isSigner(fx.merchant.address, fx.signer.address)).to.equal(true);
      await expect(fx.escrow.connect(fx.payer).pay(intent, sig)).to.emit(fx.escrow, "PaymentReceived");

      const intent2 = await makeIntent(fx);
      const sig2 = await sign(fx, fx.signer, intent2);
      await expect(fx.escrow.connect(fx.merchant).setSigner(fx.signer.address, false))
        .to.emit(fx.escrow, "SignerSet").withArgs(fx.merchant.address, fx.signer.address, false);
      expect(await fx.escrow.isSigner(fx.merchant.address, fx.signer.address)).to.equal(false);
      await expect(fx.escrow.connect(fx.payer).pay(intent2, sig2)).to.be.revertedWithCustomError(fx.escrow, "InvalidSignature");
    });

    it("a signer authorised by another merchant cannot sign for this one", async function () {
      const fx = await loadFixture(deployFixture);
      await fx.escrow.connect(fx.other).setSigner(fx.signer.address, true);
      const intent = await makeIntent(fx);
      await expect(fx.escrow.connect(fx.payer).pay(intent, await sign(fx, fx.signer, intent)))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidSignature");
    });

    it("an intent for the zero merchant can never be valid", async function () {
      const fx = await loadFixture(deployFixture);
      const intent = await makeIntent(fx, { merchant: ZERO });
      await expect(fx.escrow.connect(fx.payer).pay(intent, await sign(fx, fx.merchant, intent)))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidSignature");
    });

    it("setSigner rejects the zero address", async function () {
      const fx = await loadFixture(deployFixture);
      await expect(fx.escrow.connect(fx.merchant).setSigner(ZERO, true)).to.be.revertedWithCustomError(fx.escrow, "ZeroAddress");
    });

    it("rejects a wrong chain id, a wrong verifying contract, a wrong signer and a malformed signature", async function () {
      const fx = await loadFixture(deployFixture);
      const intent = await makeIntent(fx);
      const bad = [
        await sign(fx, fx.merchant, intent, { chainId: 1n }),
        await sign(fx, fx.merchant, intent, { verifyingContract: fx.tokenAddress }),
        await sign(fx, fx.merchant, intent, { name: "Other" }),
        await sign(fx, fx.merchant, intent, { version: "2" }),
        await sign(fx, fx.other, intent),
        "0x1234",
        "0x" + "00".repeat(65),
      ];
      for (const sig of bad) {
        await expect(fx.escrow.connect(fx.payer).pay(intent, sig)).to.be.revertedWithCustomError(fx.escrow, "InvalidSignature");
      }
    });

    it("rejects an intent whose fields were changed after signing (amount, token, merchant, splits, metadata)", async function () {
      const fx = await loadFixture(deployFixture);
      const intent = await makeIntent(fx, { splits: [{ recipient: fx.split1.address, bps: 100 }] });
      const sig = await sign(fx, fx.merchant, intent);
      const variants = [
        { ...intent, amount: intent.amount - 1n },
        { ...intent, deadline: intent.deadline + 1n },
        { ...intent, merchant: fx.other.address, id: newId(fx.other.address) },
        { ...intent, metadataHash: ZERO32 },
        { ...intent, splits: [] },
        { ...intent, splits: [{ recipient: fx.split1.address, bps: 101 }] },
        { ...intent, splits: [{ recipient: fx.split2.address, bps: 100 }] },
        { ...intent, payer: fx.payer.address },
        { ...intent, id: newId(fx.merchant.address) },
      ];
      for (const v of variants) {
        await expect(fx.escrow.connect(fx.payer).pay(v, sig)).to.be.revertedWithCustomError(fx.escrow, "InvalidSignature");
      }
      const native = { ...intent, token: ZERO };
      await expect(fx.escrow.connect(fx.payer).pay(native, sig, { value: intent.amount }))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidSignature");
      await expect(fx.escrow.connect(fx.payer).pay(intent, sig)).to.emit(fx.escrow, "PaymentReceived");
    });

    it("supports an ERC-1271 contract merchant, and refuses a contract's invalid signature", async function () {
      const fx = await loadFixture(deployFixture);
      const cm = await ethers.deployContract("MockContractMerchant", [fx.merchant.address]);
      const cmAddress = await cm.getAddress();
      const intent = await makeIntent(fx, { merchant: cmAddress });
      // signed by the contract's owner key: valid through isValidSignature
      await expect(fx.escrow.connect(fx.payer).pay(intent, await sign(fx, fx.merchant, intent)))
        .to.emit(fx.escrow, "PaymentReceived");
      expect(await fx.token.balanceOf(cmAddress)).to.equal(divide(intent.amount, FEE_BPS, []).merchantAmount);
      const intent2 = await makeIntent(fx, { merchant: cmAddress });
      await expect(fx.escrow.connect(fx.payer).pay(intent2, await sign(fx, fx.other, intent2)))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidSignature");
      await expect(fx.escrow.connect(fx.payer).pay(intent2, "0x12"))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidSignature");
    });
  });

  describe("pay checks", function () {
    it("rejects after the deadline, accepts exactly at it", async function () {
      const fx = await loadFixture(deployFixture);
      const now = BigInt(await time.latest());
      const late = await makeIntent(fx, { deadline: now + 100n });
      const sigLate = await sign(fx, fx.merchant, late);
      await time.setNextBlockTimestamp(now + 101n);
      await expect(fx.escrow.connect(fx.payer).pay(late, sigLate))
        .to.be.revertedWithCustomError(fx.escrow, "IntentExpired").withArgs(now + 100n);
      const edge = await makeIntent(fx, { deadline: now + 200n });
      const sigEdge = await sign(fx, fx.merchant, edge);
      await time.setNextBlockTimestamp(now + 200n);
      await expect(fx.escrow.connect(fx.payer).pay(edge, sigEdge)).to.emit(fx.escrow, "PaymentReceived");
    });

    it("enforces the intent's payer restriction (and lets anyone pay an open intent)", async function () {
      const fx = await loadFixture(deployFixture);
      const intent = await makeIntent(fx, { payer: fx.payer.address });
      const sig = await sign(fx, fx.merchant, intent);
      await expect(fx.escrow.connect(fx.other).pay(intent, sig))
        .to.be.revertedWithCustomError(fx.escrow, "PayerNotAllowed").withArgs(fx.payer.address, fx.other.address);
      await expect(fx.escrow.connect(fx.payer).pay(intent, sig)).to.emit(fx.escrow, "PaymentReceived");
      const open = await makeIntent(fx);
      const tx = await payIntent(fx, open, fx.other);
      await expect(tx).to.emit(fx.escrow, "PaymentReceived")
        .withArgs(open.id, fx.merchant.address, fx.other.address, fx.tokenAddress, open.amount, await time.latest(), FEE_BPS, open.metadataHash, []);
    });

    it("rejects a replay of the same id (same intent, or another intent reusing the id)", async function () {
      const fx = await loadFixture(deployFixture);
      const intent = await makeIntent(fx);
      const sig = await sign(fx, fx.merchant, intent);
      await fx.escrow.connect(fx.payer).pay(intent, sig);
      await expect(fx.escrow.connect(fx.payer).pay(intent, sig)).to.be.revertedWithCustomError(fx.escrow, "AlreadyPaid").withArgs(intent.id);
      const again = await makeIntent(fx, { id: intent.id, amount: 5n });
      await expect(payIntent(fx, again, fx.other)).to.be.revertedWithCustomError(fx.escrow, "AlreadyPaid").withArgs(intent.id);
      // also when the first one is still held in escrow
      await fx.escrow.connect(fx.merchant).setReleaseDelay(Number(DAY));
      const held = await makeIntent(fx);
      await payIntent(fx, held);
      await expect(payIntent(fx, held)).to.be.revertedWithCustomError(fx.escrow, "AlreadyPaid").withArgs(held.id);
    });

    it("rejects a zero amount and an amount above uint96", async function () {
      const fx = await loadFixture(deployFixture);
      await expect(payIntent(fx, await makeIntent(fx, { amount: 0n }))).to.be.revertedWithCustomError(fx.escrow, "ZeroAmount");
      const big = 2n ** 96n;
      await expect(payIntent(fx, await makeIntent(fx, { amount: big })))
        .to.be.revertedWithCustomError(fx.escrow, "AmountTooLarge").withArgs(big);
      // exactly uint96 max passes the bound (and then fails on the payer's balance, in the token)
      const max = 2n ** 96n - 1n;
      await fx.token.mint(fx.payer.address, max);
      await fx.token.connect(fx.payer).approve(fx.escrowAddress, ethers.MaxUint256);
      await expect(payIntent(fx, await makeIntent(fx, { amount: max }))).to.emit(fx.escrow, "PaymentReleased");
    });

    it("requires msg.value == amount exactly for native, and no value for ERC-20", async function () {
      const fx = await loadFixture(deployFixture);
      const native = await makeIntent(fx, { token: ZERO, amount: 1000n });
      const sig = await sign(fx, fx.merchant, native);
      await expect(fx.escrow.connect(fx.payer).pay(native, sig, { value: 999n }))
        .to.be.revertedWithCustomError(fx.escrow, "IncorrectValue").withArgs(1000n, 999n);
      await expect(fx.escrow.connect(fx.payer).pay(native, sig, { value: 1001n }))
        .to.be.revertedWithCustomError(fx.escrow, "IncorrectValue").withArgs(1000n, 1001n);
      await expect(fx.escrow.connect(fx.payer).pay(native, sig, { value: 1000n })).to.emit(fx.escrow, "PaymentReceived");
      const erc = await makeIntent(fx);
      const sig2 = await sign(fx, fx.merchant, erc);
      await expect(fx.escrow.connect(fx.payer).pay(erc, sig2, { value: 1n }))
        .to.be.revertedWithCustomError(fx.escrow, "IncorrectValue").withArgs(0n, 1n);
    });

    it("validates splits: count, recipient, bps, total", async function () {
      const fx = await loadFixture(deployFixture);
      const s = (n: number, bps = 100) => Array.from({ length: n }, () => ({ recipient: fx.split1.address, bps }));
      await expect(payIntent(fx, await makeIntent(fx, { splits: s(6) })))
        .to.be.revertedWithCustomError(fx.escrow, "TooManySplits").withArgs(6, 5);
      await expect(payIntent(fx, await makeIntent(fx, { splits: [{ recipient: fx.split1.address, bps: 1 }, { recipient: ZERO, bps: 1 }] })))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidSplit").withArgs(1);
      await expect(payIntent(fx, await makeIntent(fx, { splits: [{ recipient: fx.split1.address, bps: 0 }] })))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidSplit").withArgs(0);
      await expect(payIntent(fx, await makeIntent(fx, { splits: [{ recipient: fx.split1.address, bps: 5000 }, { recipient: fx.split2.address, bps: 5001 }] })))
        .to.be.revertedWithCustomError(fx.escrow, "SplitsExceedTotal").withArgs(10001);
      // five splits summing to exactly 100% are fine
      await expect(payIntent(fx, await makeIntent(fx, { splits: s(5, 2000) }))).to.emit(fx.escrow, "PaymentReleased");
    });
  });

  describe("payWithPermit", function () {
    async function permitSig(fx: Awaited<ReturnType<typeof deployFixture>>, value: bigint, deadline: bigint) {
      return signPermit(fx.token, fx.payer, fx.escrowAddress, value, deadline);
    }

    it("pays with a permit and no prior approval", async function () {
      const fx = await loadFixture(deployFixture);
      await fx.token.connect(fx.payer).approve(fx.escrowAddress, 0);
      const intent = await makeIntent(fx);
      const deadline = intent.deadline;
      const p = await permitSig(fx, intent.amount, deadline);
      const { merchantAmount, fee } = divide(intent.amount, FEE_BPS, []);
      await expect(fx.escrow.connect(fx.payer).payWithPermit(intent, await sign(fx, fx.merchant, intent), deadline, p.v, p.r, p.s))
        .to.changeTokenBalances(ethers, fx.token, [fx.payer, fx.merchant, fx.escrow], [-intent.amount, merchantAmount, fee]);
      expect(await fx.escrow.feesAccrued(fx.tokenAddress)).to.equal(fee);
    });

    it("still pays when the permit was front-run (allowance already there)", async function () {
      const fx = await loadFixture(deployFixture);
      await fx.token.connect(fx.payer).approve(fx.escrowAddress, 0);
      const intent = await makeIntent(fx);
      const p = await permitSig(fx, intent.amount, intent.deadline);
      await fx.token.permit(fx.payer.address, fx.escrowAddress, intent.amount, intent.deadline, p.v, p.r, p.s);
      await expect(fx.escrow.connect(fx.payer).payWithPermit(intent, await sign(fx, fx.merchant, intent), intent.deadline, p.v, p.r, p.s))
        .to.emit(fx.escrow, "PaymentReceived");
    });

    it("fails without a valid permit or allowance, and refuses native intents", async function () {
      const fx = await loadFixture(deployFixture);
      await fx.token.connect(fx.payer).approve(fx.escrowAddress, 0);
      const intent = await makeIntent(fx);
      const p = await permitSig(fx, intent.amount - 1n, intent.deadline); // wrong value: permit fails
      await expect(fx.escrow.connect(fx.payer).payWithPermit(intent, await sign(fx, fx.merchant, intent), intent.deadline, p.v, p.r, p.s))
        .to.be.revertedWithCustomError(fx.token, "ERC20InsufficientAllowance");
      const native = await makeIntent(fx, { token: ZERO });
      await expect(fx.escrow.connect(fx.payer).payWithPermit(native, await sign(fx, fx.merchant, native), intent.deadline, p.v, p.r, p.s))
        .to.be.revertedWithCustomError(fx.escrow, "NativeIntentNotPermit");
    });
  });

  describe("payFor (on-ramp operator)", function () {
    it("pays with the operator's funds, records the payer, emits OnrampPayment, and refuses a reused onrampRef", async function () {
      const fx = await loadFixture(deployFixture);
      await fx.escrow.connect(fx.merchant).setReleaseDelay(Number(DAY));
      const intent = await makeIntent(fx, { payer: fx.payer.address });
      const sig = await sign(fx, fx.merchant, intent);
      const ref = ethers.keccak256(ethers.toUtf8Bytes("mercuryo-order-1"));
      const tx = fx.escrow.connect(fx.operator).payFor(intent, sig, fx.payer.address, ref);
      await expect(tx).to.emit(fx.escrow, "OnrampPayment").withArgs(intent.id, ref, fx.operator.address);
      await expect(tx).to.changeTokenBalances(ethers, fx.token, [fx.operator, fx.payer, fx.escrow], [-intent.amount, 0n, intent.amount]);
      await expect(tx).to.emit(fx.escrow, "PaymentReceived").withArgs(intent.id, fx.merchant.address, fx.payer.address, fx.tokenAddress, intent.amount, (await time.latest()) + Number(DAY), FEE_BPS, intent.metadataHash, []);
      expect(await fx.escrow.onrampRefUsed(ref)).to.equal(true);
      const p = await fx.escrow.payments(intent.id);
      expect(p.payer).to.equal(fx.payer.address);
      expect(p.status).to.equal(Status.Held);

      const intent2 = await makeIntent(fx);
      await expect(fx.escrow.connect(fx.operator).payFor(intent2, await sign(fx, fx.merchant, intent2), fx.payer.address, ref))
        .to.be.revertedWithCustomError(fx.escrow, "OnrampRefUsed").withArgs(ref);
      // refunds go to the payer of record, not the operator
      await expect(fx.escrow.connect(fx.merchant).refund(intent.id, intent.amount))
        .to.changeTokenBalances(ethers, fx.token, [fx.payer, fx.operator], [intent.amount, 0n]);
    });

    it("native payFor, and the checks: role, zero payer, zero ref, payer restriction", async function () {
      const fx = await loadFixture(deployFixture);
      const intent = await makeIntent(fx, { token: ZERO, payer: fx.payer.address });
      const sig = await sign(fx, fx.merchant, intent);
      const ref = ethers.keccak256("0x02");
      await expect(fx.escrow.connect(fx.other).payFor(intent, sig, fx.payer.address, ref, { value: intent.amount }))
        .to.be.revertedWithCustomError(fx.escrow, "AccessControlUnauthorizedAccount")
        .withArgs(fx.other.address, await fx.escrow.OPERATOR_ROLE());
      await expect(fx.escrow.connect(fx.operator).payFor(intent, sig, ZERO, ref, { value: intent.amount }))
        .to.be.revertedWithCustomError(fx.escrow, "ZeroAddress");
      const anyPayer = await makeIntent(fx, { token: ZERO });
      const anyPayerSig = await sign(fx, fx.merchant, anyPayer);
      await expect(fx.escrow.connect(fx.operator).payFor(anyPayer, anyPayerSig, fx.escrowAddress, ref, { value: anyPayer.amount }))
        .to.be.revertedWithCustomError(fx.escrow, "InvalidPayer").withArgs(fx.escrowAddress);
      await expect(fx.escrow.connect(fx.operator).payFor(intent, sig, fx.payer.address, ZERO32, { value: intent.amount }))
        .to.be.revertedWithCustomError(fx.escrow, "ZeroOnrampRef");
      await expect(fx.escrow.connect(fx.operator).payFor(intent, sig, fx.other.address, ref, { value: intent.amount }))
        .to.be.revertedWithCustomError(fx.escrow, "PayerNotAllowed").withArgs(fx.payer.address, fx.other.address);
      const { merchantAmount, fee } = divide(intent.amount, FEE_BPS, []);
      await expect(fx.escrow.connect(fx.operator).payFor(intent, sig, fx.payer.address, ref, { value: intent.amount }))
        .to.changeEtherBalances(ethers, [fx.merchant, fx.escrow], [merchantAmount, fee]);
      expect(await fx.escrow.feesAccrued(ZERO)).to.equal(fee);
      // a failed call does not burn the ref: it was used exactly by the successful one
      expect(await fx.escrow.onrampRefUsed(ethers.keccak256("0x03"))).to.equal(false);
    });
  });
});
