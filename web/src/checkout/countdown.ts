// Time left on a payment session. The escrow compares the intent's deadline with the chain's
// clock, and a local chain's clock can run ahead of the wall clock (evm_increaseTime), so "now"
// is the later of the two, as the API computes it.

/** Whole seconds from `nowMs` until `expiresAt` (ISO time), never below zero. */
export function secondsLeft(expiresAt: string, nowMs: number): number {
  const end = Date.parse(expiresAt);
  if (Number.isNaN(end)) return 0;
  return Math.max(0, Math.floor((end - nowMs) / 1_000));
}

/** "4:05", "1:02:03" under a day, else "2d 3h". */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s >= 86_400) return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3_600)}h`;
  const hours = Math.floor(s / 3_600);
  const minutes = Math.floor((s % 3_600) / 60);
  const secs = String(s % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${secs}` : `${minutes}:${secs}`;
}

/** How far the chain's clock runs ahead of ours (never behind: a quiet chain's last block is old). */
export function chainClockSkewMs(latestBlockTimestamp: bigint, observedAtMs: number): number {
  return Math.max(0, Number(latestBlockTimestamp) * 1_000 - observedAtMs);
}
