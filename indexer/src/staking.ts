// StakingPool events (every pool the factory creates): pool configuration and totals, each
// account's position, the stake and reward history, and each pool's day (TVL at the end of it).
import { ponder, type Event } from "ponder:registry";
import { dailyPoolStat, pool, stakeEvent, stakePosition } from "ponder:schema";
import { at, countDaily, eventId, lc, touchAccount, utcDay, type Db } from "./common";

type PoolRow = typeof pool.$inferSelect;
type PositionRow = typeof stakePosition.$inferSelect;

ponder.on("CampaignFactory:PoolCreated", async ({ event, context }) => {
  const { args } = event;
  const c = args.config;
  const campaign = lc(args.campaign);
  await context.db.insert(pool).values({
    id: lc(args.pool),
    index: Number(args.index),
    campaign: /^0x0+$/.test(campaign) ? null : campaign,
    stakingToken: lc(c.stakingToken),
    rewardsToken: lc(c.rewardsToken),
    admin: lc(c.admin),
    rewardsDuration: c.rewardsDuration,
    minStakePeriod: c.minStakePeriod,
    cooldown: c.cooldown,
    vestingDuration: c.vestingDuration,
    maxStakePerAccount: c.maxStakePerAccount,
    poolCap: c.poolCap,
    maxRewardRate: c.maxRewardRate,
    totalRewardCap: c.totalRewardCap,
    paused: false,
    totalStaked: 0n,
    totalCooling: 0n,
    tvl: 0n,
    stakerCount: 0,
    rewardRate: 0n,
    periodFinish: 0n,
    queuedRewards: 0n,
    totalRewardsAdded: 0n,
    totalRewardsClaimed: 0n,
    totalRewardsPaid: 0n,
    totalForfeited: 0n,
    createdBlock: event.block.number,
    createdAt: event.block.timestamp,
    updatedBlock: event.block.number,
    updatedAt: event.block.timestamp,
  });
});

type PoolEvent = Event & { log: { address: `0x${string}` } };

function updatePool(db: Db, event: PoolEvent, values: Partial<PoolRow> | ((row: PoolRow) => Partial<PoolRow>)) {
  return db.update(pool, { id: lc(event.log.address) }).set((row) => ({
    ...(typeof values === "function" ? values(row) : values),
    updatedBlock: event.block.number,
    updatedAt: event.block.timestamp,
  }));
}

/** The pool's configuration events also fire inside its creating transaction, before PoolCreated (which carries the same values). */
async function updatePoolIfKnown(db: Db, event: PoolEvent, values: Partial<PoolRow>) {
  if (await db.find(pool, { id: lc(event.log.address) })) await updatePool(db, event, values);
}

async function position(db: Db, event: PoolEvent, user: string): Promise<PositionRow> {
  const key = { pool: lc(event.log.address), account: lc(user) };
  const existing = await db.find(stakePosition, key);
  // A copy: Ponder's cache hands out the stored object, which the next update changes in place.
  if (existing) return { ...existing };
  return db.insert(stakePosition).values({
    ...key,
    staked: 0n,
    cooling: 0n,
    unlockTime: 0n,
    lockEnd: 0n,
    totalDeposited: 0n,
    totalWithdrawn: 0n,
    rewardsClaimed: 0n,
    rewardsPaid: 0n,
    vestingAmount: 0n,
    vestingEnd: 0n,
    createdAt: event.block.timestamp,
    updatedBlock: event.block.number,
    updatedAt: event.block.timestamp,
  });
}

/**
 * Sets a position's principal after an event and carries the change into the pool's totals
 * (earning stake from the event's totalSupply, cooling stake and stakers from the deltas).
 */
async function movePrincipal(
  db: Db,
  event: PoolEvent,
  user: string,
  next: { staked: bigint; cooling: bigint; totalSupply: bigint },
  extra: Partial<PositionRow> = {},
): Promise<PoolRow> {
  const before = await position(db, event, user);
  await db.update(stakePosition, { pool: before.pool, account: before.account }).set({
    ...extra,
    staked: next.staked,
    cooling: next.cooling,
    updatedBlock: event.block.number,
    updatedAt: event.block.timestamp,
  });
  const had = before.staked + before.cooling > 0n;
  const has = next.staked + next.cooling > 0n;
  const row = await updatePool(db, event, (row) => {
    const totalCooling = row.totalCooling + next.cooling - before.cooling;
    return {
      totalStaked: next.totalSupply,
      totalCooling,
      tvl: next.totalSupply + totalCooling,
      stakerCount: row.stakerCount + (has && !had ? 1 : 0) - (had && !has ? 1 : 0),
    };
  });
  await touchAccount(db, event, user);
  return row;
}

/** Adds to the pool's day and refreshes its end-of-day TVL and stakers. */
async function addDaily(db: Db, event: PoolEvent, row: PoolRow, flows: { staked?: bigint; withdrawn?: bigint; rewardsPaid?: bigint; rewardsAdded?: bigint }) {
  const { day, date } = utcDay(event.block.timestamp);
  const staked = flows.staked ?? 0n;
  const withdrawn = flows.withdrawn ?? 0n;
  const rewardsPaid = flows.rewardsPaid ?? 0n;
  const rewardsAdded = flows.rewardsAdded ?? 0n;
  const now = { tvl: row.tvl, totalStaked: row.totalStaked, stakerCount: row.stakerCount };
  await db
    .insert(dailyPoolStat)
    .values({ id: `${date}-${row.id}`, day, date, pool: row.id, ...now, staked, withdrawn, rewardsPaid, rewardsAdded })
    .onConflictDoUpdate((day) => ({
      ...now,
      staked: day.staked + staked,
      withdrawn: day.withdrawn + withdrawn,
      rewardsPaid: day.rewardsPaid + rewardsPaid,
      rewardsAdded: day.rewardsAdded + rewardsAdded,
    }));
}

async function history(
  db: Db,
  event: PoolEvent,
  row: { kind: string; account: string | null; amount: bigint; balance?: bigint; totalSupply?: bigint; details?: Record<string, bigint> },
) {
  await db.insert(stakeEvent).values({
    id: eventId(event),
    pool: lc(event.log.address),
    account: row.account ? lc(row.account) : null,
    kind: row.kind,
    amount: row.amount,
    balance: row.balance ?? null,
    totalSupply: row.totalSupply ?? null,
    details: row.details ? Object.fromEntries(Object.entries(row.details).map(([key, value]) => [key, value.toString()])) : null,
    ...at(event),
  });
}

// ------------------------------------------------------------------ principal

ponder.on("StakingPool:Staked", async ({ event, context }) => {
  const { user, amount, balance, totalSupply } = event.args;
  const current = await position(context.db, event, user);
  const config = await context.db.find(pool, { id: lc(event.log.address) });
  const row = await movePrincipal(context.db, event, user, { staked: balance, cooling: current.cooling, totalSupply }, {
    totalDeposited: current.totalDeposited + amount,
    lockEnd: config && config.minStakePeriod > 0n ? event.block.timestamp + config.minStakePeriod : 0n,
  });
  await history(context.db, event, { kind: "staked", account: user, amount, balance, totalSupply });
  await touchAccount(context.db, event, user, "stakeCount");
  await addDaily(context.db, event, row, { staked: amount });
  await countDaily(context.db, event.block.timestamp, "stakeCount");
});

ponder.on("StakingPool:UnstakeRequested", async ({ event, context }) => {
  const { user, amount, balance, coolingAmount, unlockTime, totalSupply } = event.args;
  const row = await movePrincipal(context.db, event, user, { staked: balance, cooling: coolingAmount, totalSupply }, { unlockTime });
  await history(context.db, event, { kind: "unstake_requested", account: user, amount, balance, totalSupply, details: { coolingAmount, unlockTime } });
  await addDaily(context.db, event, row, {});
});

ponder.on("StakingPool:Withdrawn", async ({ event, context }) => {
  const { user, amount, balance, coolingAmount, totalSupply } = event.args;
  const current = await position(context.db, event, user);
  const row = await movePrincipal(context.db, event, user, { staked: balance, cooling: coolingAmount, totalSupply }, {
    totalWithdrawn: current.totalWithdrawn + amount,
    unlockTime: coolingAmount === 0n ? 0n : current.unlockTime,
  });
  await history(context.db, event, { kind: "withdrawn", account: user, amount, balance, totalSupply, details: { coolingAmount } });
  await addDaily(context.db, event, row, { withdrawn: amount });
});

ponder.on("StakingPool:EmergencyWithdrawn", async ({ event, context }) => {
  const { user, amount, forfeitedRewards, totalSupply } = event.args;
  const current = await position(context.db, event, user);
  const row = await movePrincipal(context.db, event, user, { staked: 0n, cooling: 0n, totalSupply }, {
    totalWithdrawn: current.totalWithdrawn + amount,
    unlockTime: 0n,
  });
  await updatePool(context.db, event, (row) => ({
    totalForfeited: row.totalForfeited + forfeitedRewards,
    queuedRewards: row.queuedRewards + forfeitedRewards,
  }));
  await history(context.db, event, { kind: "emergency_withdrawn", account: user, amount, balance: 0n, totalSupply, details: { forfeitedRewards } });
  await addDaily(context.db, event, row, { withdrawn: amount });
});

// ------------------------------------------------------------------ rewards

async function rewardToAccount(db: Db, event: PoolEvent, user: string, change: (row: PositionRow) => Partial<PositionRow>) {
  const current = await position(db, event, user);
  await db.update(stakePosition, { pool: current.pool, account: current.account }).set({
    ...change(current),
    updatedBlock: event.block.number,
    updatedAt: event.block.timestamp,
  });
  await touchAccount(db, event, user);
}

ponder.on("StakingPool:RewardPaid", async ({ event, context }) => {
  const { user, reward } = event.args;
  await rewardToAccount(context.db, event, user, (row) => ({ rewardsClaimed: row.rewardsClaimed + reward, rewardsPaid: row.rewardsPaid + reward }));
  const row = await updatePool(context.db, event, (row) => ({
    totalRewardsClaimed: row.totalRewardsClaimed + reward,
    totalRewardsPaid: row.totalRewardsPaid + reward,
  }));
  await history(context.db, event, { kind: "reward_paid", account: user, amount: reward });
  await addDaily(context.db, event, row, { rewardsPaid: reward });
});

ponder.on("StakingPool:RewardVesting", async ({ event, context }) => {
  const { user, reward, vestingAmount, vestingEnd } = event.args;
  await rewardToAccount(context.db, event, user, (row) => ({ rewardsClaimed: row.rewardsClaimed + reward, vestingAmount, vestingEnd }));
  await updatePool(context.db, event, (row) => ({ totalRewardsClaimed: row.totalRewardsClaimed + reward }));
  await history(context.db, event, { kind: "reward_vesting", account: user, amount: reward, details: { vestingAmount, vestingEnd } });
});

ponder.on("StakingPool:VestingReleased", async ({ event, context }) => {
  const { user, amount, vestingAmount } = event.args;
  await rewardToAccount(context.db, event, user, (row) => ({ rewardsPaid: row.rewardsPaid + amount, vestingAmount }));
  const row = await updatePool(context.db, event, (row) => ({ totalRewardsPaid: row.totalRewardsPaid + amount }));
  await history(context.db, event, { kind: "vesting_released", account: user, amount, details: { vestingAmount } });
  await addDaily(context.db, event, row, { rewardsPaid: amount });
});

ponder.on("StakingPool:RewardAdded", async ({ event, context }) => {
  const { reward, carried, rewardRate, periodFinish } = event.args;
  const now = event.block.timestamp;
  const row = await updatePool(context.db, event, (row) => {
    // What the contract re-emits: the new reward, the queue and the unemitted rest of the
    // running period; what does not divide evenly into the new period stays queued.
    const rest = row.periodFinish > now ? (row.periodFinish - now) * row.rewardRate : 0n;
    const queued = reward + carried + rest - rewardRate * (periodFinish - now);
    return { rewardRate, periodFinish, queuedRewards: queued, totalRewardsAdded: row.totalRewardsAdded + reward };
  });
  await history(context.db, event, { kind: "reward_added", account: null, amount: reward, details: { carried, rewardRate, periodFinish } });
  await addDaily(context.db, event, row, { rewardsAdded: reward });
});

ponder.on("StakingPool:RewardsCarriedOver", async ({ event, context }) => {
  await updatePool(context.db, event, { queuedRewards: event.args.queuedRewards });
});

// ------------------------------------------------------------------ configuration

ponder.on("StakingPool:StakeLimitsUpdated", async ({ event, context }) => {
  await updatePoolIfKnown(context.db, event, { maxStakePerAccount: event.args.maxStakePerAccount, poolCap: event.args.poolCap });
});

ponder.on("StakingPool:RewardLimitsUpdated", async ({ event, context }) => {
  await updatePoolIfKnown(context.db, event, { maxRewardRate: event.args.maxRewardRate, totalRewardCap: event.args.totalRewardCap });
});

ponder.on("StakingPool:RewardsDurationUpdated", async ({ event, context }) => {
  await updatePool(context.db, event, { rewardsDuration: event.args.rewardsDuration });
});

ponder.on("StakingPool:Paused", async ({ event, context }) => {
  await updatePool(context.db, event, { paused: true });
});

ponder.on("StakingPool:Unpaused", async ({ event, context }) => {
  await updatePool(context.db, event, { paused: false });
});
