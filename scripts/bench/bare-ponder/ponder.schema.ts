// One generic table: a row per indexed event, the least work a handler can do.
import { onchainTable } from "ponder";

export const indexedEvent = onchainTable("indexed_event", (t) => ({
  id: t.text().primaryKey(), // `${txHash}-${logIndex}`
  name: t.text().notNull(), // Contract:Event
  address: t.hex().notNull(),
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  txHash: t.hex().notNull(),
}));
