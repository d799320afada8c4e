// The Explore list: launched campaigns newest first, a page at a time (cursor pagination), kept
// fresh while open. Rows are narrowed by stored status on the server and by phase here (phase
// is derived from the chain's time and cannot be filtered in GraphQL).
import { useMemo } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { graphql } from "../lib/api.ts";
import { campaignWhere, matchesPhase, type PhaseFilter } from "./phase.ts";
import { CAMPAIGN_LIST_QUERY, type CampaignListResult } from "./queries.ts";

export const PAGE_SIZE = 12;

export function useCampaignList(filter: PhaseFilter) {
  const query = useInfiniteQuery({
    queryKey: ["graphql", "campaigns", filter],
    queryFn: ({ pageParam }) => graphql<CampaignListResult>(CAMPAIGN_LIST_QUERY, { where: campaignWhere(filter), after: pageParam, limit: PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.campaigns.pageInfo.hasNextPage ? last.campaigns.pageInfo.endCursor : undefined),
    refetchInterval: 5_000,
  });
  const campaigns = useMemo(
    () => (query.data?.pages ?? []).flatMap((page) => page.campaigns.items).filter((campaign) => matchesPhase(filter, campaign.phase)),
    [query.data, filter],
  );
  return { ...query, campaigns };
}
