// Tests of the fixes for the campaign audit (L-1, L-2, I-1 … I-5; I-6 is in test/tokens/ExactTransfer.ts).
// Each scenario is the audit's proof of concept turned around: it failed before the fix.
import { expect } from "chai";
import {
  E18,
  FEE_BPS,
  Status,
  USD,
  ZERO,
  bareClone,
  createCampaign,
  defaultParams,
  deployFactory,
  ethers,
  networkHelpers,
  poolConfig,
} from "./fixtures.js";
import type { Base, Params } from "./fixtures.js";

const { loadFixture, time } = networkHelpers;

/** The addresses the factory's next createCampaign will give the campaign and its token. */
async function nextAddresses(base: Base) {
  const from = await base.factory.getAddress();
  const nonce = await ethers.provider.getTransactionCount(from);
  return {
    campaign: ethers.getCreateAddress({ from, nonce }),
    token: ethers.getCreateAddress({ from, nonce: nonce + 1 }),
  };
}

async function create(base: Base, params: Params) {
  const cfg = poolConfig(base.admin.address, await base.rewards.getAddress());
  return base.factory.connect(base.creator).createCampaign(params, "T", "T", false, cfg);
}

describe("Campaign audit fixes", () => {
  describe("L-1: an owner that could never withdraw is refused", () => {
    it("at creation: the campaign itself (predicted address), its token (predicted) or the factory", async () => {
      const base = await loadFixture(deployFactory);
      const params = await defaultParams(base, ZERO);
      const next = await nextAddresses(base);
      const factoryAddr = await base.factory.getAddress();
      const c = base.campaignImpl;
      for (const owner of [next.campaign, next.token, factoryAddr]) {
        await expect(create(base, { ...params, owner }))
          .to.be.revertedWithCustomError(c, "InvalidOwner")
          .withArgs(owner);
      }
      // the prediction was right: a good owner gets exactly those addresses
      const { campaign, token } = await createCampaign(base, params);
      expect(await campaign.getAddress()).to.equal(next.campaign);
      expect(await token.getAddress()).to.equal(next.token);
    });

    it("in updateParams (owner or admin): the campaign, its token or the factory", async () => {
      const base = await loadFixture(deployFactory);
      const params = await defaultParams(base, ZERO);
      const { campaign, token } = await createCampaign(base, params);
      for (const owner of [await campaign.getAddress(), await token.getAddress(), await base.factory.getAddress()]) {
        await expect(campaign.connect(base.owner).updateParams({ ...params, owner }))
          .to.be.revertedWithCustomError(campaign, "InvalidOwner")
          .withArgs(owner);
        await expect(campaign.connect(base.admin).updateParams({ ...params, owner }))
          .to.be.revertedWithCustomError(campaign, "InvalidOwner")
          .withArgs(owner);
      }
      expect(await campaign.owner()).to.equal(base.owner.address);
    });
  });

  describe("L-2: an owner or backer that cannot receive the asset names another receiver", () => {
    async function withActor() {
      const base = await deployFactory();
      const actor = await ethers.deployContract("CampaignActor");
      return { ...base, actor, actorAddr: await actor.getAddress() };
    }

    it("native: an owner contract that never accepts the coin withdraws to another address (withdrawTo)", async () => {
      const ctx = await loadFixture(withActor);
      const { actor, actorAddr, alice, carol } = ctx;
      const params = await defaultParams(ctx, ZERO, { owner: actorAddr });
      const { campaign } = await createCampaign(ctx, params);
      const addr = await campaign.getAddress();
      await actor.execute(addr, campaign.interface.encodeFunctionData("launch"));
      await time.increaseTo(params.start);
      await campaign.connect(alice).contributeNative({ value: params.goal });
      await time.increaseTo(params.end);
      await actor.setRejectNative(true);
      const fee = (params.goal * FEE_BPS) / 10_000n;
      await expect(actor.execute(addr, campaign.interface.encodeFunctionData("withdraw")))
        .to.be.revertedWithCustomError(campaign, "NativeTransferFailed")
        .withArgs(actorAddr, params.goal - fee);
      const tx = actor.execute(addr, campaign.interface.encodeFunctionData("withdrawTo", [carol.address]));
      await expect(tx).to.emit(campaign, "Withdrawn").withArgs(actorAddr, carol.address, params.goal - fee, fee);
      await expect(tx).to.changeEtherBalances(ethers, [carol, actorAddr, addr], [params.goal - fee, 0n, -(params.goal - fee)]);
      expect(await campaign.withdrawn()).to.equal(true);
    });

    it("native: a backer contract that never accepts the coin takes its refund at another address (refundTo)", async () => {
      const ctx = await loadFixture(withActor);
      const { actor, actorAddr, alice, carol, stranger, owner } = ctx;
      const params = await defaultParams(ctx, ZERO);
      const { campaign, token } = await createCampaign(ctx, params);
      const addr = await campaign.getAddress();
      await campaign.connect(owner).launch();
      await time.increaseTo(params.start);
      await actor.execute(addr, campaign.interface.encodeFunctionData("contributeNative"), { value: 20n * E18 });
      await campaign.connect(alice).contributeNative({ value: 30n * E18 });
      const refundTo = (to: string) => campaign.interface.encodeFunctionData("refundTo", [to]);
      await expect(actor.execute(addr, refundTo(carol.address)))
        .to.be.revertedWithCustomError(campaign, "RefundsNotOpen")
        .withArgs(Status.Active);
      await campaign.connect(owner).cancel();
      await actor.setRejectNative(true);
      // refundFor still pays only the backer, so it cannot help here
      await expect(campaign.connect(stranger).refundFor(actorAddr))
        .to.be.revertedWithCustomError(campaign, "NativeTransferFailed")
        .withArgs(actorAddr, 20n * E18);
      // refundTo refuses a receiver that would lose the money
      for (const bad of [ZERO, addr, await token.getAddress(), await ctx.factory.getAddress()]) {
        await expect(actor.execute(addr, refundTo(bad))).to.be.revertedWithCustomError(campaign, "InvalidReceiver").withArgs(bad);
      }
      // refundTo refunds the caller's own contribution only
      await expect(campaign.connect(stranger).refundTo(stranger.address)).to.be.revertedWithCustomError(campaign, "NothingToRefund");
      const tx = actor.execute(addr, refundTo(carol.address));
      await expect(tx).to.emit(campaign, "Refunded").withArgs(actorAddr, carol.address, 20n * E18, 30n * E18);
      await expect(tx).to.changeEtherBalances(ethers, [carol, actorAddr, addr], [20n * E18, 0n, -20n * E18]);
      expect(await campaign.backerInfo(actorAddr)).to.deep.equal([20n * E18, false, true]);
      await expect(actor.execute(addr, refundTo(carol.address))).to.be.revertedWithCustomError(campaign, "NothingToRefund");
      await expect(campaign.connect(stranger).refundFor(actorAddr)).to.be.revertedWithCustomError(campaign, "NothingToRefund");
      // alice's refund is untouched
      expect(await campaign.connect(alice).refundTo.staticCall(alice.address)).to.equal(30n * E18);
    });

    async function blocklisted() {
      const base = await deployFactory();
      const asset = await ethers.deployContract("BlocklistToken");
      const params = await defaultParams(base, await asset.getAddress(), { cap: 0n, maxPerBacker: 0n });
      const success = (await createCampaign(base, params)).campaign;
      const failure = (await createCampaign(base, params)).campaign;
      for (const c of [success, failure]) await c.connect(base.owner).launch();
      for (const who of [base.alice, base.bob]) {
        await asset.mint(who.address, 10_000n * USD);
        for (const c of [success, failure]) await asset.connect(who).approve(await c.getAddress(), ethers.MaxUint256);
      }
      await time.increaseTo(params.start);
      await success.connect(base.alice).contribute(params.goal);
      await failure.connect(base.alice).contribute(100n * USD);
      await failure.connect(base.bob).contribute(50n * USD);
      await time.increaseTo(params.end);
      return { ...base, asset, params, success, failure };
    }

    it("ERC-20: a blocklisted owner withdraws to another address; a blocklisted treasury does not block it", async () => {
      const { asset, params, success, owner, carol, treasury, stranger, factory } = await loadFixture(blocklisted);
      const fee = (params.goal * FEE_BPS) / 10_000n;
      await asset.setBlocked(owner.address, true);
      await asset.setBlocked(treasury.address, true);
      await expect(success.connect(owner).withdraw()).to.be.revertedWithCustomError(asset, "Blocked").withArgs(owner.address);
      const tx = success.connect(owner).withdrawTo(carol.address);
      await expect(tx).to.emit(success, "Withdrawn").withArgs(owner.address, carol.address, params.goal - fee, fee);
      await expect(tx).to.changeTokenBalances(ethers, asset, [carol, success], [params.goal - fee, -(params.goal - fee)]);
      // the fee waits for a treasury that can receive it
      await expect(success.connect(stranger).sweepFee()).to.be.revertedWithCustomError(asset, "Blocked").withArgs(treasury.address);
      await factory.setTreasury(stranger.address);
      await expect(success.connect(stranger).sweepFee()).to.emit(success, "FeeSwept").withArgs(stranger.address, stranger.address, fee);
      expect(await asset.balanceOf(await success.getAddress())).to.equal(0n);
    });

    it("ERC-20: a blocklisted backer takes its refund at another address", async () => {
      const { asset, failure, alice, bob, carol, stranger } = await loadFixture(blocklisted);
      expect(await failure.status()).to.equal(Status.Failed);
      await asset.setBlocked(alice.address, true);
      await expect(failure.connect(alice).refund()).to.be.revertedWithCustomError(asset, "Blocked").withArgs(alice.address);
      await expect(failure.connect(stranger).refundFor(alice.address)).to.be.revertedWithCustomError(asset, "Blocked").withArgs(alice.address);
      const tx = failure.connect(alice).refundTo(carol.address);
      await expect(tx).to.emit(failure, "Refunded").withArgs(alice.address, carol.address, 100n * USD, 50n * USD);
      await expect(tx).to.changeTokenBalances(ethers, asset, [carol, failure], [100n * USD, -100n * USD]);
      // the plain refund names the backer as receiver
      await expect(failure.connect(bob).refund()).to.emit(failure, "Refunded").withArgs(bob.address, bob.address, 50n * USD, 0n);
    });
  });

  describe("I-1: the platform fee is fixed at launch, not at creation", () => {
    it("a fee raised between creation and launch applies; a change after launch does not", async () => {
      const base = await loadFixture(deployFactory);
      await base.factory.setPlatformFee(0);
      const params = await defaultParams(base, ZERO);
      const { campaign } = await createCampaign(base, params);
      expect(await campaign.platformFeeBps()).to.equal(0n); // the Draft shows the factory's current fee
      await base.factory.setPlatformFee(1000);
      expect(await campaign.platformFeeBps()).to.equal(1000n);
      await expect(campaign.connect(base.owner).launch())
        .to.emit(campaign, "Launched")
        .withArgs(base.owner.address, params.start, params.end, 1000n);
      await base.factory.setPlatformFee(0);
      expect(await campaign.platformFeeBps()).to.equal(1000n);
      await time.increaseTo(params.start);
      await campaign.connect(base.alice).contributeNative({ value: params.goal });
      await time.increaseTo(params.end);
      await expect(campaign.connect(base.owner).withdraw())
        .to.emit(campaign, "Withdrawn")
        .withArgs(base.owner.address, base.owner.address, (params.goal * 9n) / 10n, params.goal / 10n);
    });

    it("an old Draft relaunched a year later gets the fee in force at its launch", async () => {
      const base = await loadFixture(deployFactory);
      await base.factory.setPlatformFee(0);
      const params = await defaultParams(base, ZERO);
      const { campaign } = await createCampaign(base, params);
      await base.factory.setPlatformFee(1000);
      await time.increase(365 * 86400);
      const now = BigInt(await time.latest());
      await campaign.connect(base.owner).updateParams({ ...params, start: now + 10n, end: now + 1000n });
      await campaign.connect(base.owner).launch();
      expect(await campaign.platformFeeBps()).to.equal(1000n);
    });

    it("a campaign cancelled as a Draft shows no fee", async () => {
      const base = await loadFixture(deployFactory);
      const { campaign } = await createCampaign(base, await defaultParams(base, ZERO));
      expect(await campaign.platformFeeBps()).to.equal(FEE_BPS);
      await campaign.connect(base.owner).cancel();
      expect(await campaign.platformFeeBps()).to.equal(0n);
    });
  });

  describe("I-2: each onrampRef settles once across every campaign of the factory", () => {
    it("the same reference is refused on a second campaign; the factory records it", async () => {
      const base = await loadFixture(deployFactory);
      const params = await defaultParams(base, ZERO);
      const a = (await createCampaign(base, params)).campaign;
      const b = (await createCampaign(base, params)).campaign;
      await a.connect(base.owner).launch();
      await b.connect(base.owner).launch();
      await time.increaseTo(params.start);
      const ref = ethers.id("order-1");
      expect(await base.factory.onrampRefUsed(ref)).to.equal(false);
      await expect(a.connect(base.operator).contributeFor(base.alice.address, 20n * E18, ref, { value: 20n * E18 }))
        .to.emit(a, "Contributed")
        .withArgs(base.alice.address, base.operator.address, ref, 20n * E18, 20n * E18, 20n * E18);
      expect(await base.factory.onrampRefUsed(ref)).to.equal(true);
      await expect(b.connect(base.operator).contributeFor(base.alice.address, 20n * E18, ref, { value: 20n * E18 }))
        .to.be.revertedWithCustomError(b, "OnrampRefUsed")
        .withArgs(ref);
      expect(await b.totalRaised()).to.equal(0n);
      // another reference goes through on b
      await b.connect(base.operator).contributeFor(base.alice.address, 20n * E18, ethers.id("order-2"), { value: 20n * E18 });
      expect(await b.totalRaised()).to.equal(20n * E18);
    });

    it("only a campaign of this factory may consume a reference (NotCampaign)", async () => {
      const base = await loadFixture(deployFactory);
      const params = await defaultParams(base, ZERO);
      const { campaign, token } = await createCampaign(base, params);
      const ref = ethers.id("order-9");
      for (const who of [base.operator, base.admin, base.stranger]) {
        await expect(base.factory.connect(who).consumeOnrampRef(ref))
          .to.be.revertedWithCustomError(base.factory, "NotCampaign")
          .withArgs(who.address);
      }
      // a contract that is not a campaign of this factory: a campaign clone made outside it
      const actor = await ethers.deployContract("CampaignActor");
      const data = base.factory.interface.encodeFunctionData("consumeOnrampRef", [ref]);
      await expect(actor.execute(await base.factory.getAddress(), data))
        .to.be.revertedWithCustomError(base.factory, "NotCampaign")
        .withArgs(await actor.getAddress());
      expect(await base.factory.isCampaign(await campaign.getAddress())).to.equal(true);
      expect(await base.factory.isCampaign(await token.getAddress())).to.equal(false);
      expect(await base.factory.onrampRefUsed(ref)).to.equal(false);
    });

    it("a campaign of another factory does not share the registry", async () => {
      const base = await loadFixture(deployFactory);
      const other = await ethers.deployContract("CampaignFactory", [
        base.admin.address,
        base.treasury.address,
        FEE_BPS,
        await base.campaignImpl.getAddress(),
        await base.tokenImpl.getAddress(),
        await base.poolImpl.getAddress(),
      ]);
      await other.grantRole(await other.CAMPAIGN_CREATOR_ROLE(), base.creator.address);
      await other.grantRole(await other.ONRAMP_OPERATOR_ROLE(), base.operator.address);
      const params = await defaultParams(base, ZERO);
      const a = (await createCampaign(base, params)).campaign;
      const b = (await createCampaign({ ...base, factory: other as unknown as Base["factory"] }, params)).campaign;
      await a.connect(base.owner).launch();
      await b.connect(base.owner).launch();
      await time.increaseTo(params.start);
      const ref = ethers.id("order-1");
      await a.connect(base.operator).contributeFor(base.alice.address, 20n * E18, ref, { value: 20n * E18 });
      await b.connect(base.operator).contributeFor(base.alice.address, 20n * E18, ref, { value: 20n * E18 });
      expect(await base.factory.onrampRefUsed(ref)).to.equal(true);
      expect(await other.onrampRefUsed(ref)).to.equal(true);
    });
  });

  describe("I-3: only the campaign's factory initialises a token clone", () => {
    it("a stranger's token clone pointing at a real campaign cannot be initialised; authenticity check", async () => {
      const base = await loadFixture(deployFactory);
      const { campaign, token } = await createCampaign(base, await defaultParams(base, ZERO));
      const campaignAddr = await campaign.getAddress();
      const fake = await ethers.getContractAt("CampaignToken", await bareClone(await base.tokenImpl.getAddress(), campaignAddr));
      expect(await fake.campaign()).to.equal(campaignAddr);
      await expect(fake.connect(base.stranger).initialize("Campaign Token", "CMP"))
        .to.be.revertedWithCustomError(fake, "OnlyFactory")
        .withArgs(base.stranger.address);
      expect(await fake.name()).to.equal("");
      // a token t is authentic when factory.isCampaign(t.campaign()) && campaign.token() == t
      const authentic = async (t: string) => {
        const c = await (await ethers.getContractAt("CampaignToken", t)).campaign();
        return (await base.factory.isCampaign(c)) && (await (await ethers.getContractAt("Campaign", c)).token()) === t;
      };
      expect(await authentic(await token.getAddress())).to.equal(true);
      expect(await authentic(await fake.getAddress())).to.equal(false);
    });

    it("a token clone whose campaign is not a contract cannot be initialised", async () => {
      const base = await loadFixture(deployFactory);
      const fake = await ethers.getContractAt("CampaignToken", await bareClone(await base.tokenImpl.getAddress(), base.alice.address));
      // ICampaign(alice).factory() on an account without code: the return data cannot be decoded
      await expect(fake.connect(base.alice).initialize("X", "X")).to.be.revertedWithoutReason(ethers);
      expect(await fake.name()).to.equal("");
    });
  });

  describe("I-4: a minimum contribution above the cap is refused", () => {
    it("at creation and in updateParams (InvalidLimits(min, cap)); min == cap is allowed", async () => {
      const base = await loadFixture(deployFactory);
      const params = await defaultParams(base, ZERO, { goal: 100n * E18, cap: 100n * E18, maxPerBacker: 0n });
      const c = base.campaignImpl;
      await expect(create(base, { ...params, minContribution: 200n * E18 }))
        .to.be.revertedWithCustomError(c, "InvalidLimits")
        .withArgs(200n * E18, 100n * E18);
      await expect(create(base, { ...params, minContribution: 100n * E18 + 1n }))
        .to.be.revertedWithCustomError(c, "InvalidLimits")
        .withArgs(100n * E18 + 1n, 100n * E18);
      const { campaign } = await createCampaign(base, { ...params, minContribution: 100n * E18 });
      await expect(campaign.connect(base.owner).updateParams({ ...params, minContribution: 101n * E18 }))
        .to.be.revertedWithCustomError(campaign, "InvalidLimits")
        .withArgs(101n * E18, 100n * E18);
      // without a cap any minimum goes (up to maxPerBacker)
      await campaign.connect(base.owner).updateParams({ ...params, cap: 0n, minContribution: 500n * E18 });
      expect((await campaign.params()).minContribution).to.equal(500n * E18);
    });
  });

  describe("I-5: updateParams, launch, finalize and cancel are nonReentrant", () => {
    async function tokenOwner() {
      const base = await deployFactory();
      const asset = await ethers.deployContract("ReentrantToken");
      const assetAddr = await asset.getAddress();
      // the asset is also the owner, so it re-enters as the owner from inside a transfer
      const params = await defaultParams(base, assetAddr, { owner: assetAddr, cap: 0n, maxPerBacker: 0n, goal: 100n * USD });
      const { campaign } = await createCampaign(base, params);
      await asset.arm(await campaign.getAddress(), campaign.interface.encodeFunctionData("launch"));
      await asset.mint(base.alice.address, 1000n * USD);
      await asset.connect(base.alice).transfer(base.bob.address, 1n); // fires the hook: launch as the owner
      expect(await campaign.status()).to.equal(Status.Scheduled);
      await asset.connect(base.alice).approve(await campaign.getAddress(), ethers.MaxUint256);
      await time.increaseTo(params.start);
      return { ...base, asset, campaign, params };
    }

    it("the owner cannot finalize or cancel from inside a contribution's transfer", async () => {
      const { asset, campaign, alice, params } = await loadFixture(tokenOwner);
      const addr = await campaign.getAddress();
      for (const payload of [campaign.interface.encodeFunctionData("finalize"), campaign.interface.encodeFunctionData("cancel")]) {
        await asset.arm(addr, payload);
        await expect(campaign.connect(alice).contribute(params.goal)).to.be.revertedWithCustomError(campaign, "ReentrancyGuardReentrantCall");
        expect(await campaign.status()).to.equal(Status.Active);
        expect(await campaign.totalRaised()).to.equal(0n);
      }
      await asset.arm(ZERO, "0x");
      await campaign.connect(alice).contribute(params.goal);
      await asset.arm(addr, campaign.interface.encodeFunctionData("finalize"));
      await asset.connect(alice).transfer(params.owner, 1n); // outside the campaign: allowed
      expect(await campaign.status()).to.equal(Status.Successful);
    });
  });
});
