// A handler for every event the real indexer handles (found in indexer/src/ by
// lib-handled-events.ts), each inserting one row and doing nothing else: the baseline the real
// indexer's backfill is compared with.
import { ponder, type Context, type Event } from "ponder:registry";
import { indexedEvent } from "ponder:schema";
import { handledEvents } from "../../lib-handled-events.ts";

// The names come from a list at run time, so register through a loosely typed view of ponder.on.
type Register = (name: string, handler: (args: { event: Event; context: Context }) => Promise<void>) => void;

for (const { contract, event: eventName } of handledEvents()) {
  const name = `${contract}:${eventName}`;
  (ponder.on as unknown as Register)(name, async ({ event, context }) => {
    await context.db.insert(indexedEvent).values({
      id: `${event.transaction.hash}-${event.log.logIndex}`,
      name,
      address: event.log.address,
      blockNumber: event.block.number,
      timestamp: event.block.timestamp,
      txHash: event.transaction.hash,
    });
  });
}
