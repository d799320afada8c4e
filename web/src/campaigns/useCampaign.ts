// One campaign from GraphQL, refreshed while the page is open.
import { useGraphQL } from "../hooks/useGraphQL.ts";
import { CAMPAIGN_DETAIL_QUERY, type CampaignDetailResult } from "./queries.ts";

export function useCampaign(address: string | undefined) {
  const id = address?.toLowerCase() ?? "";
  return useGraphQL<CampaignDetailResult>(["campaign", id], CAMPAIGN_DETAIL_QUERY, { id }, { enabled: address !== undefined });
}
