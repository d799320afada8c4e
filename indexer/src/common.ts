// Helpers the event handlers share: row ids, lower-case addresses, accounts, UTC days.
import type { Context, Event } from "ponder:registry";
import { account, dailyStat, platform } from "ponder:schema";

export type Db = Context["db"];
type Hex = `0x${string}`;

export const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000" as const;
export const ZERO_BYTES32 = `0x${"0".repeat(64)}` as const;

/** Addresses are stored lower-case (keys built from them must match what the columns hold). */
export const lc = (value: string): Hex => value.toLowerCase() as Hex;

/** `${txHash}-${logIndex}`: one row per event. */
export const eventId = (event: Event): string => `${event.transaction.hash}-${event.log.logIndex}`;

/** Where and when an event happened, for history rows. */
export const at = (event: Event) => ({
  txHash: event.transaction.hash,
  blockNumber: event.block.number,
  timestamp: event.block.timestamp,
});

export function utcDay(timestamp: bigint): { day: number; date: string } {
  const day = Number(timestamp / 86_400n);
  return { day, date: new Date(day * 86_400_000).toISOString().slice(0, 10) };
}

type DailyCounter = "campaignsCreated" | "contributionCount" | "paymentCount" | "stakeCount" | "newAccounts";

/** Adds one to a platform-wide counter of the event's UTC day. */
export async function countDaily(db: Db, timestamp: bigint, counter: DailyCounter): Promise<void> {
  const { day, date } = utcDay(timestamp);
  await db
    .insert(dailyStat)
    .values({ id: date, day, campaignsCreated: 0, contributionCount: 0, paymentCount: 0, stakeCount: 0, newAccounts: 0, [counter]: 1 })
    .onConflictDoUpdate((row) => ({ [counter]: row[counter] + 1 }));
}

type AccountCounter = "contributionCount" | "paymentCount" | "stakeCount";

/** Records that `address` acted in this event (first/last seen), bumping a counter if given. */
export async function touchAccount(db: Db, event: Event, address: string, counter?: AccountCounter): Promise<void> {
  const id = lc(address);
  if (id === ZERO_ADDRESS) return;
  const { number, timestamp } = event.block;
  const existing = await db.find(account, { id });
  if (!existing) {
    await db.insert(account).values({
      id,
      firstSeenBlock: number,
      firstSeenAt: timestamp,
      lastSeenBlock: number,
      lastSeenAt: timestamp,
      contributionCount: counter === "contributionCount" ? 1 : 0,
      paymentCount: counter === "paymentCount" ? 1 : 0,
      stakeCount: counter === "stakeCount" ? 1 : 0,
    });
    await countDaily(db, timestamp, "newAccounts");
    return;
  }
  await db.update(account, { id }).set({
    lastSeenBlock: number,
    lastSeenAt: timestamp,
    ...(counter ? { [counter]: existing[counter] + 1 } : {}),
  });
}

/** The fee and treasury of the factory or the escrow. */
export async function setPlatform(db: Db, address: string, kind: "factory" | "escrow", timestamp: bigint, change: { feeBps?: number; treasury?: string }) {
  await db
    .insert(platform)
    .values({ id: lc(address), kind, feeBps: change.feeBps ?? 0, treasury: lc(change.treasury ?? ZERO_ADDRESS), feesAccrued: {}, updatedAt: timestamp })
    .onConflictDoUpdate({
      ...(change.feeBps !== undefined ? { feeBps: change.feeBps } : {}),
      ...(change.treasury !== undefined ? { treasury: lc(change.treasury) } : {}),
      updatedAt: timestamp,
    });
}
