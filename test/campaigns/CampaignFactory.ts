import { expect } from "chai";
import { anyValue } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";
import {
  ADMIN_ROLE,
  CREATOR_ROLE,
  FEE_BPS,
  ONRAMP_ROLE,
  Status,
  ZERO,
  bareClone,
  createCampaign,
  defaultParams,
  deployFactory,
  ethers,
  networkHelpers,
  poolConfig,
  signPermit,
} from "./fixtures.js";

const { loadFixture } = networkHelpers;

describe("CampaignFactory", () => {
  describe("deployment", () => {
    it("stores the implementations, grants the admin role and sets fee and treasury with events", async () => {
      const { factory, campaignImpl, tokenImpl, poolImpl, admin, treasury } = await loadFixture(deployFactory);
      expect(await factory.campaignImplementation()).to.equal(await campaignImpl.getAddress());
      expect(await factory.tokenImplementation()).to.equal(await tokenImpl.getAddress());
      expect(await factory.poolImplementation()).to.equal(await poolImpl.getAddress());
      expect(await factory.hasRole(ADMIN_ROLE, admin.address)).to.equal(true);
      expect(await factory.treasury()).to.equal(treasury.address);
      expect(await factory.platformFeeBps()).to.equal(FEE_BPS);
      expect(await factory.MAX_FEE_BPS()).to.equal(1000n);
      expect(await factory.CAMPAIGN_CREATOR_ROLE()).to.equal(CREATOR_ROLE);
      expect(await factory.ONRAMP_OPERATOR_ROLE()).to.equal(ONRAMP_ROLE);
      expect(await factory.campaignCount()).to.equal(0n);
      expect(await factory.poolCount()).to.equal(0n);

      // redeploy to see the constructor's events
      const again = await ethers.deployContract("CampaignFactory", [
        admin.address,
        treasury.address,
        FEE_BPS,
        await campaignImpl.getAddress(),
        await tokenImpl.getAddress(),
        await poolImpl.getAddress(),
      ]);
      await expect(again.deploymentTransaction())
        .to.emit(again, "TreasuryUpdated")
        .withArgs(ZERO, treasury.address)
        .and.to.emit(again, "FeeUpdated")
        .withArgs(0n, FEE_BPS);
    });

    it("rejects a zero admin, treasury or implementation, and a fee above 10%", async () => {
      const { factory, campaignImpl, tokenImpl, poolImpl, admin, treasury } = await loadFixture(deployFactory);
      const good = [
        admin.address,
        treasury.address,
        FEE_BPS,
        await campaignImpl.getAddress(),
        await tokenImpl.getAddress(),
        await poolImpl.getAddress(),
      ] as const;
      const Factory = await ethers.getContractFactory("CampaignFactory");
      for (const i of [0, 1, 3, 4, 5]) {
        const args = [...good] as unknown[];
        args[i] = ZERO;
        await expect(Factory.deploy(...(args as Parameters<typeof Factory.deploy>))).to.be.revertedWithCustomError(
          factory,
          "FactoryZeroAddress",
        );
      }
      const high = [...good] as unknown[];
      high[2] = 1001n;
      await expect(Factory.deploy(...(high as Parameters<typeof Factory.deploy>)))
        .to.be.revertedWithCustomError(factory, "FeeTooHigh")
        .withArgs(1001n, 1000n);
      high[2] = 1000n;
      const atMax = await Factory.deploy(...(high as Parameters<typeof Factory.deploy>));
      expect(await atMax.platformFeeBps()).to.equal(1000n);
    });

    it("implementations cannot be initialised", async () => {
      const base = await loadFixture(deployFactory);
      const params = await defaultParams(base, ZERO);
      await expect(base.campaignImpl.initialize(params, base.alice.address)).to.be.revertedWithCustomError(
        base.campaignImpl,
        "InvalidInitialization",
      );
      await expect(base.tokenImpl.initialize("X", "X")).to.be.revertedWithCustomError(
        base.tokenImpl,
        "InvalidInitialization",
      );
    });
  });

  describe("createCampaign", () => {
    it("creates a Draft campaign and its token, records it and emits CampaignCreated with everything", async () => {
      const base = await loadFixture(deployFactory);
      const params = await defaultParams(base, await base.usd.getAddress());
      const { campaign, token, poolAddr, tx } = await createCampaign(base, params);
      const campaignAddr = await campaign.getAddress();
      const tokenAddr = await token.getAddress();
      expect(poolAddr).to.equal(ZERO);
      await expect(tx)
        .to.emit(base.factory, "CampaignCreated")
        .withArgs(campaignAddr, base.owner.address, tokenAddr, ZERO, 0n, FEE_BPS, "Campaign Token", "CMP", anyValue);
      await expect(tx).not.to.emit(base.factory, "PoolCreated");
      const receipt = await (await tx).wait();
      const log = receipt!.logs
        .map((l) => base.factory.interface.parseLog(l))
        .find((l) => l?.name === "CampaignCreated");
      const emitted = log!.args.params;
      for (const key of Object.keys(params) as (keyof typeof params)[]) {
        expect(emitted[key]).to.equal(params[key], key);
      }

      expect(await base.factory.isCampaign(campaignAddr)).to.equal(true);
      expect(await base.factory.isCampaign(tokenAddr)).to.equal(false);
      expect(await base.factory.campaignCount()).to.equal(1n);
      expect(await base.factory.campaignAt(0)).to.equal(campaignAddr);
      await expect(base.factory.campaignAt(1))
        .to.be.revertedWithCustomError(base.factory, "IndexOutOfBounds")
        .withArgs(1n, 1n);

      expect(await campaign.status()).to.equal(Status.Draft);
      expect(await campaign.factory()).to.equal(await base.factory.getAddress());
      expect(await campaign.token()).to.equal(tokenAddr);
      expect(await campaign.platformFeeBps()).to.equal(FEE_BPS);
      expect(await campaign.owner()).to.equal(base.owner.address);
      expect(await campaign.asset()).to.equal(params.asset);
      const stored = await campaign.params();
      for (const key of Object.keys(params) as (keyof typeof params)[]) {
        expect(stored[key]).to.equal(params[key], key);
      }

      expect(await token.name()).to.equal("Campaign Token");
      expect(await token.symbol()).to.equal("CMP");
      expect(await token.decimals()).to.equal(18n);
      expect(await token.totalSupply()).to.equal(0n);
      expect(await token.campaign()).to.equal(campaignAddr);

      // a second campaign gets index 1
      const second = await createCampaign(base, params);
      await expect(second.tx)
        .to.emit(base.factory, "CampaignCreated")
        .withArgs(await second.campaign.getAddress(), base.owner.address, anyValue, ZERO, 1n, FEE_BPS, "Campaign Token", "CMP", anyValue);
      expect(await base.factory.campaignCount()).to.equal(2n);
    });

    it("creates the staking pool of the campaign token when asked, forcing its stakingToken", async () => {
      const base = await loadFixture(deployFactory);
      const params = await defaultParams(base, ZERO);
      const { campaign, token, poolAddr, tx } = await createCampaign(base, params, true);
      const tokenAddr = await token.getAddress();
      expect(poolAddr).to.not.equal(ZERO);
      await expect(tx)
        .to.emit(base.factory, "PoolCreated")
        .withArgs(poolAddr, await campaign.getAddress(), tokenAddr, 0n, anyValue);
      await expect(tx)
        .to.emit(base.factory, "CampaignCreated")
        .withArgs(await campaign.getAddress(), base.owner.address, tokenAddr, poolAddr, 0n, FEE_BPS, "Campaign Token", "CMP", anyValue);
      expect(await base.factory.isPool(poolAddr)).to.equal(true);
      expect(await base.factory.poolCount()).to.equal(1n);
      expect(await base.factory.poolAt(0)).to.equal(poolAddr);
      await expect(base.factory.poolAt(1)).to.be.revertedWithCustomError(base.factory, "IndexOutOfBounds").withArgs(1n, 1n);

      const pool = await ethers.getContractAt("StakingPool", poolAddr);
      await expect(pool.initialize(poolConfig(base.admin.address, tokenAddr))).to.be.revertedWithCustomError(
        pool,
        "InvalidInitialization",
      );
      await checkPoolConfig(poolAddr, tokenAddr, await base.rewards.getAddress(), base.admin.address);
    });

    it("a pool that refuses its config reverts the whole creation", async () => {
      const base = await loadFixture(deployFactory);
      const params = await defaultParams(base, ZERO);
      const bad = { ...poolConfig(base.admin.address, ZERO) };
      const poolAbi = await ethers.getContractAt("StakingPool", ZERO);
      await expect(base.factory.connect(base.creator).createCampaign(params, "T", "T", true, bad)).to.be.revertedWithCustomError(
        poolAbi,
        "ZeroAddress",
      );
      // without a pool the same config is ignored
      await base.factory.connect(base.creator).createCampaign(params, "T", "T", false, bad);
      expect(await base.factory.campaignCount()).to.equal(1n);
      expect(await base.factory.poolCount()).to.equal(0n);
    });

    it("only a campaign creator may create, and bad parameters are refused", async () => {
      const base = await loadFixture(deployFactory);
      const params = await defaultParams(base, ZERO);
      const cfg = poolConfig(base.admin.address, await base.rewards.getAddress());
      await expect(base.factory.connect(base.stranger).createCampaign(params, "T", "T", false, cfg))
        .to.be.revertedWithCustomError(base.factory, "AccessControlUnauthorizedAccount")
        .withArgs(base.stranger.address, CREATOR_ROLE);
      await expect(base.factory.connect(base.admin).createCampaign(params, "T", "T", false, cfg))
        .to.be.revertedWithCustomError(base.factory, "AccessControlUnauthorizedAccount")
        .withArgs(base.admin.address, CREATOR_ROLE);
      const c = base.campaignImpl;
      const create = (p: typeof params) => base.factory.connect(base.creator).createCampaign(p, "T", "T", false, cfg);
      await expect(create({ ...params, owner: ZERO })).to.be.revertedWithCustomError(c, "ZeroAddress");
      await expect(create({ ...params, goal: 0n })).to.be.revertedWithCustomError(c, "InvalidGoal");
      await expect(create({ ...params, cap: params.goal - 1n }))
        .to.be.revertedWithCustomError(c, "InvalidCap")
        .withArgs(params.goal - 1n, params.goal);
      await expect(create({ ...params, end: params.start }))
        .to.be.revertedWithCustomError(c, "InvalidSchedule")
        .withArgs(params.start, params.start);
      await expect(create({ ...params, rate: 0n })).to.be.revertedWithCustomError(c, "InvalidRate");
      await expect(create({ ...params, maxPerBacker: params.minContribution - 1n }))
        .to.be.revertedWithCustomError(c, "InvalidLimits")
        .withArgs(params.minContribution, params.minContribution - 1n);
      // the edges that are allowed: cap == goal, no cap, max == min, no max
      await create({ ...params, cap: params.goal });
      await create({ ...params, cap: 0n, maxPerBacker: params.minContribution });
      await create({ ...params, maxPerBacker: 0n, end: params.start + 1n });
      expect(await base.factory.campaignCount()).to.equal(3n);
    });
  });

  describe("createPool", () => {
    it("creates a standalone pool with the given config (creator only)", async () => {
      const base = await loadFixture(deployFactory);
      const usdAddr = await base.usd.getAddress();
      const cfg = poolConfig(base.admin.address, await base.rewards.getAddress(), usdAddr);
      await expect(base.factory.connect(base.stranger).createPool(cfg))
        .to.be.revertedWithCustomError(base.factory, "AccessControlUnauthorizedAccount")
        .withArgs(base.stranger.address, CREATOR_ROLE);
      const poolAddr = await base.factory.connect(base.creator).createPool.staticCall(cfg);
      await expect(base.factory.connect(base.creator).createPool(cfg))
        .to.emit(base.factory, "PoolCreated")
        .withArgs(poolAddr, ZERO, usdAddr, 0n, anyValue);
      expect(await base.factory.isPool(poolAddr)).to.equal(true);
      expect(await base.factory.isCampaign(poolAddr)).to.equal(false);
      expect(await base.factory.poolCount()).to.equal(1n);
      await checkPoolConfig(poolAddr, usdAddr, await base.rewards.getAddress(), base.admin.address);
    });
  });

  describe("fee and treasury", () => {
    it("the admin sets the fee (<= 10%) for campaigns launched from then on; launched ones keep theirs", async () => {
      const base = await loadFixture(deployFactory);
      const params = await defaultParams(base, ZERO);
      const { campaign: before } = await createCampaign(base, params);
      await before.connect(base.owner).launch();
      await expect(base.factory.connect(base.creator).setPlatformFee(100))
        .to.be.revertedWithCustomError(base.factory, "AccessControlUnauthorizedAccount")
        .withArgs(base.creator.address, ADMIN_ROLE);
      await expect(base.factory.setPlatformFee(1001)).to.be.revertedWithCustomError(base.factory, "FeeTooHigh").withArgs(1001n, 1000n);
      await expect(base.factory.setPlatformFee(1000)).to.emit(base.factory, "FeeUpdated").withArgs(FEE_BPS, 1000n);
      await expect(base.factory.setPlatformFee(0)).to.emit(base.factory, "FeeUpdated").withArgs(1000n, 0n);
      expect(await base.factory.platformFeeBps()).to.equal(0n);
      const { campaign: after } = await createCampaign(base, params);
      await after.connect(base.owner).launch();
      expect(await before.platformFeeBps()).to.equal(FEE_BPS);
      expect(await after.platformFeeBps()).to.equal(0n);
    });

    it("the admin sets the treasury (non-zero)", async () => {
      const base = await loadFixture(deployFactory);
      await expect(base.factory.connect(base.stranger).setTreasury(base.stranger.address))
        .to.be.revertedWithCustomError(base.factory, "AccessControlUnauthorizedAccount")
        .withArgs(base.stranger.address, ADMIN_ROLE);
      await expect(base.factory.setTreasury(ZERO)).to.be.revertedWithCustomError(base.factory, "FactoryZeroAddress");
      await expect(base.factory.setTreasury(base.carol.address))
        .to.emit(base.factory, "TreasuryUpdated")
        .withArgs(base.treasury.address, base.carol.address);
      expect(await base.factory.treasury()).to.equal(base.carol.address);
    });

    it("the admin grants and revokes the operator and creator roles", async () => {
      const base = await loadFixture(deployFactory);
      await expect(base.factory.grantRole(ONRAMP_ROLE, base.carol.address))
        .to.emit(base.factory, "RoleGranted")
        .withArgs(ONRAMP_ROLE, base.carol.address, base.admin.address);
      await expect(base.factory.connect(base.stranger).grantRole(CREATOR_ROLE, base.stranger.address))
        .to.be.revertedWithCustomError(base.factory, "AccessControlUnauthorizedAccount")
        .withArgs(base.stranger.address, ADMIN_ROLE);
      await base.factory.revokeRole(CREATOR_ROLE, base.creator.address);
      const params = await defaultParams(base, ZERO);
      const cfg = poolConfig(base.admin.address, await base.rewards.getAddress());
      await expect(base.factory.connect(base.creator).createCampaign(params, "T", "T", false, cfg)).to.be.revertedWithCustomError(
        base.factory,
        "AccessControlUnauthorizedAccount",
      );
    });
  });
});

describe("Campaign.initialize", () => {
  it("only the clone's factory may initialise it, with a non-zero token", async () => {
    const base = await loadFixture(deployFactory);
    const params = await defaultParams(base, ZERO);
    // a clone whose immutable "factory" argument is bob
    const clone = await ethers.getContractAt("Campaign", await bareClone(await base.campaignImpl.getAddress(), base.bob.address));
    expect(await clone.factory()).to.equal(base.bob.address);
    await expect(clone.initialize(params, base.alice.address))
      .to.be.revertedWithCustomError(clone, "Unauthorized")
      .withArgs(base.admin.address);
    await expect(clone.connect(base.bob).initialize(params, ZERO)).to.be.revertedWithCustomError(clone, "ZeroAddress");
    await clone.connect(base.bob).initialize(params, base.alice.address);
    expect(await clone.factory()).to.equal(base.bob.address);
    expect(await clone.token()).to.equal(base.alice.address);
  });
});

describe("CampaignToken", () => {
  it("is minted only by its campaign, and its clone initialises once", async () => {
    const base = await loadFixture(deployFactory);
    const params = await defaultParams(base, ZERO);
    const { token, campaign } = await createCampaign(base, params);
    await expect(token.mint(base.alice.address, 1n)).to.be.revertedWithCustomError(token, "OnlyCampaign").withArgs(base.admin.address);
    await expect(token.initialize("Y", "Y")).to.be.revertedWithCustomError(token, "InvalidInitialization");
    await expect(campaign.initialize(params, base.alice.address)).to.be.revertedWithCustomError(campaign, "InvalidInitialization");
  });

  it("its campaign is the clone's immutable argument; only that campaign's factory initialises it", async () => {
    const base = await loadFixture(deployFactory);
    // a campaign clone whose "factory" is bob, and a token clone whose campaign is that clone
    const fakeCampaign = await bareClone(await base.campaignImpl.getAddress(), base.bob.address);
    const clone = await ethers.getContractAt("CampaignToken", await bareClone(await base.tokenImpl.getAddress(), fakeCampaign));
    expect(await clone.campaign()).to.equal(fakeCampaign);
    await expect(clone.connect(base.alice).initialize("Z", "Z"))
      .to.be.revertedWithCustomError(clone, "OnlyFactory")
      .withArgs(base.alice.address);
    await clone.connect(base.bob).initialize("Z", "Z");
    expect(await clone.name()).to.equal("Z");
    await expect(clone.connect(base.bob).mint(base.bob.address, 5n))
      .to.be.revertedWithCustomError(clone, "OnlyCampaign")
      .withArgs(base.bob.address);
  });

  it("supports EIP-2612 permits under its own name", async () => {
    const base = await loadFixture(deployFactory);
    const { token } = await createCampaign(base, await defaultParams(base, ZERO));
    const deadline = BigInt(await networkHelpers.time.latest()) + 3600n;
    const { v, r, s } = await signPermit(token, base.alice, base.bob.address, 9n, deadline);
    await token.permit(base.alice.address, base.bob.address, 9n, deadline, v, r, s);
    expect(await token.allowance(base.alice.address, base.bob.address)).to.equal(9n);
  });
});

/** Checks the config a pool was initialised with, through the StakingPool's getters. */
async function checkPoolConfig(poolAddr: string, stakingToken: string, rewardsToken: string, admin: string) {
  const pool = await ethers.getContractAt("StakingPool", poolAddr);
  expect(await pool.stakingToken()).to.equal(stakingToken);
  expect(await pool.rewardsToken()).to.equal(rewardsToken);
  expect(await pool.hasRole(ethers.ZeroHash, admin)).to.equal(true);
}
