// PaymentEscrow events: payments and their history, merchants and their signers, cancelled
// intents, credits, platform fee settings and the daily volume per token.
import { ponder, type Event } from "ponder:registry";
import { cancelledIntent, credit, dailyPaymentVolume, merchant, payment, paymentEvent, platform } from "ponder:schema";
import { at, countDaily, eventId, lc, setPlatform, touchAccount, utcDay, ZERO_ADDRESS, type Db } from "./common";

type PaymentRow = typeof payment.$inferSelect;
type Hex = `0x${string}`;

async function history(db: Db, event: Event, id: Hex, kind: string, account: string | null, amount: bigint, details: Record<string, unknown> = {}) {
  await db.insert(paymentEvent).values({
    id: eventId(event),
    payment: lc(id),
    kind,
    account: account ? lc(account) : null,
    amount,
    details: JSON.parse(JSON.stringify(details, (_key, value) => (typeof value === "bigint" ? value.toString() : value))),
    ...at(event),
  });
}

function updatePayment(db: Db, event: Event, id: Hex, values: (row: PaymentRow) => Partial<PaymentRow>) {
  return db.update(payment, { id: lc(id) }).set((row) => ({ ...values(row), updatedBlock: event.block.number, updatedAt: event.block.timestamp }));
}

async function upsertMerchant(db: Db, event: Event, address: string, change: (row: typeof merchant.$inferSelect | undefined) => Partial<typeof merchant.$inferInsert>) {
  const id = lc(address);
  const existing = await db.find(merchant, { id });
  const values = { ...change(existing ?? undefined), updatedBlock: event.block.number, updatedAt: event.block.timestamp };
  if (existing) await db.update(merchant, { id }).set(values);
  else await db.insert(merchant).values({ id, releaseDelay: 0, signers: [], paymentCount: 0, ...values });
}

async function addVolume(db: Db, timestamp: bigint, token: string, change: { paid?: bigint; released?: bigint; refunded?: bigint }) {
  const { day, date } = utcDay(timestamp);
  const paid = change.paid ?? 0n;
  const released = change.released ?? 0n;
  const refunded = change.refunded ?? 0n;
  await db
    .insert(dailyPaymentVolume)
    .values({ id: `${date}-${lc(token)}`, day, date, token: lc(token), paid, paymentCount: paid > 0n ? 1 : 0, released, refunded })
    .onConflictDoUpdate((row) => ({
      paid: row.paid + paid,
      paymentCount: row.paymentCount + (paid > 0n ? 1 : 0),
      released: row.released + released,
      refunded: row.refunded + refunded,
    }));
}

async function addFees(db: Db, escrow: string, token: string, delta: bigint | null, timestamp: bigint) {
  const row = await db.find(platform, { id: lc(escrow) });
  const fees = { ...(row?.feesAccrued ?? {}) };
  fees[lc(token)] = delta === null ? "0" : (BigInt(fees[lc(token)] ?? "0") + delta).toString();
  if (row) await db.update(platform, { id: lc(escrow) }).set({ feesAccrued: fees, updatedAt: timestamp });
  else await db.insert(platform).values({ id: lc(escrow), kind: "escrow", feeBps: 0, treasury: ZERO_ADDRESS, feesAccrued: fees, updatedAt: timestamp });
}

// ------------------------------------------------------------------ a payment's life

ponder.on("PaymentEscrow:PaymentReceived", async ({ event, context }) => {
  const { args } = event;
  await context.db.insert(payment).values({
    id: lc(args.id),
    merchant: lc(args.merchant),
    payer: lc(args.payer),
    token: lc(args.token),
    amount: args.amount,
    feeBps: args.feeBps,
    releaseAt: args.releaseAt,
    metadataHash: lc(args.metadataHash),
    state: "held",
    refundedAmount: 0n,
    onrampRef: null,
    merchantAmount: 0n,
    feeAmount: 0n,
    splitsAmount: 0n,
    disputePayerAmount: 0n,
    splits: args.splits.map((split) => ({ recipient: lc(split.recipient), bps: split.bps })),
    createdBlock: event.block.number,
    createdAt: event.block.timestamp,
    updatedBlock: event.block.number,
    updatedAt: event.block.timestamp,
    txHash: event.transaction.hash,
  });
  await history(context.db, event, args.id, "received", args.payer, args.amount, { token: lc(args.token), releaseAt: args.releaseAt, feeBps: args.feeBps });
  await upsertMerchant(context.db, event, args.merchant, (row) => ({ paymentCount: (row?.paymentCount ?? 0) + 1 }));
  await touchAccount(context.db, event, args.payer, "paymentCount");
  await touchAccount(context.db, event, args.merchant);
  await addVolume(context.db, event.block.timestamp, args.token, { paid: args.amount });
  await countDaily(context.db, event.block.timestamp, "paymentCount");
});

ponder.on("PaymentEscrow:OnrampPayment", async ({ event, context }) => {
  const { id, onrampRef, operator } = event.args;
  await updatePayment(context.db, event, id, () => ({ onrampRef: lc(onrampRef) }));
  await history(context.db, event, id, "onramp", operator, 0n, { onrampRef: lc(onrampRef) });
});

ponder.on("PaymentEscrow:PaymentReleased", async ({ event, context }) => {
  const { id, merchant: to, merchantAmount, feeAmount, splitAmounts } = event.args;
  const splits = splitAmounts.reduce((sum, amount) => sum + amount, 0n);
  const row = await updatePayment(context.db, event, id, (row) => ({
    // The merchant side of a resolved dispute is paid by a release too: it stays "resolved".
    state: row.state === "resolved" ? "resolved" : "released",
    merchantAmount: row.merchantAmount + merchantAmount,
    feeAmount: row.feeAmount + feeAmount,
    splitsAmount: row.splitsAmount + splits,
  }));
  await history(context.db, event, id, "released", to, merchantAmount, { feeAmount, splitAmounts });
  await addVolume(context.db, event.block.timestamp, row.token, { released: merchantAmount + feeAmount + splits });
  if (feeAmount > 0n) await addFees(context.db, event.log.address, row.token, feeAmount, event.block.timestamp);
});

ponder.on("PaymentEscrow:PaymentRefunded", async ({ event, context }) => {
  const { id, payer, amount, remaining } = event.args;
  const row = await updatePayment(context.db, event, id, (row) => ({
    state: remaining === 0n ? "refunded" : row.state,
    refundedAmount: row.refundedAmount + amount,
  }));
  await history(context.db, event, id, "refunded", payer, amount, { remaining });
  await addVolume(context.db, event.block.timestamp, row.token, { refunded: amount });
});

ponder.on("PaymentEscrow:DisputeOpened", async ({ event, context }) => {
  const { id, payer } = event.args;
  await updatePayment(context.db, event, id, () => ({ state: "disputed" }));
  await history(context.db, event, id, "dispute_opened", payer, 0n);
});

ponder.on("PaymentEscrow:DisputeResolved", async ({ event, context }) => {
  const { id, arbiter, payerAmount, merchantSideAmount } = event.args;
  await updatePayment(context.db, event, id, () => ({ state: "resolved", disputePayerAmount: payerAmount }));
  await history(context.db, event, id, "dispute_resolved", arbiter, payerAmount, { merchantSideAmount });
  await touchAccount(context.db, event, arbiter);
});

ponder.on("PaymentEscrow:PayoutDeferred", async ({ event, context }) => {
  const { id, account, token, amount, credit: total } = event.args;
  await history(context.db, event, id, "payout_deferred", account, amount, { token: lc(token), credit: total });
  await context.db
    .insert(credit)
    .values({ account: lc(account), token: lc(token), amount: total, withdrawn: 0n, updatedAt: event.block.timestamp })
    .onConflictDoUpdate({ amount: total, updatedAt: event.block.timestamp });
});

ponder.on("PaymentEscrow:CreditWithdrawn", async ({ event, context }) => {
  const { account, token, amount } = event.args;
  await context.db
    .insert(credit)
    .values({ account: lc(account), token: lc(token), amount: 0n, withdrawn: amount, updatedAt: event.block.timestamp })
    .onConflictDoUpdate((row) => ({ amount: 0n, withdrawn: row.withdrawn + amount, updatedAt: event.block.timestamp }));
});

ponder.on("PaymentEscrow:IntentCancelled", async ({ event, context }) => {
  const { id, merchant: owner, by } = event.args;
  await context.db.insert(cancelledIntent).values({
    id: lc(id),
    merchant: lc(owner),
    by: lc(by),
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
  });
});

// ------------------------------------------------------------------ merchants and the platform

ponder.on("PaymentEscrow:ReleaseDelaySet", async ({ event, context }) => {
  await upsertMerchant(context.db, event, event.args.merchant, () => ({ releaseDelay: event.args.delay }));
  await touchAccount(context.db, event, event.args.merchant);
});

ponder.on("PaymentEscrow:SignerSet", async ({ event, context }) => {
  const signer = lc(event.args.signer);
  await upsertMerchant(context.db, event, event.args.merchant, (row) => {
    const others = (row?.signers ?? []).filter((existing) => existing !== signer);
    return { signers: event.args.allowed ? [...others, signer] : others };
  });
  await touchAccount(context.db, event, event.args.merchant);
});

ponder.on("PaymentEscrow:FeeSet", async ({ event, context }) => {
  await setPlatform(context.db, event.log.address, "escrow", event.block.timestamp, { feeBps: event.args.newBps });
});

ponder.on("PaymentEscrow:TreasurySet", async ({ event, context }) => {
  await setPlatform(context.db, event.log.address, "escrow", event.block.timestamp, { treasury: event.args.newTreasury });
});

ponder.on("PaymentEscrow:FeesWithdrawn", async ({ event, context }) => {
  await addFees(context.db, event.log.address, event.args.token, null, event.block.timestamp);
});
