import { ponder } from "ponder:registry";
import { campaign } from "ponder:schema";

ponder.on("CampaignFactory:CampaignCreated", async ({ event, context }) => {
  await context.db.insert(campaign).values({
    id: event.args.campaign,
    owner: event.args.owner,
    token: event.args.token,
    createdAt: event.block.timestamp,
  });
});
