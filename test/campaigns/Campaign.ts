import { expect } from "chai";
import {
  E18,
  ETH_RATE,
  FEE_BPS,
  ONRAMP_ROLE,
  Status,
  USD,
  USD_RATE,
  ZERO,
  createCampaign,
  defaultParams,
  deployFactory,
  erc20Campaign,
  ethers,
  nativeCampaign,
  networkHelpers,
  signPermit,
} from "./fixtures.js";
import type { Campaign } from "../../types/ethers-contracts/index.js";

const { loadFixture, time } = networkHelpers;
const REF1 = ethers.id("order-1");
const REF2 = ethers.id("order-2");

async function openCampaign<T extends { campaign: Campaign; params: { start: bigint } }>(ctx: T) {
  await time.increaseTo(ctx.params.start);
  return ctx;
}

async function erc20Open() {
  return openCampaign(await erc20Campaign());
}

async function nativeOpen() {
  return openCampaign(await nativeCampaign());
}

describe("Campaign", () => {
  describe("draft: updateParams and launch", () => {
    it("owner and factory admin update a draft's parameters (ParamsUpdated); others may not", async () => {
      const base = await loadFixture(deployFactory);
      const params = await defaultParams(base, ZERO);
      const { campaign } = await createCampaign(base, params);
      const next = { ...params, goal: params.goal * 2n, cap: 0n, metadataURI: "ipfs://v2" };
      await expect(campaign.connect(base.stranger).updateParams(next))
        .to.be.revertedWithCustomError(campaign, "Unauthorized")
        .withArgs(base.stranger.address);
      await expect(campaign.connect(base.creator).updateParams(next))
        .to.be.revertedWithCustomError(campaign, "Unauthorized")
        .withArgs(base.creator.address);
      const tx = campaign.connect(base.owner).updateParams(next);
      await expect(tx).to.emit(campaign, "ParamsUpdated");
      const receipt = await (await tx).wait();
      const emitted = campaign.interface.parseLog(receipt!.logs[0]!)!.args.params;
      expect(emitted.goal).to.equal(next.goal);
      expect(emitted.metadataURI).to.equal("ipfs://v2");
      expect((await campaign.params()).goal).to.equal(next.goal);
      // the admin may change the asset and the owner of a draft
      const usdParams = { ...next, asset: await base.usd.getAddress(), owner: base.carol.address };
      await expect(campaign.connect(base.admin).updateParams(usdParams)).to.emit(campaign, "ParamsUpdated");
      expect(await campaign.asset()).to.equal(usdParams.asset);
      expect(await campaign.owner()).to.equal(base.carol.address);
      // validation applies to updates too
      await expect(campaign.connect(base.carol).updateParams({ ...usdParams, rate: 0n })).to.be.revertedWithCustomError(
        campaign,
        "InvalidRate",
      );
      // the old owner lost its rights
      await expect(campaign.connect(base.owner).launch()).to.be.revertedWithCustomError(campaign, "Unauthorized");
    });

    it("launch freezes the parameters (owner or admin, once, before the end)", async () => {
      const base = await loadFixture(deployFactory);
      const params = await defaultParams(base, ZERO);
      const { campaign } = await createCampaign(base, params);
      await expect(campaign.connect(base.stranger).launch()).to.be.revertedWithCustomError(campaign, "Unauthorized");
      await expect(campaign.connect(base.owner).launch())
        .to.emit(campaign, "Launched")
        .withArgs(base.owner.address, params.start, params.end, FEE_BPS);
      expect(await campaign.status()).to.equal(Status.Scheduled);
      await expect(campaign.connect(base.owner).launch())
        .to.be.revertedWithCustomError(campaign, "NotDraft")
        .withArgs(Status.Scheduled);
      await expect(campaign.connect(base.owner).updateParams(params))
        .to.be.revertedWithCustomError(campaign, "NotDraft")
        .withArgs(Status.Scheduled);

      const second = await createCampaign(base, params);
      await expect(second.campaign.connect(base.admin).launch())
        .to.emit(second.campaign, "Launched")
        .withArgs(base.admin.address, params.start, params.end, FEE_BPS);
    });

    it("cannot launch at or after the end; may launch one second before it (then Active at once)", async () => {
      const base = await loadFixture(deployFactory);
      const params = await defaultParams(base, ZERO);
      const a = await createCampaign(base, params);
      const b = await createCampaign(base, params);
      await time.setNextBlockTimestamp(params.end - 1n);
      await a.campaign.connect(base.owner).launch();
      expect(await a.campaign.status()).to.equal(Status.Active);
      await time.setNextBlockTimestamp(params.end);
      await expect(b.campaign.connect(base.owner).launch())
        .to.be.revertedWithCustomError(b.campaign, "LaunchTooLate")
        .withArgs(params.end);
      expect(await b.campaign.status()).to.equal(Status.Draft);
    });

    it("a draft is closed to contributions even inside its window", async () => {
      const base = await loadFixture(deployFactory);
      const params = await defaultParams(base, ZERO);
      const { campaign } = await createCampaign(base, params);
      await time.increaseTo(params.start + 10n);
      expect(await campaign.status()).to.equal(Status.Draft);
      await expect(campaign.connect(base.alice).contributeNative({ value: E18 }))
        .to.be.revertedWithCustomError(campaign, "NotActive")
        .withArgs(Status.Draft);
    });
  });

  describe("time edges", () => {
    it("Scheduled until start - 1, Active from exactly start to end - 1, closed at exactly end", async () => {
      const ctx = await loadFixture(nativeCampaign);
      const { campaign, params, alice } = ctx;
      await time.setNextBlockTimestamp(params.start - 1n);
      await expect(campaign.connect(alice).contributeNative({ value: 10n * E18 }))
        .to.be.revertedWithCustomError(campaign, "NotActive")
        .withArgs(Status.Scheduled);
      await time.setNextBlockTimestamp(params.start);
      await expect(campaign.connect(alice).contributeNative({ value: 10n * E18 })).to.emit(campaign, "Contributed");
      expect(await campaign.status()).to.equal(Status.Active);
      await time.setNextBlockTimestamp(params.end - 1n);
      await expect(campaign.connect(alice).contributeNative({ value: 10n * E18 })).to.emit(campaign, "Contributed");
      await time.setNextBlockTimestamp(params.end);
      await expect(campaign.connect(alice).contributeNative({ value: 10n * E18 }))
        .to.be.revertedWithCustomError(campaign, "NotActive")
        .withArgs(Status.Failed);
      await time.increaseTo(params.end);
      expect(await campaign.status()).to.equal(Status.Failed);
      expect(await campaign.totalRaised()).to.equal(20n * E18);
    });

    it("goal reached: Successful at exactly end, not before", async () => {
      const { campaign, params, alice, owner } = await loadFixture(nativeOpen);
      await campaign.connect(alice).contributeNative({ value: params.goal });
      expect(await campaign.status()).to.equal(Status.Active);
      await time.setNextBlockTimestamp(params.end - 1n);
      await expect(campaign.connect(owner).withdraw())
        .to.be.revertedWithCustomError(campaign, "NotSuccessful")
        .withArgs(Status.Active);
      await time.setNextBlockTimestamp(params.end);
      await expect(campaign.connect(owner).withdraw()).to.emit(campaign, "Withdrawn");
      expect(await campaign.status()).to.equal(Status.Successful);
    });
  });

  describe("contribute (ERC-20)", () => {
    it("books first and repeat contributions, pulls the exact amount and emits Contributed", async () => {
      const { campaign, usd, alice, bob } = await loadFixture(erc20Open);
      const addr = await campaign.getAddress();
      await expect(campaign.connect(alice).contribute(100n * USD))
        .to.emit(campaign, "Contributed")
        .withArgs(alice.address, alice.address, ethers.ZeroHash, 100n * USD, 100n * USD, 100n * USD)
        .and.to.emit(usd, "Transfer")
        .withArgs(alice.address, addr, 100n * USD);
      await expect(campaign.connect(alice).contribute(50n * USD))
        .to.emit(campaign, "Contributed")
        .withArgs(alice.address, alice.address, ethers.ZeroHash, 50n * USD, 150n * USD, 150n * USD);
      await expect(campaign.connect(bob).contribute(20n * USD))
        .to.emit(campaign, "Contributed")
        .withArgs(bob.address, bob.address, ethers.ZeroHash, 20n * USD, 20n * USD, 170n * USD);
      expect(await usd.balanceOf(addr)).to.equal(170n * USD);
      expect(await campaign.totalRaised()).to.equal(170n * USD);
      expect(await campaign.contributionOf(alice.address)).to.equal(150n * USD);
      expect(await campaign.backerInfo(bob.address)).to.deep.equal([20n * USD, false, false]);
    });

    it("refuses zero, below the minimum, above max per backer, above the cap, and the native entry point", async () => {
      const { campaign, params, alice, bob, carol } = await loadFixture(erc20Open);
      await expect(campaign.connect(alice).contribute(0n)).to.be.revertedWithCustomError(campaign, "ZeroAmount");
      await expect(campaign.connect(alice).contributeNative({ value: 1n }))
        .to.be.revertedWithCustomError(campaign, "WrongAsset")
        .withArgs(params.asset);
      await expect(campaign.connect(alice).contribute(params.minContribution - 1n))
        .to.be.revertedWithCustomError(campaign, "BelowMinContribution")
        .withArgs(params.minContribution - 1n, params.minContribution);
      await campaign.connect(alice).contribute(params.minContribution); // exactly the minimum
      // max per backer: exactly the max is fine, one more is not
      await expect(campaign.connect(alice).contribute(params.maxPerBacker - params.minContribution + 1n))
        .to.be.revertedWithCustomError(campaign, "AboveMaxPerBacker")
        .withArgs(params.maxPerBacker + 1n, params.maxPerBacker);
      await campaign.connect(alice).contribute(params.maxPerBacker - params.minContribution);
      expect(await campaign.contributionOf(alice.address)).to.equal(params.maxPerBacker);
      // cap: 2,000 - 1,500 = 500 left
      const remaining = params.cap - params.maxPerBacker;
      await expect(campaign.connect(bob).contribute(remaining + 1n))
        .to.be.revertedWithCustomError(campaign, "CapExceeded")
        .withArgs(remaining + 1n, remaining);
      await campaign.connect(bob).contribute(remaining - 5n * USD);
      // 5 USD left, below the 10 USD minimum: accepted only when it fills the cap exactly
      await expect(campaign.connect(carol).contribute(4n * USD))
        .to.be.revertedWithCustomError(campaign, "BelowMinContribution")
        .withArgs(4n * USD, params.minContribution);
      await expect(campaign.connect(carol).contribute(5n * USD))
        .to.emit(campaign, "Contributed")
        .withArgs(carol.address, carol.address, ethers.ZeroHash, 5n * USD, 5n * USD, params.cap);
      // the cap ends the campaign before its end
      expect(await campaign.status()).to.equal(Status.Successful);
      await expect(campaign.connect(carol).contribute(params.minContribution))
        .to.be.revertedWithCustomError(campaign, "NotActive")
        .withArgs(Status.Successful);
    });

    it("without cap or max per backer, any amount from the minimum goes", async () => {
      const base = await loadFixture(deployFactory);
      const params = await defaultParams(base, await base.usd.getAddress(), { cap: 0n, maxPerBacker: 0n });
      const { campaign } = await createCampaign(base, params);
      await campaign.connect(base.owner).launch();
      await base.usd.connect(base.alice).approve(await campaign.getAddress(), ethers.MaxUint256);
      await time.increaseTo(params.start);
      await campaign.connect(base.alice).contribute(900_000n * USD);
      await expect(campaign.connect(base.alice).contribute(params.minContribution - 1n)).to.be.revertedWithCustomError(
        campaign,
        "BelowMinContribution",
      );
      expect(await campaign.status()).to.equal(Status.Active);
      // a total beyond uint128 is refused by the checked cast
      await base.usd.mint(base.alice.address, 2n ** 128n);
      await expect(campaign.connect(base.alice).contribute(2n ** 128n)).to.be.revertedWithCustomError(
        campaign,
        "SafeCastOverflowedUintDowncast",
      );
    });

    it("contributeWithPermit: one transaction with a permit; a front-run permit still works; a bad one fails", async () => {
      const { campaign, usd, alice, bob, params } = await loadFixture(erc20Open);
      const addr = await campaign.getAddress();
      await usd.connect(alice).approve(addr, 0n);
      const deadline = params.end;
      const amount = 40n * USD;
      const sig = await signPermit(usd, alice, addr, amount, deadline);
      await expect(campaign.connect(alice).contributeWithPermit(amount, deadline, sig.v, sig.r, sig.s))
        .to.emit(campaign, "Contributed")
        .withArgs(alice.address, alice.address, ethers.ZeroHash, amount, amount, amount);
      expect(await usd.allowance(alice.address, addr)).to.equal(0n);

      // someone submits bob's permit first: bob's call still goes through on the allowance
      await usd.connect(bob).approve(addr, 0n);
      const sigB = await signPermit(usd, bob, addr, amount, deadline);
      await usd.permit(bob.address, addr, amount, deadline, sigB.v, sigB.r, sigB.s);
      await expect(campaign.connect(bob).contributeWithPermit(amount, deadline, sigB.v, sigB.r, sigB.s)).to.emit(
        campaign,
        "Contributed",
      );
      // a replayed permit without allowance fails in the transfer, nothing booked
      await expect(campaign.connect(bob).contributeWithPermit(amount, deadline, sigB.v, sigB.r, sigB.s)).to.be.revertedWithCustomError(
        usd,
        "ERC20InsufficientAllowance",
      );
      expect(await campaign.totalRaised()).to.equal(2n * amount);
    });

    it("contributeWithPermit and contribute are refused on a native campaign", async () => {
      const { campaign, alice } = await loadFixture(nativeOpen);
      await expect(campaign.connect(alice).contributeWithPermit(1n, 0n, 27, ethers.ZeroHash, ethers.ZeroHash))
        .to.be.revertedWithCustomError(campaign, "WrongAsset")
        .withArgs(ZERO);
      await expect(campaign.connect(alice).contribute(1n)).to.be.revertedWithCustomError(campaign, "WrongAsset").withArgs(ZERO);
    });
  });

  describe("contributeNative", () => {
    it("books msg.value and keeps the coins", async () => {
      const { campaign, alice, params } = await loadFixture(nativeOpen);
      const addr = await campaign.getAddress();
      const tx = campaign.connect(alice).contributeNative({ value: 30n * E18 });
      await expect(tx)
        .to.emit(campaign, "Contributed")
        .withArgs(alice.address, alice.address, ethers.ZeroHash, 30n * E18, 30n * E18, 30n * E18);
      await expect(tx).to.changeEtherBalances(ethers, [alice, addr], [-30n * E18, 30n * E18]);
      await expect(campaign.connect(alice).contributeNative({ value: 0n })).to.be.revertedWithCustomError(campaign, "ZeroAmount");
      await expect(campaign.connect(alice).contributeNative({ value: params.cap }))
        .to.be.revertedWithCustomError(campaign, "CapExceeded")
        .withArgs(params.cap, params.cap - 30n * E18);
    });

    it("refuses plain transfers (no receive)", async () => {
      const { campaign, alice } = await loadFixture(nativeOpen);
      await expect(alice.sendTransaction({ to: await campaign.getAddress(), value: 1n })).to.be.revert(ethers);
    });
  });

  describe("contributeFor (on-ramp operator)", () => {
    it("ERC-20: the operator pays, the backer is credited, the reference is recorded", async () => {
      const { campaign, factory, usd, operator, alice } = await loadFixture(erc20Open);
      await expect(campaign.connect(operator).contributeFor(alice.address, 25n * USD, REF1))
        .to.emit(campaign, "Contributed")
        .withArgs(alice.address, operator.address, REF1, 25n * USD, 25n * USD, 25n * USD)
        .and.to.emit(usd, "Transfer")
        .withArgs(operator.address, await campaign.getAddress(), 25n * USD);
      expect(await campaign.contributionOf(alice.address)).to.equal(25n * USD);
      expect(await campaign.contributionOf(operator.address)).to.equal(0n);
      expect(await factory.onrampRefUsed(REF1)).to.equal(true);
      expect(await factory.onrampRefUsed(REF2)).to.equal(false);
    });

    it("an onrampRef settles at most once (OnrampRefUsed), zero refs and zero backers are refused", async () => {
      const { campaign, factory, operator, alice, bob } = await loadFixture(erc20Open);
      await campaign.connect(operator).contributeFor(alice.address, 25n * USD, REF1);
      await expect(campaign.connect(operator).contributeFor(alice.address, 25n * USD, REF1))
        .to.be.revertedWithCustomError(campaign, "OnrampRefUsed")
        .withArgs(REF1);
      await expect(campaign.connect(operator).contributeFor(bob.address, 30n * USD, REF1))
        .to.be.revertedWithCustomError(campaign, "OnrampRefUsed")
        .withArgs(REF1);
      await expect(campaign.connect(operator).contributeFor(alice.address, 25n * USD, ethers.ZeroHash)).to.be.revertedWithCustomError(
        campaign,
        "InvalidOnrampRef",
      );
      await expect(campaign.connect(operator).contributeFor(ZERO, 25n * USD, REF2)).to.be.revertedWithCustomError(campaign, "ZeroAddress");
      await expect(campaign.connect(operator).contributeFor(alice.address, 25n * USD, REF2, { value: 1n }))
        .to.be.revertedWithCustomError(campaign, "WrongNativeValue")
        .withArgs(1n, 0n);
      // a failed settlement does not burn the reference
      await expect(campaign.connect(operator).contributeFor(alice.address, 1n, REF2)).to.be.revertedWithCustomError(
        campaign,
        "BelowMinContribution",
      );
      expect(await factory.onrampRefUsed(REF2)).to.equal(false);
      await campaign.connect(operator).contributeFor(alice.address, 25n * USD, REF2);
      expect(await campaign.totalRaised()).to.equal(50n * USD);
    });

    it("only the factory's on-ramp operators may call it", async () => {
      const { campaign, factory, alice, stranger, admin } = await loadFixture(erc20Open);
      await expect(campaign.connect(stranger).contributeFor(alice.address, 25n * USD, REF1))
        .to.be.revertedWithCustomError(campaign, "Unauthorized")
        .withArgs(stranger.address);
      await expect(campaign.connect(admin).contributeFor(alice.address, 25n * USD, REF1))
        .to.be.revertedWithCustomError(campaign, "Unauthorized")
        .withArgs(admin.address);
      await factory.grantRole(ONRAMP_ROLE, stranger.address);
      await ethers.getContractAt("MockERC20", await campaign.asset()).then(async (usd) => {
        await usd.mint(stranger.address, 25n * USD);
        await usd.connect(stranger).approve(await campaign.getAddress(), 25n * USD);
      });
      await expect(campaign.connect(stranger).contributeFor(alice.address, 25n * USD, REF1)).to.emit(campaign, "Contributed");
    });

    it("native: msg.value must equal the amount", async () => {
      const { campaign, operator, alice } = await loadFixture(nativeOpen);
      await expect(campaign.connect(operator).contributeFor(alice.address, 20n * E18, REF1, { value: 10n * E18 }))
        .to.be.revertedWithCustomError(campaign, "WrongNativeValue")
        .withArgs(10n * E18, 20n * E18);
      const tx = campaign.connect(operator).contributeFor(alice.address, 20n * E18, REF1, { value: 20n * E18 });
      await expect(tx)
        .to.emit(campaign, "Contributed")
        .withArgs(alice.address, operator.address, REF1, 20n * E18, 20n * E18, 20n * E18);
      await expect(tx).to.changeEtherBalance(ethers, operator, -20n * E18);
      // the per-backer limit counts the on-ramp contributions of the backer
      await campaign.connect(alice).contributeNative({ value: 1470n * E18 });
      await expect(campaign.connect(operator).contributeFor(alice.address, 11n * E18, REF2, { value: 11n * E18 }))
        .to.be.revertedWithCustomError(campaign, "AboveMaxPerBacker")
        .withArgs(1501n * E18, 1500n * E18);
    });
  });

  describe("finalize", () => {
    it("the owner closes an Active campaign early once the goal is met", async () => {
      const { campaign, owner, alice, stranger, params } = await loadFixture(nativeCampaign);
      await expect(campaign.connect(owner).finalize()).to.be.revertedWithCustomError(campaign, "NotActive").withArgs(Status.Scheduled);
      await time.increaseTo(params.start);
      await campaign.connect(alice).contributeNative({ value: params.goal - 1n });
      await expect(campaign.connect(owner).finalize())
        .to.be.revertedWithCustomError(campaign, "GoalNotReached")
        .withArgs(params.goal - 1n, params.goal);
      await campaign.connect(alice).contributeNative({ value: 10n * E18 });
      await expect(campaign.connect(stranger).finalize()).to.be.revertedWithCustomError(campaign, "Unauthorized").withArgs(stranger.address);
      await expect(campaign.connect(owner).finalize()).to.emit(campaign, "Finalized").withArgs(params.goal + 10n * E18 - 1n);
      expect(await campaign.status()).to.equal(Status.Successful);
      await expect(campaign.connect(owner).finalize()).to.be.revertedWithCustomError(campaign, "NotActive").withArgs(Status.Successful);
      await expect(campaign.connect(alice).contributeNative({ value: 10n * E18 }))
        .to.be.revertedWithCustomError(campaign, "NotActive")
        .withArgs(Status.Successful);
      // Successful is final: the time passing the end changes nothing
      await time.increaseTo(params.end + 1n);
      expect(await campaign.status()).to.equal(Status.Successful);
    });
  });

  describe("cancel", () => {
    it("owner or admin cancel a Draft, Scheduled or Active campaign; others may not", async () => {
      const base = await loadFixture(deployFactory);
      const params = await defaultParams(base, ZERO);
      const draft = (await createCampaign(base, params)).campaign;
      await expect(draft.connect(base.stranger).cancel()).to.be.revertedWithCustomError(draft, "Unauthorized").withArgs(base.stranger.address);
      await expect(draft.connect(base.owner).cancel()).to.emit(draft, "Cancelled").withArgs(base.owner.address, 0n);
      expect(await draft.status()).to.equal(Status.Cancelled);
      await expect(draft.connect(base.owner).launch()).to.be.revertedWithCustomError(draft, "NotDraft").withArgs(Status.Cancelled);
      await expect(draft.connect(base.owner).cancel()).to.be.revertedWithCustomError(draft, "CannotCancel").withArgs(Status.Cancelled);

      const scheduled = (await createCampaign(base, params)).campaign;
      await scheduled.connect(base.owner).launch();
      await expect(scheduled.connect(base.admin).cancel()).to.emit(scheduled, "Cancelled").withArgs(base.admin.address, 0n);

      const active = (await createCampaign(base, params)).campaign;
      await active.connect(base.owner).launch();
      await time.increaseTo(params.start);
      await active.connect(base.alice).contributeNative({ value: params.goal });
      await expect(active.connect(base.owner).cancel()).to.emit(active, "Cancelled").withArgs(base.owner.address, params.goal);
      expect(await active.status()).to.equal(Status.Cancelled);
      await expect(active.connect(base.alice).contributeNative({ value: E18 }))
        .to.be.revertedWithCustomError(active, "NotActive")
        .withArgs(Status.Cancelled);
    });

    it("cannot cancel after success or failure", async () => {
      const base = await loadFixture(deployFactory);
      const params = await defaultParams(base, ZERO);
      const ok = (await createCampaign(base, params)).campaign;
      const failed = (await createCampaign(base, params)).campaign;
      await ok.connect(base.owner).launch();
      await failed.connect(base.owner).launch();
      await time.increaseTo(params.start);
      await ok.connect(base.alice).contributeNative({ value: params.goal });
      await time.increaseTo(params.end);
      await expect(ok.connect(base.admin).cancel()).to.be.revertedWithCustomError(ok, "CannotCancel").withArgs(Status.Successful);
      await expect(failed.connect(base.owner).cancel()).to.be.revertedWithCustomError(failed, "CannotCancel").withArgs(Status.Failed);
    });
  });

  describe("claimTokens", () => {
    it("mints contribution * rate / 1e18 once per backer after success", async () => {
      const { campaign, token, alice, bob, carol, params } = await loadFixture(erc20Open);
      await campaign.connect(alice).contribute(1000n * USD);
      await campaign.connect(bob).contribute(33n * USD + 333_333n); // 33.333333 USD
      await expect(campaign.connect(alice).claimTokens()).to.be.revertedWithCustomError(campaign, "NotSuccessful").withArgs(Status.Active);
      expect(await campaign.claimableTokens(alice.address)).to.equal(0n);
      await time.increaseTo(params.end);
      expect(await campaign.claimableTokens(alice.address)).to.equal(1000n * E18);
      expect(await campaign.tokensFor(USD)).to.equal(E18);
      await expect(campaign.connect(alice).claimTokens())
        .to.emit(campaign, "TokensClaimed")
        .withArgs(alice.address, 1000n * USD, 1000n * E18)
        .and.to.emit(token, "Transfer")
        .withArgs(ZERO, alice.address, 1000n * E18);
      const bobTokens = ((33n * USD + 333_333n) * USD_RATE) / E18;
      expect(bobTokens).to.equal(33_333_333n * 10n ** 12n);
      await expect(campaign.connect(bob).claimTokens()).to.emit(campaign, "TokensClaimed").withArgs(bob.address, 33n * USD + 333_333n, bobTokens);
      expect(await token.balanceOf(alice.address)).to.equal(1000n * E18);
      expect(await token.balanceOf(bob.address)).to.equal(bobTokens);
      expect(await token.totalSupply()).to.equal(1000n * E18 + bobTokens);
      await expect(campaign.connect(alice).claimTokens()).to.be.revertedWithCustomError(campaign, "AlreadyClaimed");
      expect(await campaign.claimableTokens(alice.address)).to.equal(0n);
      expect(await campaign.backerInfo(alice.address)).to.deep.equal([1000n * USD, true, false]);
      await expect(campaign.connect(carol).claimTokens()).to.be.revertedWithCustomError(campaign, "NothingToClaim");
      await expect(campaign.connect(alice).refund()).to.be.revertedWithCustomError(campaign, "RefundsNotOpen").withArgs(Status.Successful);
    });

    it("native rate: 1,000 tokens per ETH; the on-ramp backer claims its own tokens", async () => {
      const { campaign, token, alice, operator, params } = await loadFixture(nativeOpen);
      await campaign.connect(operator).contributeFor(alice.address, params.goal, REF1, { value: params.goal });
      await time.increaseTo(params.end);
      await campaign.connect(alice).claimTokens();
      expect(await token.balanceOf(alice.address)).to.equal((params.goal * ETH_RATE) / E18);
      await expect(campaign.connect(operator).claimTokens()).to.be.revertedWithCustomError(campaign, "NothingToClaim");
    });
  });

  describe("claimTokensFor and refundFor (anyone triggers, the backer receives)", () => {
    it("claimTokensFor mints to the backer, once, only after success", async () => {
      const { campaign, token, alice, stranger, operator, params } = await loadFixture(erc20Open);
      await campaign.connect(operator).contributeFor(alice.address, params.goal, REF1);
      await expect(campaign.connect(stranger).claimTokensFor(alice.address))
        .to.be.revertedWithCustomError(campaign, "NotSuccessful")
        .withArgs(Status.Active);
      await time.increaseTo(params.end);
      const tokens = (params.goal * USD_RATE) / E18;
      await expect(campaign.connect(stranger).claimTokensFor(alice.address))
        .to.emit(campaign, "TokensClaimed")
        .withArgs(alice.address, params.goal, tokens);
      expect(await token.balanceOf(alice.address)).to.equal(tokens);
      expect(await token.balanceOf(stranger.address)).to.equal(0n);
      await expect(campaign.connect(alice).claimTokens()).to.be.revertedWithCustomError(campaign, "AlreadyClaimed");
      await expect(campaign.connect(stranger).claimTokensFor(alice.address)).to.be.revertedWithCustomError(campaign, "AlreadyClaimed");
      await expect(campaign.connect(stranger).claimTokensFor(stranger.address)).to.be.revertedWithCustomError(campaign, "NothingToClaim");
    });

    it("refundFor pays the backer, once, only after failure or cancellation", async () => {
      const { campaign, alice, stranger, params } = await loadFixture(nativeOpen);
      await campaign.connect(alice).contributeNative({ value: 20n * E18 });
      await expect(campaign.connect(stranger).refundFor(alice.address))
        .to.be.revertedWithCustomError(campaign, "RefundsNotOpen")
        .withArgs(Status.Active);
      await time.increaseTo(params.end);
      const tx = campaign.connect(stranger).refundFor(alice.address);
      await expect(tx).to.emit(campaign, "Refunded").withArgs(alice.address, alice.address, 20n * E18, 0n);
      await expect(tx).to.changeEtherBalances(ethers, [alice, stranger], [20n * E18, 0n]);
      await expect(campaign.connect(alice).refund()).to.be.revertedWithCustomError(campaign, "NothingToRefund");
      await expect(campaign.connect(stranger).refundFor(stranger.address)).to.be.revertedWithCustomError(campaign, "NothingToRefund");
    });
  });

  describe("refund", () => {
    it("after failure each backer takes back exactly the contribution (ERC-20), once", async () => {
      const { campaign, usd, alice, bob, carol, params } = await loadFixture(erc20Open);
      const addr = await campaign.getAddress();
      await campaign.connect(alice).contribute(100n * USD);
      await campaign.connect(bob).contribute(200n * USD);
      await expect(campaign.connect(alice).refund()).to.be.revertedWithCustomError(campaign, "RefundsNotOpen").withArgs(Status.Active);
      await time.increaseTo(params.end);
      expect(await campaign.status()).to.equal(Status.Failed);
      await expect(campaign.connect(alice).claimTokens()).to.be.revertedWithCustomError(campaign, "NotSuccessful").withArgs(Status.Failed);
      await expect(campaign.connect(alice).refund())
        .to.emit(campaign, "Refunded")
        .withArgs(alice.address, alice.address, 100n * USD, 200n * USD)
        .and.to.emit(usd, "Transfer")
        .withArgs(addr, alice.address, 100n * USD);
      await expect(campaign.connect(alice).refund()).to.be.revertedWithCustomError(campaign, "NothingToRefund");
      await expect(campaign.connect(carol).refund()).to.be.revertedWithCustomError(campaign, "NothingToRefund");
      await campaign.connect(bob).refund();
      expect(await campaign.totalRaised()).to.equal(0n);
      expect(await usd.balanceOf(addr)).to.equal(0n);
      expect(await campaign.backerInfo(alice.address)).to.deep.equal([100n * USD, false, true]);
      expect(await campaign.status()).to.equal(Status.Failed);
    });

    it("after cancellation (native), refunds are open even if the goal was met", async () => {
      const { campaign, alice, owner, params } = await loadFixture(nativeOpen);
      await campaign.connect(alice).contributeNative({ value: params.goal });
      await campaign.connect(owner).cancel();
      const tx = campaign.connect(alice).refund();
      await expect(tx)
        .to.emit(campaign, "Refunded")
        .withArgs(alice.address, alice.address, params.goal, 0n);
      await expect(tx).to.changeEtherBalances(ethers, [alice, await campaign.getAddress()], [params.goal, -params.goal]);
      await expect(campaign.connect(owner).withdraw()).to.be.revertedWithCustomError(campaign, "NotSuccessful").withArgs(Status.Cancelled);
    });
  });

  describe("withdraw, withdrawTo and sweepFee", () => {
    it("withdraw pays the owner the raise less the fee, once; the fee stays until anyone sweeps it (ERC-20)", async () => {
      const { campaign, usd, owner, treasury, alice, bob, stranger, params } = await loadFixture(erc20Open);
      const addr = await campaign.getAddress();
      const raised = 1234n * USD + 567_891n;
      await campaign.connect(alice).contribute(1000n * USD);
      await campaign.connect(bob).contribute(raised - 1000n * USD);
      await expect(campaign.connect(owner).withdraw()).to.be.revertedWithCustomError(campaign, "NotSuccessful").withArgs(Status.Active);
      await expect(campaign.connect(stranger).sweepFee()).to.be.revertedWithCustomError(campaign, "NotSuccessful").withArgs(Status.Active);
      await time.increaseTo(params.end);
      const fee = (raised * FEE_BPS) / 10_000n;
      expect(fee).to.equal(30_864_197n); // 2.5% of 1,234.567891 rounded down
      await expect(campaign.connect(stranger).withdraw()).to.be.revertedWithCustomError(campaign, "Unauthorized").withArgs(stranger.address);
      expect(await campaign.connect(owner).withdraw.staticCall()).to.deep.equal([raised - fee, fee]);
      const tx = campaign.connect(owner).withdraw();
      await expect(tx)
        .to.emit(campaign, "Withdrawn")
        .withArgs(owner.address, owner.address, raised - fee, fee);
      await expect(tx).to.changeTokenBalances(ethers, usd, [owner, treasury, campaign], [raised - fee, 0n, -(raised - fee)]);
      expect(await campaign.withdrawn()).to.equal(true);
      expect(await usd.balanceOf(addr)).to.equal(fee);
      await expect(campaign.connect(owner).withdraw()).to.be.revertedWithCustomError(campaign, "AlreadyWithdrawn");
      await expect(campaign.connect(owner).withdrawTo(bob.address)).to.be.revertedWithCustomError(campaign, "AlreadyWithdrawn");

      // anyone sends the fee to the treasury, once
      expect(await campaign.feeSwept()).to.equal(false);
      expect(await campaign.connect(stranger).sweepFee.staticCall()).to.equal(fee);
      const sweep = campaign.connect(stranger).sweepFee();
      await expect(sweep).to.emit(campaign, "FeeSwept").withArgs(treasury.address, stranger.address, fee);
      await expect(sweep).to.changeTokenBalances(ethers, usd, [treasury, campaign, stranger], [fee, -fee, 0n]);
      expect(await campaign.feeSwept()).to.equal(true);
      expect(await usd.balanceOf(addr)).to.equal(0n);
      await expect(campaign.connect(owner).sweepFee()).to.be.revertedWithCustomError(campaign, "NoFeeToSweep");
      // backers still claim after the withdrawal
      await campaign.connect(alice).claimTokens();
    });

    it("the fee may be swept before the withdrawal; neither blocks the other (native)", async () => {
      const { campaign, owner, alice, treasury, stranger, params } = await loadFixture(nativeOpen);
      await campaign.connect(alice).contributeNative({ value: params.goal });
      await campaign.connect(owner).finalize();
      const fee = (params.goal * FEE_BPS) / 10_000n;
      const sweep = campaign.connect(stranger).sweepFee();
      await expect(sweep).to.emit(campaign, "FeeSwept").withArgs(treasury.address, stranger.address, fee);
      await expect(sweep).to.changeEtherBalances(ethers, [treasury, campaign], [fee, -fee]);
      expect(await campaign.withdrawn()).to.equal(false);
      const tx = campaign.connect(owner).withdraw();
      await expect(tx).to.emit(campaign, "Withdrawn").withArgs(owner.address, owner.address, params.goal - fee, fee);
      await expect(tx).to.changeEtherBalances(ethers, [owner, campaign], [params.goal - fee, -(params.goal - fee)]);
      expect(await ethers.provider.getBalance(await campaign.getAddress())).to.equal(0n);
    });

    it("sweepFee needs a Successful campaign (not Failed or Cancelled)", async () => {
      const { campaign, owner, alice, stranger, params } = await loadFixture(nativeOpen);
      await campaign.connect(alice).contributeNative({ value: params.goal });
      await campaign.connect(owner).cancel();
      await expect(campaign.connect(stranger).sweepFee()).to.be.revertedWithCustomError(campaign, "NotSuccessful").withArgs(Status.Cancelled);
    });

    it("withdrawTo pays the owner's share to another receiver; only the owner; bad receivers refused", async () => {
      const { campaign, token, factory, usd, owner, carol, alice, stranger, admin, params } = await loadFixture(erc20Open);
      await campaign.connect(alice).contribute(params.goal);
      await time.increaseTo(params.end);
      const fee = (params.goal * FEE_BPS) / 10_000n;
      await expect(campaign.connect(stranger).withdrawTo(stranger.address))
        .to.be.revertedWithCustomError(campaign, "Unauthorized")
        .withArgs(stranger.address);
      await expect(campaign.connect(admin).withdrawTo(admin.address))
        .to.be.revertedWithCustomError(campaign, "Unauthorized")
        .withArgs(admin.address);
      for (const bad of [ZERO, await campaign.getAddress(), await token.getAddress(), await factory.getAddress()]) {
        await expect(campaign.connect(owner).withdrawTo(bad)).to.be.revertedWithCustomError(campaign, "InvalidReceiver").withArgs(bad);
      }
      expect(await campaign.connect(owner).withdrawTo.staticCall(carol.address)).to.deep.equal([params.goal - fee, fee]);
      const tx = campaign.connect(owner).withdrawTo(carol.address);
      await expect(tx).to.emit(campaign, "Withdrawn").withArgs(owner.address, carol.address, params.goal - fee, fee);
      await expect(tx).to.changeTokenBalances(ethers, usd, [carol, owner, campaign], [params.goal - fee, 0n, -(params.goal - fee)]);
      await expect(campaign.connect(owner).withdraw()).to.be.revertedWithCustomError(campaign, "AlreadyWithdrawn");
    });

    it("native, fee 0 at launch: the owner gets everything and there is no fee to sweep", async () => {
      const base = await loadFixture(deployFactory);
      await base.factory.setPlatformFee(0);
      const params = await defaultParams(base, ZERO);
      const { campaign } = await createCampaign(base, params);
      await campaign.connect(base.owner).launch();
      await time.increaseTo(params.start);
      await campaign.connect(base.alice).contributeNative({ value: params.goal });
      await campaign.connect(base.owner).finalize();
      await expect(campaign.connect(base.stranger).sweepFee()).to.be.revertedWithCustomError(campaign, "NoFeeToSweep");
      const tx = campaign.connect(base.owner).withdraw();
      await expect(tx)
        .to.emit(campaign, "Withdrawn")
        .withArgs(base.owner.address, base.owner.address, params.goal, 0n);
      await expect(tx).to.changeEtherBalances(ethers, [base.owner, base.treasury, await campaign.getAddress()], [params.goal, 0n, -params.goal]);
      await expect(campaign.connect(base.stranger).sweepFee()).to.be.revertedWithCustomError(campaign, "NoFeeToSweep");
    });

    it("native with a fee: the treasury in force at the sweep receives it", async () => {
      const { campaign, factory, owner, alice, bob, carol, params } = await loadFixture(nativeOpen);
      await campaign.connect(alice).contributeNative({ value: params.maxPerBacker });
      await campaign.connect(bob).contributeNative({ value: params.cap - params.maxPerBacker });
      expect(await campaign.status()).to.equal(Status.Successful);
      const fee = (params.cap * FEE_BPS) / 10_000n;
      await expect(campaign.connect(owner).withdraw()).to.changeEtherBalances(ethers, [owner, carol], [params.cap - fee, 0n]);
      await factory.setTreasury(carol.address);
      await expect(campaign.connect(bob).sweepFee())
        .to.emit(campaign, "FeeSwept")
        .withArgs(carol.address, bob.address, fee);
      expect(await ethers.provider.getBalance(await campaign.getAddress())).to.equal(0n);
    });
  });

  describe("non-standard tokens", () => {
    async function withAsset(kind: "NoReturnToken" | "FeeOnTransferToken" | "ReentrantToken") {
      const base = await deployFactory();
      const asset = await ethers.deployContract(kind);
      const params = await defaultParams(base, await asset.getAddress(), { goal: 100n * USD, cap: 0n, maxPerBacker: 0n, minContribution: 1n });
      const { campaign } = await createCampaign(base, params);
      await campaign.connect(base.owner).launch();
      for (const who of [base.alice, base.bob]) {
        await asset.mint(who.address, 1000n * USD);
        await (asset.connect(who) as typeof asset).approve(await campaign.getAddress(), ethers.MaxUint256);
      }
      await time.increaseTo(params.start);
      return { ...base, asset, campaign, params };
    }
    const noReturn = () => withAsset("NoReturnToken");
    const feeOnTransfer = () => withAsset("FeeOnTransferToken");
    const reentrant = () => withAsset("ReentrantToken");

    it("a USDT-like token without return values works end to end (success and failure)", async () => {
      const { asset, campaign, alice, owner, treasury, params } = await loadFixture(noReturn);
      await campaign.connect(alice).contribute(100n * USD);
      await time.increaseTo(params.end);
      await campaign.connect(owner).withdraw();
      await campaign.connect(alice).sweepFee();
      const fee = (100n * USD * FEE_BPS) / 10_000n;
      expect(await asset.balanceOf(owner.address)).to.equal(100n * USD - fee);
      expect(await asset.balanceOf(treasury.address)).to.equal(fee);
      expect(await asset.balanceOf(await campaign.getAddress())).to.equal(0n);

      const failed = await withAsset("NoReturnToken");
      await failed.campaign.connect(failed.alice).contribute(50n * USD);
      await time.increaseTo(failed.params.end);
      await failed.campaign.connect(failed.alice).refund();
      expect(await failed.asset.balanceOf(failed.alice.address)).to.equal(1000n * USD);
    });

    it("a fee-on-transfer token is refused with UnsupportedTokenTransfer", async () => {
      const { asset, campaign, alice, operator } = await loadFixture(feeOnTransfer);
      const addr = await campaign.getAddress();
      const assetAddr = await asset.getAddress();
      await expect(campaign.connect(alice).contribute(100n * USD))
        .to.be.revertedWithCustomError(campaign, "UnsupportedTokenTransfer")
        .withArgs(assetAddr, 100n * USD, 99n * USD);
      await asset.mint(operator.address, 100n * USD);
      await (asset.connect(operator) as typeof asset).approve(addr, ethers.MaxUint256);
      await expect(campaign.connect(operator).contributeFor(alice.address, 100n * USD, REF1)).to.be.revertedWithCustomError(
        campaign,
        "UnsupportedTokenTransfer",
      );
      expect(await campaign.totalRaised()).to.equal(0n);
      expect(await asset.balanceOf(addr)).to.equal(0n);
    });

    it("a reentrant token cannot re-enter contribute/refund/withdraw/claimTokens", async () => {
      const ctx = await loadFixture(reentrant);
      const { asset, campaign, alice, bob } = ctx;
      const addr = await campaign.getAddress();
      const refundCall = campaign.interface.encodeFunctionData("refund");
      // re-entering refund from a contribution's transfer
      await asset.arm(addr, refundCall);
      await expect(campaign.connect(alice).contribute(10n * USD)).to.be.revertedWithCustomError(campaign, "ReentrancyGuardReentrantCall");
      expect(await campaign.totalRaised()).to.equal(0n);
      await asset.arm(ZERO, "0x");
      await campaign.connect(alice).contribute(10n * USD);
      await campaign.connect(bob).contribute(20n * USD);

      // failure: re-entering refund from a refund's transfer
      await time.increaseTo(ctx.params.end);
      await asset.arm(addr, refundCall);
      await expect(campaign.connect(alice).refund()).to.be.revertedWithCustomError(campaign, "ReentrancyGuardReentrantCall");
      expect(await asset.balanceOf(addr)).to.equal(30n * USD);
      expect(await campaign.contributionOf(alice.address)).to.equal(10n * USD);
      await asset.arm(ZERO, "0x");
      await campaign.connect(alice).refund();
      expect(await asset.balanceOf(alice.address)).to.equal(1000n * USD);
    });

    it("a reentrant token cannot re-enter withdraw, sweepFee or claimTokens during a withdrawal or a sweep", async () => {
      const { asset, campaign, alice, owner, params } = await loadFixture(reentrant);
      const addr = await campaign.getAddress();
      await campaign.connect(alice).contribute(params.goal);
      await time.increaseTo(params.end);
      const fee = (params.goal * FEE_BPS) / 10_000n;
      const payloads = [
        campaign.interface.encodeFunctionData("withdraw"),
        campaign.interface.encodeFunctionData("sweepFee"),
        campaign.interface.encodeFunctionData("claimTokens"),
      ];
      for (const payload of payloads) {
        await asset.arm(addr, payload);
        await expect(campaign.connect(owner).withdraw()).to.be.revertedWithCustomError(campaign, "ReentrancyGuardReentrantCall");
        await asset.arm(addr, payload);
        await expect(campaign.connect(alice).sweepFee()).to.be.revertedWithCustomError(campaign, "ReentrancyGuardReentrantCall");
        expect(await campaign.withdrawn()).to.equal(false);
        expect(await campaign.feeSwept()).to.equal(false);
        expect(await asset.balanceOf(addr)).to.equal(params.goal);
      }
      await asset.arm(ZERO, "0x");
      await campaign.connect(owner).withdraw();
      expect(await asset.balanceOf(addr)).to.equal(fee);
      await campaign.connect(alice).sweepFee();
      expect(await asset.balanceOf(addr)).to.equal(0n);
    });
  });

  describe("native receivers that reject or re-enter", () => {
    async function withActor() {
      const ctx = await nativeCampaign();
      const actor = await ethers.deployContract("CampaignActor");
      await time.increaseTo(ctx.params.start);
      return { ...ctx, actor };
    }

    it("a backer that rejects the coin gets NativeTransferFailed and keeps its refund", async () => {
      const { campaign, actor, params } = await loadFixture(withActor);
      const addr = await campaign.getAddress();
      const actorAddr = await actor.getAddress();
      await actor.execute(addr, campaign.interface.encodeFunctionData("contributeNative"), { value: 20n * E18 });
      await time.increaseTo(params.end);
      await actor.setRejectNative(true);
      const refund = campaign.interface.encodeFunctionData("refund");
      await expect(actor.execute(addr, refund)).to.be.revertedWithCustomError(campaign, "NativeTransferFailed").withArgs(actorAddr, 20n * E18);
      expect(await campaign.contributionOf(actorAddr)).to.equal(20n * E18);
      expect(await campaign.totalRaised()).to.equal(20n * E18);
      expect(await ethers.provider.getBalance(addr)).to.equal(20n * E18);
      await actor.setRejectNative(false);
      await expect(actor.execute(addr, refund)).to.changeEtherBalance(ethers, actorAddr, 20n * E18);
    });

    it("a backer re-entering refund from its receive hook cannot be paid twice", async () => {
      const { campaign, actor, alice, params } = await loadFixture(withActor);
      const addr = await campaign.getAddress();
      await actor.execute(addr, campaign.interface.encodeFunctionData("contributeNative"), { value: 20n * E18 });
      await campaign.connect(alice).contributeNative({ value: 30n * E18 });
      await time.increaseTo(params.end);
      const refund = campaign.interface.encodeFunctionData("refund");
      await actor.armReentry(addr, refund);
      // the inner refund hits the guard, so the receive reverts and the payment fails
      await expect(actor.execute(addr, refund)).to.be.revertedWithCustomError(campaign, "NativeTransferFailed");
      expect(await ethers.provider.getBalance(addr)).to.equal(50n * E18);
      await actor.armReentry(ZERO, "0x");
      await actor.execute(addr, refund);
      expect(await ethers.provider.getBalance(addr)).to.equal(30n * E18);
    });

    it("an owner that rejects the coin gets NativeTransferFailed and can withdraw later", async () => {
      const base = await loadFixture(deployFactory);
      const actor = await ethers.deployContract("CampaignActor");
      const actorAddr = await actor.getAddress();
      const params = await defaultParams(base, ZERO, { owner: actorAddr });
      const { campaign } = await createCampaign(base, params);
      const addr = await campaign.getAddress();
      await actor.execute(addr, campaign.interface.encodeFunctionData("launch"));
      await time.increaseTo(params.start);
      await campaign.connect(base.alice).contributeNative({ value: params.goal });
      await time.increaseTo(params.end);
      await actor.setRejectNative(true);
      const withdraw = campaign.interface.encodeFunctionData("withdraw");
      const fee = (params.goal * FEE_BPS) / 10_000n;
      await expect(actor.execute(addr, withdraw))
        .to.be.revertedWithCustomError(campaign, "NativeTransferFailed")
        .withArgs(actorAddr, params.goal - fee);
      expect(await campaign.withdrawn()).to.equal(false);
      expect(await ethers.provider.getBalance(addr)).to.equal(params.goal);
      await actor.setRejectNative(false);
      await expect(actor.execute(addr, withdraw)).to.changeEtherBalance(ethers, actorAddr, params.goal - fee);
    });

    it("a treasury that rejects the coin cannot block the owner; the fee waits until the admin replaces it", async () => {
      const { campaign, factory, owner, alice, treasury, params } = await loadFixture(nativeOpen);
      const actor = await ethers.deployContract("CampaignActor");
      await actor.setRejectNative(true);
      await factory.setTreasury(await actor.getAddress());
      await campaign.connect(alice).contributeNative({ value: params.goal });
      await time.increaseTo(params.end);
      const fee = (params.goal * FEE_BPS) / 10_000n;
      const actorAddr = await actor.getAddress();
      await expect(campaign.connect(owner).withdraw()).to.changeEtherBalance(ethers, owner, params.goal - fee);
      await expect(campaign.connect(alice).sweepFee())
        .to.be.revertedWithCustomError(campaign, "NativeTransferFailed")
        .withArgs(actorAddr, fee);
      expect(await campaign.feeSwept()).to.equal(false);
      expect(await ethers.provider.getBalance(await campaign.getAddress())).to.equal(fee);
      await factory.setTreasury(treasury.address);
      await expect(campaign.connect(alice).sweepFee()).to.changeEtherBalance(ethers, treasury, fee);
    });
  });
});
