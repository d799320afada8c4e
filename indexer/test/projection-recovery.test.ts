// The projection survives a crash and a reorg: the indexer is killed (SIGKILL) while it indexes,
// the chain goes on without it, and after a restart it reports what a fresh indexer on the same
// chain reports; then a reorg (evm_snapshot, transactions, evm_revert, other transactions) leaves
// both indexers matching the chain, with no row of the abandoned branch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Address } from "viem";
import { campaignAbi, paymentEscrowAbi, stakingPoolAbi } from "../../generated/crowdstake.js";
import { startChain, type Chain } from "./harness/chain.js";
import { startIndexer, type Indexer } from "./harness/indexer.js";
import { everything } from "./faults/support-projection.js";
import { addressOf, approveCusd, campaignCall, chainTime, createCampaign, createPool, cusd, DAY, mintCusd, pay, poolCall, signedIntent } from "./projection-helpers.js";

describe("projection: crash recovery and reorgs", () => {
  let chain: Chain;
  let indexer: Indexer;
  let fresh: Indexer | undefined;
  let alice: Address, bob: Address, carol: Address, dave: Address;
  let campaign: Address, pool: Address;

  const raisedOnChain = () => chain.public.readContract({ address: campaign, abi: campaignAbi, functionName: "totalRaised" }) as Promise<bigint>;
  const stakedOnChain = () => chain.public.readContract({ address: pool, abi: stakingPoolAbi, functionName: "totalSupply" }) as Promise<bigint>;
  const contribute = async (from: number, amount: bigint) => {
    await approveCusd(chain, from, campaign, amount);
    return campaignCall(chain, from, campaign, "contribute", [amount]);
  };
  const stake = async (from: number, amount: bigint) => {
    await approveCusd(chain, from, pool, amount);
    return poolCall(chain, from, pool, "stake", [amount]);
  };
  const payMerchant = async (from: number, amount: bigint) => {
    const signed = await signedIntent(chain, 5, { token: chain.addresses.DevStablecoin, amount, deadline: (await chainTime(chain)) + DAY });
    await pay(chain, from, signed);
    return signed.intent.id;
  };

  beforeAll(async () => {
    chain = await startChain();
    indexer = await startIndexer(chain);
    [alice, bob, carol, dave] = [1, 2, 3, 6].map((index) => addressOf(chain, index)) as [Address, Address, Address, Address];
    for (const account of [alice, bob, carol, dave]) await mintCusd(chain, account, cusd(10_000));
    const now = await chainTime(chain);
    ({ campaign } = await createCampaign(chain, { owner: addressOf(chain, 4), start: now, end: now + 30n * DAY, goal: cusd(100_000), name: "Recovery" }));
    pool = await createPool(chain, { stakingToken: chain.addresses.DevStablecoin, rewardsToken: chain.addresses.DevStablecoin, admin: addressOf(chain, 0) });
    await campaignCall(chain, 4, campaign, "launch");
  });
  afterAll(async () => {
    await fresh?.dispose();
    await indexer?.dispose();
    await chain?.stop();
  });

  it("resumes after a SIGKILL with the state a fresh indexer computes", async () => {
    await contribute(1, cusd(100));
    await payMerchant(1, cusd(10));
    await indexer.waitForBlock();

    // killed while blocks keep coming: some of them indexed, some not
    const inFlight = contribute(2, cusd(200));
    await indexer.stop("SIGKILL");
    await inFlight;
    // the chain goes on while the indexer is down
    await contribute(3, cusd(300));
    await stake(1, cusd(50));
    await stake(2, cusd(70));
    const paidWhileDown = await payMerchant(2, cusd(20));
    const { hash: lastTx } = await contribute(1, cusd(1));

    await indexer.start();
    await indexer.waitForBlock();
    const resumed = await indexer.graphql(`query ($c: String!, $p: String!, $pay: String!) {
      campaign(id: $c) { raised contributionCount backerCount }
      pool(id: $p) { totalStaked stakerCount }
      payment(id: $pay) { state amount }
      contributions(where: { txHash: "${lastTx}" }) { items { backer amount } }
    }`, { c: campaign, p: pool, pay: paidWhileDown });
    expect(resumed).toEqual({
      campaign: { raised: cusd(601).toString(), contributionCount: 4, backerCount: 3 },
      pool: { totalStaked: cusd(120).toString(), stakerCount: 2 },
      payment: { state: "released", amount: cusd(20).toString() },
      contributions: { items: [{ backer: alice, amount: cusd(1).toString() }] },
    });
    expect(BigInt(resumed.campaign.raised)).toBe(await raisedOnChain());

    fresh = await startIndexer(chain);
    await fresh.waitForBlock();
    expect(await everything(indexer)).toEqual(await everything(fresh));
  });

  it("follows a reorg: the abandoned branch leaves no rows and both indexers match the chain", async () => {
    const snapshot = await chain.test.snapshot();
    // branch 1: carol contributes, bob stakes, bob pays
    const { hash: abandonedContribution } = await contribute(3, cusd(500));
    await stake(2, cusd(30));
    const abandonedPayment = await payMerchant(2, cusd(7));
    await indexer.waitForBlock();
    await fresh!.waitForBlock();
    const before = await indexer.graphql(`query ($pay: String!) { payment(id: $pay) { id } contributions(where: { txHash: "${abandonedContribution}" }) { totalCount } }`, { pay: abandonedPayment });
    expect(before).toEqual({ payment: { id: abandonedPayment.toLowerCase() }, contributions: { totalCount: 1 } });
    const abandonedHead = await chain.public.getBlockNumber({ cacheTime: 0 });

    await chain.test.revert({ id: snapshot });
    // branch 2: dave contributes and alice withdraws part of her stake, then the chain grows past the old head
    const { hash: keptContribution } = await contribute(6, cusd(77));
    await poolCall(chain, 1, pool, "withdraw", [cusd(10)]);
    const keptHead = await chain.public.getBlockNumber({ cacheTime: 0 });
    await chain.test.mine({ blocks: Number(abandonedHead - keptHead) + 2 });

    for (const current of [indexer, fresh!]) {
      await current.waitForBlock();
      const state = await current.graphql(`query ($c: String!, $p: String!, $pay: String!) {
        campaign(id: $c) { raised contributionCount backerCount }
        pool(id: $p) { totalStaked stakerCount }
        payment(id: $pay) { id }
        abandoned: contributions(where: { txHash: "${abandonedContribution}" }) { totalCount }
        kept: contributions(where: { txHash: "${keptContribution}" }) { items { backer amount } }
        carol: backer(campaign: $c, account: "${carol}") { contributed contributionCount }
        bobsStakes: stakeEvents(where: { pool: $p, account: "${bob}" }) { totalCount }
      }`, { c: campaign, p: pool, pay: abandonedPayment });
      expect(state).toEqual({
        campaign: { raised: cusd(678).toString(), contributionCount: 5, backerCount: 4 },
        pool: { totalStaked: cusd(110).toString(), stakerCount: 2 },
        payment: null,
        abandoned: { totalCount: 0 },
        kept: { items: [{ backer: dave, amount: cusd(77).toString() }] },
        carol: { contributed: cusd(300).toString(), contributionCount: 1 },
        bobsStakes: { totalCount: 1 },
      });
      expect(BigInt(state.campaign.raised)).toBe(await raisedOnChain());
      expect(BigInt(state.pool.totalStaked)).toBe(await stakedOnChain());
    }
    expect(await chain.public.readContract({ address: chain.addresses.PaymentEscrow, abi: paymentEscrowAbi, functionName: "isPaid", args: [abandonedPayment] })).toBe(false);
    expect(await everything(indexer)).toEqual(await everything(fresh!));
  });
});
