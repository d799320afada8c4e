// The projection: one table per kind of on-chain fact, plus running totals that the events
// carry or imply. Ponder serves each table in GraphQL as a type named like its export
// (`campaign`, `pool`, ...) with a singular query (by primary key) and a plural one (`campaigns`).
// Conventions: addresses and ids lower-case hex; amounts bigint (GraphQL BigInt = decimal string);
// times are unix seconds (bigint); `asset`/`token` 0x0…0 is the native coin. Relations
// (end of file) link the types; a one-relation is named `<column>Info` because the column keeps
// the plain name.
import { index, onchainTable, primaryKey, relations } from "ponder";

// ------------------------------------------------------------------ accounts

/** Every address that acted (backer, payer, staker, owner, merchant) with a few counters. */
export const account = onchainTable("account", (t) => ({
  id: t.hex().primaryKey(),
  firstSeenBlock: t.bigint().notNull(),
  firstSeenAt: t.bigint().notNull(),
  lastSeenBlock: t.bigint().notNull(),
  lastSeenAt: t.bigint().notNull(),
  contributionCount: t.integer().notNull().default(0),
  paymentCount: t.integer().notNull().default(0),
  stakeCount: t.integer().notNull().default(0),
}));

// ------------------------------------------------------------------ campaigns

export const campaign = onchainTable(
  "campaign",
  (t) => ({
    id: t.hex().primaryKey(),
    /** Position in the factory's list (campaignAt). */
    index: t.integer().notNull(),
    factory: t.hex().notNull(),
    owner: t.hex().notNull(),
    token: t.hex().notNull(),
    tokenName: t.text().notNull(),
    tokenSymbol: t.text().notNull(),
    /** The campaign's staking pool, if created with one. */
    pool: t.hex(),
    asset: t.hex().notNull(),
    isNative: t.boolean().notNull(),
    goal: t.bigint().notNull(),
    cap: t.bigint().notNull(),
    start: t.bigint().notNull(),
    end: t.bigint().notNull(),
    rate: t.bigint().notNull(),
    minContribution: t.bigint().notNull(),
    maxPerBacker: t.bigint().notNull(),
    metadataURI: t.text().notNull(),
    /** The factory's fee at creation; replaced by the fee fixed at launch. */
    feeBps: t.integer().notNull(),
    /**
     * What the events say: draft | launched | finalized | cancelled, then successful (first claim,
     * withdrawal or fee sweep) or failed (first refund of a launched campaign). The time-derived
     * state is the GraphQL field `phase`.
     */
    status: t.text().notNull(),
    /** totalRaised: contributions minus refunds. */
    raised: t.bigint().notNull(),
    totalContributed: t.bigint().notNull(),
    contributionCount: t.integer().notNull(),
    /** Distinct backers who ever contributed. */
    backerCount: t.integer().notNull(),
    claimedContribution: t.bigint().notNull(),
    tokensClaimed: t.bigint().notNull(),
    claimCount: t.integer().notNull(),
    refunded: t.bigint().notNull(),
    refundCount: t.integer().notNull(),
    withdrawn: t.bigint().notNull(),
    withdrawnFee: t.bigint().notNull(),
    feeSwept: t.bigint().notNull(),
    launchedAt: t.bigint(),
    finalizedAt: t.bigint(),
    cancelledAt: t.bigint(),
    withdrawnAt: t.bigint(),
    createdBlock: t.bigint().notNull(),
    createdAt: t.bigint().notNull(),
    updatedBlock: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ ownerIdx: index().on(table.owner), assetIdx: index().on(table.asset) }),
);

/** One row per `Contributed` event (the shared contract with the on-ramp helpers). */
export const contribution = onchainTable(
  "contribution",
  (t) => ({
    id: t.text().primaryKey(), // `${txHash}-${logIndex}`
    campaign: t.hex().notNull(),
    backer: t.hex().notNull(),
    payer: t.hex().notNull(),
    amount: t.bigint().notNull(),
    /** null for a direct contribution (the event's ref is bytes32(0)). */
    onrampRef: t.hex(),
    txHash: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({
    campaignIdx: index().on(table.campaign),
    backerIdx: index().on(table.backer),
    onrampRefIdx: index().on(table.onrampRef),
  }),
);

/** A backer of a campaign: its running total and what it claimed or got back. */
export const backer = onchainTable(
  "backer",
  (t) => ({
    campaign: t.hex().notNull(),
    account: t.hex().notNull(),
    /** backerTotal: contributed minus refunded. */
    contributed: t.bigint().notNull(),
    contributionCount: t.integer().notNull(),
    refunded: t.bigint().notNull(),
    tokensClaimed: t.bigint().notNull(),
    claimed: t.boolean().notNull(),
    firstContributedAt: t.bigint().notNull(),
    lastContributedAt: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.campaign, table.account] }), accountIdx: index().on(table.account) }),
);

export const refund = onchainTable(
  "refund",
  (t) => ({
    id: t.text().primaryKey(),
    campaign: t.hex().notNull(),
    backer: t.hex().notNull(),
    to: t.hex().notNull(),
    amount: t.bigint().notNull(),
    txHash: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ campaignIdx: index().on(table.campaign), backerIdx: index().on(table.backer) }),
);

export const tokenClaim = onchainTable(
  "token_claim",
  (t) => ({
    id: t.text().primaryKey(),
    campaign: t.hex().notNull(),
    backer: t.hex().notNull(),
    contribution: t.bigint().notNull(),
    tokens: t.bigint().notNull(),
    txHash: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ campaignIdx: index().on(table.campaign), backerIdx: index().on(table.backer) }),
);

/** The owner's withdrawal (`Withdrawn`) and fee sweeps (`FeeSwept`, kind "fee"). */
export const withdrawal = onchainTable(
  "withdrawal",
  (t) => ({
    id: t.text().primaryKey(),
    campaign: t.hex().notNull(),
    /** "owner" (Withdrawn: amount to `to`, fee kept) | "fee" (FeeSwept: amount to the treasury `to`). */
    kind: t.text().notNull(),
    caller: t.hex().notNull(),
    to: t.hex().notNull(),
    amount: t.bigint().notNull(),
    fee: t.bigint().notNull(),
    txHash: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ campaignIdx: index().on(table.campaign) }),
);

// ------------------------------------------------------------------ staking

export const pool = onchainTable(
  "pool",
  (t) => ({
    id: t.hex().primaryKey(),
    index: t.integer().notNull(),
    /** The campaign whose token it stakes; null for a standalone pool. */
    campaign: t.hex(),
    stakingToken: t.hex().notNull(),
    rewardsToken: t.hex().notNull(),
    admin: t.hex().notNull(),
    rewardsDuration: t.bigint().notNull(),
    minStakePeriod: t.bigint().notNull(),
    cooldown: t.bigint().notNull(),
    vestingDuration: t.bigint().notNull(),
    maxStakePerAccount: t.bigint().notNull(),
    poolCap: t.bigint().notNull(),
    maxRewardRate: t.bigint().notNull(),
    totalRewardCap: t.bigint().notNull(),
    paused: t.boolean().notNull(),
    /** totalSupply: the earning stake. */
    totalStaked: t.bigint().notNull(),
    /** Stake that stopped earning and waits for its cooldown. */
    totalCooling: t.bigint().notNull(),
    /** Value locked: totalStaked + totalCooling. */
    tvl: t.bigint().notNull(),
    /** Accounts with principal in the pool (earning or cooling). */
    stakerCount: t.integer().notNull(),
    rewardRate: t.bigint().notNull(),
    periodFinish: t.bigint().notNull(),
    queuedRewards: t.bigint().notNull(),
    totalRewardsAdded: t.bigint().notNull(),
    /** Rewards claimed (RewardPaid + RewardVesting.reward). */
    totalRewardsClaimed: t.bigint().notNull(),
    /** Reward tokens transferred out (RewardPaid + VestingReleased). */
    totalRewardsPaid: t.bigint().notNull(),
    totalForfeited: t.bigint().notNull(),
    createdBlock: t.bigint().notNull(),
    createdAt: t.bigint().notNull(),
    updatedBlock: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({ campaignIdx: index().on(table.campaign) }),
);

/** One account's stake in one pool. */
export const stakePosition = onchainTable(
  "stake_position",
  (t) => ({
    pool: t.hex().notNull(),
    account: t.hex().notNull(),
    /** Earning stake (balanceOf). */
    staked: t.bigint().notNull(),
    cooling: t.bigint().notNull(),
    /** When the cooling stake can be withdrawn (0 = none). */
    unlockTime: t.bigint().notNull(),
    /** lastStake + minStakePeriod: no unstake before. */
    lockEnd: t.bigint().notNull(),
    totalDeposited: t.bigint().notNull(),
    totalWithdrawn: t.bigint().notNull(),
    rewardsClaimed: t.bigint().notNull(),
    rewardsPaid: t.bigint().notNull(),
    /** The vesting schedule's remaining amount and end (0 = none). */
    vestingAmount: t.bigint().notNull(),
    vestingEnd: t.bigint().notNull(),
    createdAt: t.bigint().notNull(),
    updatedBlock: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.pool, table.account] }), accountIdx: index().on(table.account) }),
);

/**
 * Stake and reward history: one row per Staked, UnstakeRequested, Withdrawn, EmergencyWithdrawn,
 * RewardPaid, RewardVesting, VestingReleased and RewardAdded.
 */
export const stakeEvent = onchainTable(
  "stake_event",
  (t) => ({
    id: t.text().primaryKey(),
    pool: t.hex().notNull(),
    /** null for reward_added. */
    account: t.hex(),
    /** staked | unstake_requested | withdrawn | emergency_withdrawn | reward_paid | reward_vesting | vesting_released | reward_added */
    kind: t.text().notNull(),
    /** Principal moved, or the reward (claimed, released or added). */
    amount: t.bigint().notNull(),
    /** The account's earning stake after the event (null for reward events). */
    balance: t.bigint(),
    /** The pool's totalSupply after the event, when the event says it. */
    totalSupply: t.bigint(),
    /** Kind-specific values as decimal strings (coolingAmount, unlockTime, vestingAmount, vestingEnd, forfeitedRewards, carried, rewardRate, periodFinish). */
    details: t.json().$type<Record<string, string>>(),
    txHash: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ poolIdx: index().on(table.pool), accountIdx: index().on(table.account) }),
);

// ------------------------------------------------------------------ payments

/** One row per paid intent (the shared contract with the payments helpers). */
export const payment = onchainTable(
  "payment",
  (t) => ({
    id: t.hex().primaryKey(),
    merchant: t.hex().notNull(),
    payer: t.hex().notNull(),
    token: t.hex().notNull(),
    amount: t.bigint().notNull(),
    feeBps: t.integer().notNull(),
    releaseAt: t.bigint().notNull(),
    metadataHash: t.hex().notNull(),
    /** held | disputed | released | refunded | resolved (OnchainPaymentState). */
    state: t.text().notNull(),
    refundedAmount: t.bigint().notNull(),
    onrampRef: t.hex(),
    /** Settled to the merchant, the splits and the fee (PaymentReleased). */
    merchantAmount: t.bigint().notNull(),
    feeAmount: t.bigint().notNull(),
    splitsAmount: t.bigint().notNull(),
    /** Paid back to the payer by the arbiter (DisputeResolved.payerAmount). */
    disputePayerAmount: t.bigint().notNull(),
    splits: t.json().$type<{ recipient: string; bps: number }[]>().notNull(),
    createdBlock: t.bigint().notNull(),
    createdAt: t.bigint().notNull(),
    updatedBlock: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({
    merchantIdx: index().on(table.merchant),
    payerIdx: index().on(table.payer),
    onrampRefIdx: index().on(table.onrampRef),
  }),
);

/** Payment history: every escrow event that names a payment id. */
export const paymentEvent = onchainTable(
  "payment_event",
  (t) => ({
    id: t.text().primaryKey(),
    payment: t.hex().notNull(),
    /** received | onramp | released | refunded | dispute_opened | dispute_resolved | payout_deferred */
    kind: t.text().notNull(),
    /** Who the event names: payer, operator, merchant, arbiter or the credited account. */
    account: t.hex(),
    amount: t.bigint().notNull(),
    /** Kind-specific values as strings (feeAmount, splitAmounts, remaining, merchantSideAmount, credit, onrampRef, releaseAt...). */
    details: t.json().$type<Record<string, unknown>>(),
    txHash: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ paymentIdx: index().on(table.payment) }),
);

export const merchant = onchainTable("merchant", (t) => ({
  id: t.hex().primaryKey(),
  /** Seconds a payment is held before anyone may release it (0 = settled at once). */
  releaseDelay: t.integer().notNull(),
  /** Addresses currently authorised to sign intents for it. */
  signers: t.hex().array().notNull(),
  paymentCount: t.integer().notNull(),
  updatedBlock: t.bigint().notNull(),
  updatedAt: t.bigint().notNull(),
}));

/** Unpaid intents their merchant withdrew (the shared contract with the payments helpers). */
export const cancelledIntent = onchainTable("cancelled_intent", (t) => ({
  id: t.hex().primaryKey(),
  merchant: t.hex().notNull(),
  by: t.hex().notNull(),
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
}));

/** Escrow credits (pushes that failed) per account and token, and what was withdrawn. */
export const credit = onchainTable(
  "credit",
  (t) => ({
    account: t.hex().notNull(),
    token: t.hex().notNull(),
    amount: t.bigint().notNull(),
    withdrawn: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.account, table.token] }) }),
);

/** Platform settings of the factory and the escrow (fee, treasury, escrow fees accrued per token in `feesAccrued`). */
export const platform = onchainTable("platform", (t) => ({
  /** The contract's address. */
  id: t.hex().primaryKey(),
  /** "factory" | "escrow" */
  kind: t.text().notNull(),
  feeBps: t.integer().notNull(),
  treasury: t.hex().notNull(),
  /** Escrow only: token -> fees accrued and not yet swept (decimal strings). */
  feesAccrued: t.json().$type<Record<string, string>>().notNull(),
  updatedAt: t.bigint().notNull(),
}));

/** AccessControl roles currently held, per contract (factory, escrow, pools). */
export const role = onchainTable(
  "role",
  (t) => ({
    contract: t.hex().notNull(),
    role: t.hex().notNull(),
    account: t.hex().notNull(),
    grantedBy: t.hex().notNull(),
    grantedAt: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.contract, table.role, table.account] }) }),
);

// ------------------------------------------------------------------ daily statistics (UTC days)
// `day` = unix time / 86400; `date` = YYYY-MM-DD. A day without activity has no row.

/** Campaign volume per asset and day. */
export const dailyCampaignVolume = onchainTable("daily_campaign_volume", (t) => ({
  id: t.text().primaryKey(), // `${date}-${asset}`
  day: t.integer().notNull(),
  date: t.text().notNull(),
  asset: t.hex().notNull(),
  contributed: t.bigint().notNull(),
  contributionCount: t.integer().notNull(),
  refunded: t.bigint().notNull(),
  refundCount: t.integer().notNull(),
}));

/** Escrow volume per token and day. */
export const dailyPaymentVolume = onchainTable("daily_payment_volume", (t) => ({
  id: t.text().primaryKey(), // `${date}-${token}`
  day: t.integer().notNull(),
  date: t.text().notNull(),
  token: t.hex().notNull(),
  paid: t.bigint().notNull(),
  paymentCount: t.integer().notNull(),
  released: t.bigint().notNull(),
  refunded: t.bigint().notNull(),
}));

/** A pool's day: flows, and its TVL and stakers at the end of the day (the last event's values). */
export const dailyPoolStat = onchainTable(
  "daily_pool_stat",
  (t) => ({
    id: t.text().primaryKey(), // `${date}-${pool}`
    day: t.integer().notNull(),
    date: t.text().notNull(),
    pool: t.hex().notNull(),
    tvl: t.bigint().notNull(),
    totalStaked: t.bigint().notNull(),
    stakerCount: t.integer().notNull(),
    staked: t.bigint().notNull(),
    withdrawn: t.bigint().notNull(),
    rewardsPaid: t.bigint().notNull(),
    rewardsAdded: t.bigint().notNull(),
  }),
  (table) => ({ poolIdx: index().on(table.pool) }),
);

/** Platform-wide counters per day. */
export const dailyStat = onchainTable("daily_stat", (t) => ({
  id: t.text().primaryKey(), // date
  day: t.integer().notNull(),
  campaignsCreated: t.integer().notNull(),
  contributionCount: t.integer().notNull(),
  paymentCount: t.integer().notNull(),
  stakeCount: t.integer().notNull(),
  newAccounts: t.integer().notNull(),
}));

// ------------------------------------------------------------------ relations (GraphQL links)

export const accountRelations = relations(account, ({ many }) => ({
  contributions: many(contribution),
  backings: many(backer),
  positions: many(stakePosition),
  stakeEvents: many(stakeEvent),
  payments: many(payment),
}));

export const campaignRelations = relations(campaign, ({ one, many }) => ({
  poolInfo: one(pool, { fields: [campaign.pool], references: [pool.id] }),
  ownerInfo: one(account, { fields: [campaign.owner], references: [account.id] }),
  contributions: many(contribution),
  backers: many(backer),
  refunds: many(refund),
  tokenClaims: many(tokenClaim),
  withdrawals: many(withdrawal),
}));

export const contributionRelations = relations(contribution, ({ one }) => ({
  campaignInfo: one(campaign, { fields: [contribution.campaign], references: [campaign.id] }),
  backerInfo: one(account, { fields: [contribution.backer], references: [account.id] }),
}));

export const backerRelations = relations(backer, ({ one }) => ({
  campaignInfo: one(campaign, { fields: [backer.campaign], references: [campaign.id] }),
  accountInfo: one(account, { fields: [backer.account], references: [account.id] }),
}));

export const refundRelations = relations(refund, ({ one }) => ({
  campaignInfo: one(campaign, { fields: [refund.campaign], references: [campaign.id] }),
}));

export const tokenClaimRelations = relations(tokenClaim, ({ one }) => ({
  campaignInfo: one(campaign, { fields: [tokenClaim.campaign], references: [campaign.id] }),
}));

export const withdrawalRelations = relations(withdrawal, ({ one }) => ({
  campaignInfo: one(campaign, { fields: [withdrawal.campaign], references: [campaign.id] }),
}));

export const poolRelations = relations(pool, ({ one, many }) => ({
  campaignInfo: one(campaign, { fields: [pool.campaign], references: [campaign.id] }),
  positions: many(stakePosition),
  history: many(stakeEvent),
  dailyStats: many(dailyPoolStat),
}));

export const stakePositionRelations = relations(stakePosition, ({ one }) => ({
  poolInfo: one(pool, { fields: [stakePosition.pool], references: [pool.id] }),
  accountInfo: one(account, { fields: [stakePosition.account], references: [account.id] }),
}));

export const stakeEventRelations = relations(stakeEvent, ({ one }) => ({
  poolInfo: one(pool, { fields: [stakeEvent.pool], references: [pool.id] }),
  accountInfo: one(account, { fields: [stakeEvent.account], references: [account.id] }),
}));

export const dailyPoolStatRelations = relations(dailyPoolStat, ({ one }) => ({
  poolInfo: one(pool, { fields: [dailyPoolStat.pool], references: [pool.id] }),
}));

export const paymentRelations = relations(payment, ({ one, many }) => ({
  merchantInfo: one(merchant, { fields: [payment.merchant], references: [merchant.id] }),
  payerInfo: one(account, { fields: [payment.payer], references: [account.id] }),
  history: many(paymentEvent),
}));

export const paymentEventRelations = relations(paymentEvent, ({ one }) => ({
  paymentInfo: one(payment, { fields: [paymentEvent.payment], references: [payment.id] }),
}));

export const merchantRelations = relations(merchant, ({ many }) => ({
  payments: many(payment),
  cancelledIntents: many(cancelledIntent),
}));

export const cancelledIntentRelations = relations(cancelledIntent, ({ one }) => ({
  merchantInfo: one(merchant, { fields: [cancelledIntent.merchant], references: [merchant.id] }),
}));
