// Placeholder: the projection's tables (issue 3, "Projection").
import { onchainTable } from "ponder";

export const campaign = onchainTable("campaign", (t) => ({
  id: t.hex().primaryKey(),
  owner: t.hex().notNull(),
  token: t.hex().notNull(),
  createdAt: t.bigint().notNull(),
}));
