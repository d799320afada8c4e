// Campaigns as GraphQL shows them, on one chain: a cUSD campaign from creation through
// contributions (direct and on-ramp) to success, token claims and the owner's withdrawal; a
// native campaign that succeeds by reaching its cap; one that fails at its deadline and refunds;
// one scheduled and then cancelled. The time-derived phase follows the chain's clock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keccak256, toHex, type Address } from "viem";
import { campaignAbi } from "../../generated/crowdstake.js";
import { startChain, type Chain } from "./harness/chain.js";
import { startIndexer, type Indexer } from "./harness/indexer.js";
import { addressOf, advance, approveCusd, campaignCall, chainTime, createCampaign, cusd, DAY, ether, mintCusd, ZERO_ADDRESS } from "./projection-helpers.js";

const CAMPAIGN = /* GraphQL */ `
  query ($id: String!) {
    campaign(id: $id) {
      id owner asset isNative goal cap status phase progressBps secondsLeft feeBps
      raised totalContributed contributionCount backerCount
      claimedContribution tokensClaimed claimCount refunded refundCount withdrawn withdrawnFee
      contributions(orderBy: "blockNumber", orderDirection: "asc") { items { campaign backer payer amount onrampRef txHash blockNumber timestamp } totalCount }
      backers(orderBy: "account") { items { account contributed contributionCount refunded claimed tokensClaimed } totalCount }
      tokenClaims { items { backer contribution tokens } }
      withdrawals { items { kind caller to amount fee } }
      refunds { items { backer to amount } }
      poolInfo { id }
    }
  }
`;

describe("projection: campaigns through GraphQL", () => {
  let chain: Chain;
  let indexer: Indexer;
  let alice: Address, bob: Address, carol: Address, owner: Address, operator: Address;
  let funded: Address, native: Address, failing: Address, later: Address;

  const campaign = async (id: Address) => {
    await indexer.waitForBlock();
    return (await indexer.graphql(CAMPAIGN, { id })).campaign;
  };
  const onChainRaised = (id: Address) => chain.public.readContract({ address: id, abi: campaignAbi, functionName: "totalRaised" }) as Promise<bigint>;

  beforeAll(async () => {
    chain = await startChain();
    indexer = await startIndexer(chain);
    [operator, alice, bob, carol, owner] = [0, 1, 2, 3, 4].map((index) => addressOf(chain, index)) as [Address, Address, Address, Address, Address];
    for (const account of [operator, alice, bob, carol]) await mintCusd(chain, account, cusd(10_000));
  });
  afterAll(async () => {
    await indexer?.dispose();
    await chain?.stop();
  });

  it("indexes created campaigns as drafts, then scheduled or active once launched", async () => {
    const now = await chainTime(chain);
    ({ campaign: funded } = await createCampaign(chain, { owner, start: now, end: now + DAY, goal: cusd(1_000), name: "Funded" }));
    ({ campaign: native } = await createCampaign(chain, { owner, asset: ZERO_ADDRESS, start: now, end: now + DAY, goal: ether(1), cap: ether(2), rate: ether(1_000), name: "Native" }));
    ({ campaign: failing } = await createCampaign(chain, { owner, start: now, end: now + DAY, goal: cusd(5_000), name: "Failing" }));
    ({ campaign: later } = await createCampaign(chain, { owner, start: now + 10n * DAY, end: now + 20n * DAY, goal: cusd(1), name: "Later" }));

    const draft = await campaign(funded);
    expect(draft).toMatchObject({ owner, status: "draft", phase: "draft", raised: "0", progressBps: 0, backerCount: 0, goal: cusd(1_000).toString(), isNative: false, poolInfo: null });
    expect((await campaign(native)).isNative).toBe(true);

    for (const id of [funded, native, failing, later]) await campaignCall(chain, 4, id, "launch");
    expect(await campaign(funded)).toMatchObject({ status: "launched", phase: "active", feeBps: 250 });
    const scheduled = await campaign(later);
    expect(scheduled.phase).toBe("scheduled");
    expect(BigInt(scheduled.secondsLeft)).toBeGreaterThan(19n * DAY);
  });

  it("records ERC-20 contributions, on-ramp contributions, backers and progress", async () => {
    await approveCusd(chain, 1, funded, cusd(600));
    await campaignCall(chain, 1, funded, "contribute", [cusd(600)]);
    await approveCusd(chain, 2, funded, cusd(300));
    await campaignCall(chain, 2, funded, "contribute", [cusd(300)]);
    // the on-ramp operator pays for alice (a card payment): payer = operator, backer = alice
    const onrampRef = keccak256(toHex("order-1"));
    await approveCusd(chain, 0, funded, cusd(200));
    const { hash } = await campaignCall(chain, 0, funded, "contributeFor", [alice, cusd(200), onrampRef]);

    const row = await campaign(funded);
    expect(row).toMatchObject({ raised: cusd(1_100).toString(), totalContributed: cusd(1_100).toString(), contributionCount: 3, backerCount: 2, progressBps: 11_000, phase: "active", status: "launched" });
    expect(BigInt(row.raised)).toBe(await onChainRaised(funded));
    expect(row.contributions.items.map((c: any) => [c.backer, c.payer, c.amount, c.onrampRef])).toEqual([
      [alice, alice, cusd(600).toString(), null],
      [bob, bob, cusd(300).toString(), null],
      [alice, operator, cusd(200).toString(), onrampRef],
    ]);
    expect(row.contributions.items[2]).toMatchObject({ campaign: funded, txHash: hash });
    expect(row.backers.items).toEqual([
      ...[
        { account: alice, contributed: cusd(800).toString(), contributionCount: 2, refunded: "0", claimed: false, tokensClaimed: "0" },
        { account: bob, contributed: cusd(300).toString(), contributionCount: 1, refunded: "0", claimed: false, tokensClaimed: "0" },
      ].sort((a, b) => a.account.localeCompare(b.account)),
    ]);

    // the contract's filter for settled on-ramp orders
    const byRef = await indexer.graphql(`query ($ref: String) { contributions(where: { onrampRef: $ref }) { items { backer amount } } }`, { ref: onrampRef });
    expect(byRef.contributions.items).toEqual([{ backer: alice, amount: cusd(200).toString() }]);
    // and the account's side of the links
    const account = await indexer.graphql(`query ($id: String!) { account(id: $id) { contributionCount contributions { totalCount } backings { items { campaign contributed } } } }`, { id: alice });
    expect(account.account).toMatchObject({ contributionCount: 2, contributions: { totalCount: 2 }, backings: { items: [{ campaign: funded, contributed: cusd(800).toString() }] } });
  });

  it("marks a native campaign successful as soon as its cap is reached", async () => {
    await campaignCall(chain, 1, native, "contributeNative", [], ether(1));
    expect((await campaign(native)).phase).toBe("active");
    await campaignCall(chain, 3, native, "contributeNative", [], ether(1));
    const row = await campaign(native);
    expect(row).toMatchObject({ phase: "successful", status: "launched", raised: ether(2).toString(), progressBps: 20_000, backerCount: 2, secondsLeft: "0" });
  });

  it("cancels a scheduled campaign", async () => {
    await campaignCall(chain, 4, later, "cancel");
    expect(await campaign(later)).toMatchObject({ status: "cancelled", phase: "cancelled", secondsLeft: "0" });
  });

  it("turns to successful and failed when the deadline passes", async () => {
    await approveCusd(chain, 3, failing, cusd(100));
    await campaignCall(chain, 3, failing, "contribute", [cusd(100)]);
    expect((await campaign(failing)).phase).toBe("active");

    await advance(chain, DAY + 1n);
    expect(await campaign(funded)).toMatchObject({ phase: "successful", status: "launched" });
    expect(await campaign(failing)).toMatchObject({ phase: "failed", status: "launched", progressBps: 200 });
  });

  it("records token claims and the owner's withdrawal of a successful campaign", async () => {
    await campaignCall(chain, 1, funded, "claimTokens");
    await campaignCall(chain, 0, funded, "claimTokensFor", [bob]);
    await campaignCall(chain, 4, funded, "withdraw");
    await campaignCall(chain, 1, native, "claimTokens");

    const row = await campaign(funded);
    const raised = cusd(1_100);
    const fee = (raised * 250n) / 10_000n;
    expect(row).toMatchObject({ status: "successful", phase: "successful", raised: raised.toString(), claimCount: 2, claimedContribution: raised.toString(), tokensClaimed: (raised * 10n ** 12n).toString() });
    expect(row.tokenClaims.items.map((c: any) => [c.backer, c.contribution, c.tokens]).sort()).toEqual(
      [
        [alice, cusd(800).toString(), (cusd(800) * 10n ** 12n).toString()],
        [bob, cusd(300).toString(), (cusd(300) * 10n ** 12n).toString()],
      ].sort(),
    );
    expect(row.backers.items.every((b: any) => b.claimed)).toBe(true);
    expect(row).toMatchObject({ withdrawn: (raised - fee).toString(), withdrawnFee: fee.toString() });
    expect(row.withdrawals.items).toEqual([{ kind: "owner", caller: owner, to: owner, amount: (raised - fee).toString(), fee: fee.toString() }]);

    const nativeRow = await campaign(native);
    expect(nativeRow.tokenClaims.items).toEqual([{ backer: alice, contribution: ether(1).toString(), tokens: ether(1_000).toString() }]);
  });

  it("records refunds of a failed campaign", async () => {
    await campaignCall(chain, 3, failing, "refund");
    const row = await campaign(failing);
    expect(row).toMatchObject({ status: "failed", phase: "failed", raised: "0", refunded: cusd(100).toString(), refundCount: 1, backerCount: 1, progressBps: 0 });
    expect(BigInt(row.raised)).toBe(await onChainRaised(failing));
    expect(row.refunds.items).toEqual([{ backer: carol, to: carol, amount: cusd(100).toString() }]);
    expect(row.backers.items).toEqual([{ account: carol, contributed: "0", contributionCount: 1, refunded: cusd(100).toString(), claimed: false, tokensClaimed: "0" }]);
  });

  it("keeps daily volumes per asset and platform counters", async () => {
    const data = await indexer.graphql(`{
      dailyCampaignVolumes(orderBy: "asset") { items { asset contributed contributionCount refunded refundCount } }
      dailyStats { items { campaignsCreated contributionCount } }
    }`);
    const byAsset = Object.fromEntries(data.dailyCampaignVolumes.items.map((v: any) => [v.asset, v]));
    // the clock moved a day: sum over the days
    const sum = (asset: string, key: string) =>
      data.dailyCampaignVolumes.items.filter((v: any) => v.asset === asset).reduce((total: bigint, v: any) => total + BigInt(v[key]), 0n);
    expect(Object.keys(byAsset).sort()).toEqual([ZERO_ADDRESS, chain.addresses.DevStablecoin.toLowerCase()].sort());
    expect(sum(chain.addresses.DevStablecoin.toLowerCase(), "contributed")).toBe(cusd(1_200));
    expect(sum(chain.addresses.DevStablecoin.toLowerCase(), "refunded")).toBe(cusd(100));
    expect(sum(ZERO_ADDRESS, "contributed")).toBe(ether(2));
    const totals = data.dailyStats.items.reduce((t: any, d: any) => ({ c: t.c + d.campaignsCreated, n: t.n + d.contributionCount }), { c: 0, n: 0 });
    expect(totals).toEqual({ c: 4, n: 6 });
  });
});
