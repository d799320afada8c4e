// The chain's clock, which is not the wall clock: a local node's time can be moved forward, and
// its "latest" block can be minutes old when nothing is mined. Locks, cooldowns and the earned
// counter all run on chain time.

/**
 * Chain time now (unix seconds) from a block timestamp seen `seenAtMs` ago: it has advanced by
 * the wall-clock time since, and is never taken as earlier than the wall clock (a real chain's
 * head is at most a block behind it; a local chain is only ever moved forward).
 */
export function chainNow(blockTimestamp: bigint | undefined, seenAtMs: number, wallMs: number): bigint {
  const wall = BigInt(Math.floor(wallMs / 1000));
  if (blockTimestamp === undefined) return wall;
  const sinceSeen = BigInt(Math.max(0, Math.floor((wallMs - seenAtMs) / 1000)));
  const fromBlock = blockTimestamp + sinceSeen;
  return fromBlock > wall ? fromBlock : wall;
}
