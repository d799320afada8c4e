// AccessControl roles held on the factory, the escrow and every pool.
import { ponder, type Event } from "ponder:registry";
import { role } from "ponder:schema";
import { lc, type Db } from "./common";

type RoleArgs = { role: `0x${string}`; account: `0x${string}`; sender: `0x${string}` };

async function grant(db: Db, event: Event & { log: { address: string } }, args: RoleArgs) {
  await db
    .insert(role)
    .values({ contract: lc(event.log.address), role: lc(args.role), account: lc(args.account), grantedBy: lc(args.sender), grantedAt: event.block.timestamp })
    .onConflictDoNothing();
}

async function revoke(db: Db, event: Event & { log: { address: string } }, args: RoleArgs) {
  await db.delete(role, { contract: lc(event.log.address), role: lc(args.role), account: lc(args.account) });
}

ponder.on("CampaignFactory:RoleGranted", ({ event, context }) => grant(context.db, event, event.args));
ponder.on("CampaignFactory:RoleRevoked", ({ event, context }) => revoke(context.db, event, event.args));
ponder.on("PaymentEscrow:RoleGranted", ({ event, context }) => grant(context.db, event, event.args));
ponder.on("PaymentEscrow:RoleRevoked", ({ event, context }) => revoke(context.db, event, event.args));
ponder.on("StakingPool:RoleGranted", ({ event, context }) => grant(context.db, event, event.args));
ponder.on("StakingPool:RoleRevoked", ({ event, context }) => revoke(context.db, event, event.args));
