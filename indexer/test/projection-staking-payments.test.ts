// Staking pools and escrowed payments as GraphQL shows them, on one chain: stakes, accrual and
// claims (RewardPaid rows, positions, TVL, stakers, reward rate, APR inputs), unstake with a
// cooldown, vesting, pause and emergency withdrawal; a merchant-signed intent paid, detected, confirmed, released after the delay and
// settled; a settle-at-once native payment; refunds; a dispute resolved by the arbiter; a
// cancelled intent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Address } from "viem";
import { stakingPoolAbi } from "../../generated/crowdstake.js";
import { startChain, type Chain } from "./harness/chain.js";
import { startIndexer, type Indexer } from "./harness/indexer.js";
import {
  addressOf,
  advance,
  approveCusd,
  chainTime,
  createPool,
  cusd,
  DAY,
  escrowCall,
  ether,
  mintCusd,
  pay,
  poolCall,
  poolEvents,
  signedIntent,
  ZERO_ADDRESS,
} from "./projection-helpers.js";

const CONFIRMATIONS = 3;
const POOL = /* GraphQL */ `
  query ($id: String!) {
    pool(id: $id) {
      id campaign stakingToken rewardsToken cooldown totalStaked totalCooling tvl stakerCount rewardRate periodFinish
      totalRewardsAdded totalRewardsClaimed totalRewardsPaid active rewardPerSecond annualRewards aprBps
      positions(orderBy: "account") { items { account staked cooling unlockTime totalDeposited totalWithdrawn rewardsClaimed rewardsPaid } }
      history(orderBy: "blockNumber", orderDirection: "asc") { items { kind account amount balance totalSupply details } }
    }
  }
`;
const PAYMENT = /* GraphQL */ `
  query ($id: String!) {
    payment(id: $id) {
      id merchant payer token amount feeBps releaseAt metadataHash state refundedAmount onrampRef createdBlock txHash
      merchantAmount feeAmount splitsAmount disputePayerAmount status confirmations
      history(orderBy: "id") { items { kind account amount } }
      merchantInfo { id releaseDelay paymentCount }
    }
  }
`;

describe("projection: staking and payments through GraphQL", () => {
  let chain: Chain;
  let indexer: Indexer;
  let alice: Address, bob: Address, merchant: Address, instantMerchant: Address, arbiter: Address;
  let pool: Address;
  const cusdAddress = () => chain.addresses.DevStablecoin.toLowerCase() as Address;

  const head = () => chain.public.getBlockNumber({ cacheTime: 0 });
  const query = async (document: string, variables: Record<string, unknown>) => {
    await indexer.waitForBlock();
    return indexer.graphql(document, variables);
  };
  const poolRow = async () => (await query(POOL, { id: pool })).pool;
  const paymentRow = async (id: string) => (await query(PAYMENT, { id })).payment;
  const read = (functionName: string, args: readonly unknown[] = []) =>
    chain.public.readContract({ address: pool, abi: stakingPoolAbi, functionName, args } as never) as Promise<bigint>;

  beforeAll(async () => {
    chain = await startChain();
    indexer = await startIndexer(chain, { CONFIRMATIONS: String(CONFIRMATIONS) });
    [arbiter, alice, bob, merchant, instantMerchant] = [0, 1, 2, 3, 4].map((index) => addressOf(chain, index)) as Address[] as [Address, Address, Address, Address, Address];
    for (const account of [arbiter, alice, bob]) await mintCusd(chain, account, cusd(10_000));
  });
  afterAll(async () => {
    await indexer?.dispose();
    await chain?.stop();
  });

  // ---------------------------------------------------------------- staking

  it("indexes a funded pool and its stakers", async () => {
    pool = await createPool(chain, { stakingToken: chain.addresses.DevStablecoin, rewardsToken: chain.addresses.DevStablecoin, admin: arbiter, rewardsDuration: 10n * DAY, cooldown: DAY });
    await approveCusd(chain, 0, pool, cusd(1_000));
    await poolCall(chain, 0, pool, "notifyRewardAmount", [cusd(1_000)]);
    await approveCusd(chain, 1, pool, cusd(300));
    await poolCall(chain, 1, pool, "stake", [cusd(300)]);
    await approveCusd(chain, 2, pool, cusd(100));
    await poolCall(chain, 2, pool, "stake", [cusd(100)]);

    const row = await poolRow();
    const rate = await read("rewardRate");
    expect(row).toMatchObject({
      campaign: null,
      stakingToken: cusdAddress(),
      cooldown: DAY.toString(),
      totalStaked: cusd(400).toString(),
      tvl: cusd(400).toString(),
      stakerCount: 2,
      rewardRate: rate.toString(),
      periodFinish: (await read("periodFinish")).toString(),
      totalRewardsAdded: cusd(1_000).toString(),
      active: true,
      rewardPerSecond: rate.toString(),
      annualRewards: (rate * 31_536_000n).toString(),
      aprBps: Number((rate * 31_536_000n * 10_000n) / cusd(400)),
    });
    expect(row.history.items.map((h: any) => [h.kind, h.account, h.amount])).toEqual([
      ["reward_added", null, cusd(1_000).toString()],
      ["staked", alice, cusd(300).toString()],
      ["staked", bob, cusd(100).toString()],
    ]);
    expect(row.history.items[0].details).toMatchObject({ rewardRate: rate.toString(), carried: "0" });
  });

  it("records claims as RewardPaid rows and in the position", async () => {
    await advance(chain, DAY);
    const { hash } = await poolCall(chain, 1, pool, "getReward");
    const paid = (await poolEvents(chain, hash)).find((log) => log.eventName === "RewardPaid")!.args as { reward: bigint };
    expect(paid.reward).toBeGreaterThan(0n);

    const row = await poolRow();
    expect(row.history.items.at(-1)).toMatchObject({ kind: "reward_paid", account: alice, amount: paid.reward.toString(), balance: null });
    expect(row.positions.items.find((p: any) => p.account === alice)).toMatchObject({ staked: cusd(300).toString(), rewardsClaimed: paid.reward.toString(), rewardsPaid: paid.reward.toString() });
    expect(row).toMatchObject({ totalRewardsClaimed: paid.reward.toString(), totalRewardsPaid: paid.reward.toString() });
    const account = await indexer.graphql(`query ($id: String!) { account(id: $id) { stakeCount positions { items { pool staked } } } }`, { id: alice });
    expect(account.account).toEqual({ stakeCount: 1, positions: { items: [{ pool, staked: cusd(300).toString() }] } });
  });

  it("moves an unstake request into cooling and out after the cooldown", async () => {
    const { hash } = await poolCall(chain, 2, pool, "requestUnstake", [cusd(100)]);
    const request = (await poolEvents(chain, hash)).find((log) => log.eventName === "UnstakeRequested")!.args as { unlockTime: bigint };
    let row = await poolRow();
    expect(row).toMatchObject({ totalStaked: cusd(300).toString(), totalCooling: cusd(100).toString(), tvl: cusd(400).toString(), stakerCount: 2 });
    expect(row.positions.items.find((p: any) => p.account === bob)).toMatchObject({ staked: "0", cooling: cusd(100).toString(), unlockTime: request.unlockTime.toString() });

    await advance(chain, DAY);
    await poolCall(chain, 2, pool, "withdraw", [cusd(100)]);
    row = await poolRow();
    expect(row).toMatchObject({ totalStaked: cusd(300).toString(), totalCooling: "0", tvl: cusd(300).toString(), stakerCount: 1 });
    expect(BigInt(row.totalStaked)).toBe(await read("totalSupply"));
    expect(row.positions.items.find((p: any) => p.account === bob)).toMatchObject({ staked: "0", cooling: "0", unlockTime: "0", totalDeposited: cusd(100).toString(), totalWithdrawn: cusd(100).toString() });
    expect(row.history.items.slice(-2).map((h: any) => h.kind)).toEqual(["unstake_requested", "withdrawn"]);

    const days = await indexer.graphql(`query ($pool: String) { dailyPoolStats(where: { pool: $pool }, orderBy: "day", orderDirection: "desc") { items { tvl stakerCount } } }`, { pool });
    expect(days.dailyPoolStats.items[0]).toEqual({ tvl: cusd(300).toString(), stakerCount: 1 });
  });

  it("reports an ended reward period as inactive with no emission", async () => {
    await advance(chain, 10n * DAY);
    expect(await poolRow()).toMatchObject({ active: false, rewardPerSecond: "0", annualRewards: "0", aprBps: 0 });
  });

  it("records vesting claims, releases, a pause and an emergency withdrawal", async () => {
    const vesting = await createPool(chain, { stakingToken: chain.addresses.DevStablecoin, rewardsToken: chain.addresses.DevStablecoin, admin: arbiter, rewardsDuration: 10n * DAY, vestingDuration: 4n * DAY });
    await approveCusd(chain, 0, vesting, cusd(1_000));
    await poolCall(chain, 0, vesting, "notifyRewardAmount", [cusd(1_000)]);
    await approveCusd(chain, 1, vesting, cusd(100));
    await poolCall(chain, 1, vesting, "stake", [cusd(100)]);
    await advance(chain, DAY);
    const claim = (await poolEvents(chain, (await poolCall(chain, 1, vesting, "getReward")).hash)).find((log) => log.eventName === "RewardVesting")!.args as { reward: bigint; vestingAmount: bigint; vestingEnd: bigint };
    await advance(chain, 2n * DAY);
    const release = (await poolEvents(chain, (await poolCall(chain, 1, vesting, "releaseVested")).hash)).find((log) => log.eventName === "VestingReleased")!.args as { amount: bigint; vestingAmount: bigint };
    await poolCall(chain, 0, vesting, "pause");
    const emergency = (await poolEvents(chain, (await poolCall(chain, 1, vesting, "emergencyWithdraw")).hash)).find((log) => log.eventName === "EmergencyWithdrawn")!.args as { amount: bigint; forfeitedRewards: bigint };

    const row = (await query(POOL, { id: vesting })).pool;
    expect(row).toMatchObject({ totalStaked: "0", tvl: "0", stakerCount: 0, totalRewardsClaimed: claim.reward.toString(), totalRewardsPaid: release.amount.toString() });
    expect(row.positions.items).toEqual([
      expect.objectContaining({ account: alice, staked: "0", rewardsClaimed: claim.reward.toString(), rewardsPaid: release.amount.toString(), totalWithdrawn: cusd(100).toString() }),
    ]);
    expect(row.history.items.map((h: any) => h.kind)).toEqual(["reward_added", "staked", "reward_vesting", "vesting_released", "emergency_withdrawn"]);
    expect(row.history.items[2].details).toEqual({ vestingAmount: claim.vestingAmount.toString(), vestingEnd: claim.vestingEnd.toString() });
    expect(row.history.items[4]).toMatchObject({ amount: emergency.amount.toString(), details: { forfeitedRewards: emergency.forfeitedRewards.toString() } });
    const extra = await indexer.graphql(`query ($p: String!, $a: String!) { pool(id: $p) { paused totalForfeited } stakePosition(pool: $p, account: $a) { vestingAmount vestingEnd } }`, { p: vesting, a: alice });
    expect(extra).toEqual({
      pool: { paused: true, totalForfeited: emergency.forfeitedRewards.toString() },
      stakePosition: { vestingAmount: release.vestingAmount.toString(), vestingEnd: claim.vestingEnd.toString() },
    });
  });

  // ---------------------------------------------------------------- payments

  it("follows an escrowed payment: detected, confirmed, released after the delay, settled", async () => {
    await escrowCall(chain, 3, "setReleaseDelay", [3_600]);
    const signed = await signedIntent(chain, 3, { token: cusdAddress(), amount: cusd(50), deadline: (await chainTime(chain)) + DAY, splits: [{ recipient: bob, bps: 1_000 }] });
    const { hash, blockNumber } = await pay(chain, 1, signed);

    let row = await paymentRow(signed.intent.id);
    expect(row).toMatchObject({
      id: signed.intent.id.toLowerCase(),
      merchant,
      payer: alice,
      token: cusdAddress(),
      amount: cusd(50).toString(),
      feeBps: 100,
      state: "held",
      refundedAmount: "0",
      onrampRef: null,
      createdBlock: blockNumber.toString(),
      txHash: hash,
      status: "detected",
      confirmations: Number((await head()) - blockNumber + 1n),
      merchantInfo: { id: merchant, releaseDelay: 3_600, paymentCount: 1 },
    });
    expect(row.confirmations).toBeLessThan(CONFIRMATIONS);

    await chain.test.mine({ blocks: CONFIRMATIONS });
    row = await paymentRow(signed.intent.id);
    expect(row).toMatchObject({ state: "held", status: "confirmed" });
    expect(row.confirmations).toBeGreaterThanOrEqual(CONFIRMATIONS);

    await advance(chain, 3_601n);
    await escrowCall(chain, 2, "release", [signed.intent.id]); // anyone, after releaseAt
    row = await paymentRow(signed.intent.id);
    const fee = cusd(50) / 100n;
    const split = (cusd(50) - fee) / 10n;
    expect(row).toMatchObject({ state: "released", status: "settled", feeAmount: fee.toString(), splitsAmount: split.toString(), merchantAmount: (cusd(50) - fee - split).toString() });
    expect(row.history.items.map((h: any) => h.kind).sort()).toEqual(["received", "released"]);
  });

  it("settles a native payment at once for a merchant without a delay", async () => {
    const signed = await signedIntent(chain, 4, { token: ZERO_ADDRESS as Address, amount: ether(1), deadline: (await chainTime(chain)) + DAY });
    await pay(chain, 2, signed);
    let row = await paymentRow(signed.intent.id);
    expect(row).toMatchObject({ merchant: instantMerchant, token: ZERO_ADDRESS, state: "released", status: "detected", merchantAmount: (ether(1) - ether(1) / 100n).toString() });
    await chain.test.mine({ blocks: CONFIRMATIONS });
    row = await paymentRow(signed.intent.id);
    expect(row.status).toBe("settled");
  });

  it("records partial and full refunds", async () => {
    const signed = await signedIntent(chain, 3, { token: cusdAddress(), amount: cusd(40), deadline: (await chainTime(chain)) + DAY });
    await pay(chain, 1, signed);
    await escrowCall(chain, 3, "refund", [signed.intent.id, cusd(15)]);
    let row = await paymentRow(signed.intent.id);
    expect(row).toMatchObject({ state: "held", refundedAmount: cusd(15).toString() });
    await escrowCall(chain, 3, "refund", [signed.intent.id, cusd(25)]);
    row = await paymentRow(signed.intent.id);
    expect(row).toMatchObject({ state: "refunded", status: "refunded", refundedAmount: cusd(40).toString() });
    expect(row.history.items.filter((h: any) => h.kind === "refunded").map((h: any) => [h.account, h.amount]).sort()).toEqual(
      [[alice, cusd(15).toString()], [alice, cusd(25).toString()]].sort(),
    );
  });

  it("records a dispute opened by the payer and resolved by the arbiter", async () => {
    const signed = await signedIntent(chain, 3, { token: cusdAddress(), amount: cusd(30), deadline: (await chainTime(chain)) + DAY });
    await pay(chain, 2, signed);
    await escrowCall(chain, 2, "openDispute", [signed.intent.id]);
    let row = await paymentRow(signed.intent.id);
    expect(row).toMatchObject({ state: "disputed", status: "disputed", payer: bob });

    await escrowCall(chain, 0, "resolveDispute", [signed.intent.id, cusd(10)]);
    row = await paymentRow(signed.intent.id);
    const merchantSide = cusd(20);
    const fee = merchantSide / 100n;
    expect(row).toMatchObject({ state: "resolved", status: "resolved", disputePayerAmount: cusd(10).toString(), merchantAmount: (merchantSide - fee).toString(), feeAmount: fee.toString() });
    const kinds = row.history.items.map((h: any) => h.kind);
    expect(kinds.sort()).toEqual(["dispute_opened", "dispute_resolved", "received", "released"]);
    expect(row.history.items.find((h: any) => h.kind === "dispute_resolved")).toMatchObject({ account: arbiter, amount: cusd(10).toString() });
  });

  it("records a cancelled intent and the merchant's payments and volume", async () => {
    const signed = await signedIntent(chain, 3, { token: cusdAddress(), amount: cusd(5), deadline: (await chainTime(chain)) + DAY });
    const { blockNumber } = await escrowCall(chain, 3, "cancelIntent", [signed.intent.id]);
    const data = await query(
      `query ($id: String!, $merchant: String!) {
        cancelledIntent(id: $id) { id merchant by blockNumber }
        payment(id: $id) { id }
        merchant(id: $merchant) { paymentCount payments { totalCount } cancelledIntents { totalCount } }
        dailyPaymentVolumes { items { token paid paymentCount refunded } }
      }`,
      { id: signed.intent.id, merchant },
    );
    expect(data.cancelledIntent).toEqual({ id: signed.intent.id.toLowerCase(), merchant, by: merchant, blockNumber: blockNumber.toString() });
    expect(data.payment).toBeNull();
    expect(data.merchant).toEqual({ paymentCount: 3, payments: { totalCount: 3 }, cancelledIntents: { totalCount: 1 } });
    const sum = (token: string, key: string) =>
      data.dailyPaymentVolumes.items.filter((v: any) => v.token === token).reduce((total: bigint, v: any) => total + BigInt(v[key]), 0n);
    expect(sum(cusdAddress(), "paid")).toBe(cusd(120));
    expect(sum(cusdAddress(), "refunded")).toBe(cusd(40));
    expect(sum(ZERO_ADDRESS, "paid")).toBe(ether(1));
  });
});
