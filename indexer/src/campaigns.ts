// CampaignFactory and Campaign events: campaigns, their backers, contributions, refunds, token
// claims and withdrawals, with running totals and the daily volume per asset.
import { ponder } from "ponder:registry";
import { backer, campaign, contribution, dailyCampaignVolume, refund, tokenClaim, withdrawal } from "ponder:schema";
import { at, countDaily, eventId, lc, setPlatform, touchAccount, utcDay, ZERO_ADDRESS, ZERO_BYTES32, type Db } from "./common";

// ------------------------------------------------------------------ factory

interface CampaignParams {
  owner: string;
  asset: string;
  goal: bigint;
  cap: bigint;
  start: bigint;
  end: bigint;
  rate: bigint;
  minContribution: bigint;
  maxPerBacker: bigint;
  metadataURI: string;
}

/** A campaign's columns from its Params struct (CampaignCreated and ParamsUpdated carry it). */
function paramColumns(p: CampaignParams) {
  return {
    owner: lc(p.owner),
    asset: lc(p.asset),
    isNative: lc(p.asset) === ZERO_ADDRESS,
    goal: p.goal,
    cap: p.cap,
    start: p.start,
    end: p.end,
    rate: p.rate,
    minContribution: p.minContribution,
    maxPerBacker: p.maxPerBacker,
    metadataURI: p.metadataURI,
  };
}

ponder.on("CampaignFactory:CampaignCreated", async ({ event, context }) => {
  const { args } = event;
  const p = args.params;
  await context.db.insert(campaign).values({
    id: lc(args.campaign),
    index: Number(args.index),
    factory: lc(event.log.address),
    ...paramColumns(p),
    token: lc(args.token),
    tokenName: args.tokenName,
    tokenSymbol: args.tokenSymbol,
    pool: lc(args.pool) === ZERO_ADDRESS ? null : lc(args.pool),
    feeBps: args.platformFeeBps,
    status: "draft",
    raised: 0n,
    totalContributed: 0n,
    contributionCount: 0,
    backerCount: 0,
    claimedContribution: 0n,
    tokensClaimed: 0n,
    claimCount: 0,
    refunded: 0n,
    refundCount: 0,
    withdrawn: 0n,
    withdrawnFee: 0n,
    feeSwept: 0n,
    createdBlock: event.block.number,
    createdAt: event.block.timestamp,
    updatedBlock: event.block.number,
    updatedAt: event.block.timestamp,
    txHash: event.transaction.hash,
  });
  await touchAccount(context.db, event, p.owner);
  await countDaily(context.db, event.block.timestamp, "campaignsCreated");
});


ponder.on("CampaignFactory:FeeUpdated", async ({ event, context }) => {
  await setPlatform(context.db, event.log.address, "factory", event.block.timestamp, { feeBps: event.args.newFeeBps });
});

ponder.on("CampaignFactory:TreasuryUpdated", async ({ event, context }) => {
  await setPlatform(context.db, event.log.address, "factory", event.block.timestamp, { treasury: event.args.newTreasury });
});

// ------------------------------------------------------------------ campaign lifecycle

/** Updates the campaign that emitted `event` and stamps it. */
function touchCampaign(db: Db, event: { log: { address: string }; block: { number: bigint; timestamp: bigint } }) {
  return {
    set: (values: Partial<typeof campaign.$inferInsert> | ((row: typeof campaign.$inferSelect) => Partial<typeof campaign.$inferInsert>)) =>
      db.update(campaign, { id: lc(event.log.address) }).set((row) => ({
        ...(typeof values === "function" ? values(row) : values),
        updatedBlock: event.block.number,
        updatedAt: event.block.timestamp,
      })),
  };
}

ponder.on("Campaign:ParamsUpdated", async ({ event, context }) => {
  const p = event.args.params;
  // Only a Draft can change; the row exists since CampaignCreated (same or earlier tx).
  if (!(await context.db.find(campaign, { id: lc(event.log.address) }))) return;
  await touchCampaign(context.db, event).set(paramColumns(p));
});

ponder.on("Campaign:Launched", async ({ event, context }) => {
  await touchCampaign(context.db, event).set({
    status: "launched",
    start: event.args.start,
    end: event.args.end,
    feeBps: event.args.platformFeeBps,
    launchedAt: event.block.timestamp,
  });
});

ponder.on("Campaign:Finalized", async ({ event, context }) => {
  await touchCampaign(context.db, event).set({ status: "finalized", raised: event.args.totalRaised, finalizedAt: event.block.timestamp });
});

ponder.on("Campaign:Cancelled", async ({ event, context }) => {
  await touchCampaign(context.db, event).set({ status: "cancelled", cancelledAt: event.block.timestamp });
});

/** A claim, withdrawal or sweep proves success; the stored stage may still say "launched". */
const successful = (status: string) => (status === "launched" ? "successful" : status);

// ------------------------------------------------------------------ money

async function addVolume(db: Db, timestamp: bigint, asset: string, change: { contributed?: bigint; refunded?: bigint }) {
  const { day, date } = utcDay(timestamp);
  const contributed = change.contributed ?? 0n;
  const refunded = change.refunded ?? 0n;
  await db
    .insert(dailyCampaignVolume)
    .values({
      id: `${date}-${lc(asset)}`,
      day,
      date,
      asset: lc(asset),
      contributed,
      contributionCount: contributed > 0n ? 1 : 0,
      refunded,
      refundCount: refunded > 0n ? 1 : 0,
    })
    .onConflictDoUpdate((row) => ({
      contributed: row.contributed + contributed,
      contributionCount: row.contributionCount + (contributed > 0n ? 1 : 0),
      refunded: row.refunded + refunded,
      refundCount: row.refundCount + (refunded > 0n ? 1 : 0),
    }));
}

ponder.on("Campaign:Contributed", async ({ event, context }) => {
  const { args } = event;
  const id = lc(event.log.address);
  const account = lc(args.backer);
  await context.db.insert(contribution).values({
    id: eventId(event),
    campaign: id,
    backer: account,
    payer: lc(args.payer),
    amount: args.amount,
    onrampRef: args.onrampRef === ZERO_BYTES32 ? null : lc(args.onrampRef),
    ...at(event),
  });
  const existing = await context.db.find(backer, { campaign: id, account });
  if (existing) {
    await context.db.update(backer, { campaign: id, account }).set({
      contributed: args.backerTotal,
      contributionCount: existing.contributionCount + 1,
      lastContributedAt: event.block.timestamp,
    });
  } else {
    await context.db.insert(backer).values({
      campaign: id,
      account,
      contributed: args.backerTotal,
      contributionCount: 1,
      refunded: 0n,
      tokensClaimed: 0n,
      claimed: false,
      firstContributedAt: event.block.timestamp,
      lastContributedAt: event.block.timestamp,
    });
  }
  const row = await touchCampaign(context.db, event).set((row) => ({
    raised: args.totalRaised,
    totalContributed: row.totalContributed + args.amount,
    contributionCount: row.contributionCount + 1,
    backerCount: row.backerCount + (existing ? 0 : 1),
  }));
  await touchAccount(context.db, event, account, "contributionCount");
  if (lc(args.payer) !== account) await touchAccount(context.db, event, args.payer);
  await addVolume(context.db, event.block.timestamp, row.asset, { contributed: args.amount });
  await countDaily(context.db, event.block.timestamp, "contributionCount");
});

ponder.on("Campaign:Refunded", async ({ event, context }) => {
  const { args } = event;
  const id = lc(event.log.address);
  await context.db.insert(refund).values({
    id: eventId(event),
    campaign: id,
    backer: lc(args.backer),
    to: lc(args.to),
    amount: args.amount,
    ...at(event),
  });
  await context.db.update(backer, { campaign: id, account: lc(args.backer) }).set((row) => ({
    contributed: 0n,
    refunded: row.refunded + args.amount,
  }));
  const row = await touchCampaign(context.db, event).set((row) => ({
    status: row.status === "launched" ? "failed" : row.status,
    raised: args.totalRaised,
    refunded: row.refunded + args.amount,
    refundCount: row.refundCount + 1,
  }));
  await touchAccount(context.db, event, args.backer);
  await addVolume(context.db, event.block.timestamp, row.asset, { refunded: args.amount });
});

ponder.on("Campaign:TokensClaimed", async ({ event, context }) => {
  const { args } = event;
  const id = lc(event.log.address);
  await context.db.insert(tokenClaim).values({
    id: eventId(event),
    campaign: id,
    backer: lc(args.backer),
    contribution: args.contribution,
    tokens: args.tokens,
    ...at(event),
  });
  await context.db.update(backer, { campaign: id, account: lc(args.backer) }).set({ claimed: true, tokensClaimed: args.tokens });
  await touchCampaign(context.db, event).set((row) => ({
    status: successful(row.status),
    claimedContribution: row.claimedContribution + args.contribution,
    tokensClaimed: row.tokensClaimed + args.tokens,
    claimCount: row.claimCount + 1,
  }));
  await touchAccount(context.db, event, args.backer);
});

ponder.on("Campaign:Withdrawn", async ({ event, context }) => {
  const { args } = event;
  await context.db.insert(withdrawal).values({
    id: eventId(event),
    campaign: lc(event.log.address),
    kind: "owner",
    caller: lc(args.owner),
    to: lc(args.to),
    amount: args.amount,
    fee: args.fee,
    ...at(event),
  });
  await touchCampaign(context.db, event).set((row) => ({
    status: successful(row.status),
    withdrawn: args.amount,
    withdrawnFee: args.fee,
    withdrawnAt: event.block.timestamp,
  }));
  await touchAccount(context.db, event, args.owner);
});

ponder.on("Campaign:FeeSwept", async ({ event, context }) => {
  const { args } = event;
  await context.db.insert(withdrawal).values({
    id: eventId(event),
    campaign: lc(event.log.address),
    kind: "fee",
    caller: lc(args.caller),
    to: lc(args.treasury),
    amount: args.fee,
    fee: args.fee,
    ...at(event),
  });
  await touchCampaign(context.db, event).set((row) => ({ status: successful(row.status), feeSwept: args.fee }));
});
