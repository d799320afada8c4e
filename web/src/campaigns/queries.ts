// The GraphQL the campaign pages read (schema: indexer/schema.graphql). BigInt fields arrive as
// decimal strings; addresses lower-case.
import type { Phase } from "./phase.ts";

export interface CampaignSummary {
  id: string;
  metadataURI: string;
  tokenSymbol: string;
  asset: string;
  isNative: boolean;
  goal: string;
  raised: string;
  progressBps: number;
  phase: Phase;
  start: string;
  end: string;
  secondsLeft: string;
  backerCount: number;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface CampaignListResult {
  campaigns: { items: CampaignSummary[]; pageInfo: PageInfo };
}

export const CAMPAIGN_LIST_QUERY = /* GraphQL */ `
  query ExploreCampaigns($where: campaignFilter, $after: String, $limit: Int) {
    campaigns(where: $where, orderBy: "createdAt", orderDirection: "desc", limit: $limit, after: $after) {
      items {
        id metadataURI tokenSymbol asset isNative goal raised progressBps phase start end secondsLeft backerCount
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export interface PoolSummary {
  id: string;
  stakingToken: string;
  rewardsToken: string;
  tvl: string;
  stakerCount: number;
  aprBps: number | null;
  active: boolean;
}

export interface ContributionRow {
  id: string;
  backer: string;
  payer: string;
  amount: string;
  onrampRef: string | null;
  txHash: string;
  timestamp: string;
}

export interface CampaignDetail extends CampaignSummary {
  owner: string;
  token: string;
  tokenName: string;
  cap: string;
  rate: string;
  minContribution: string;
  maxPerBacker: string;
  feeBps: number;
  contributionCount: number;
  refundCount: number;
  poolInfo: PoolSummary | null;
  contributions: { items: ContributionRow[] };
}

export interface CampaignDetailResult {
  campaign: CampaignDetail | null;
}

export const CAMPAIGN_DETAIL_QUERY = /* GraphQL */ `
  query CampaignPage($id: String!) {
    campaign(id: $id) {
      id metadataURI tokenSymbol tokenName token asset isNative owner goal cap raised rate
      minContribution maxPerBacker feeBps progressBps phase start end secondsLeft backerCount contributionCount refundCount
      poolInfo { id stakingToken rewardsToken tvl stakerCount aprBps active }
      contributions(orderBy: "timestamp", orderDirection: "desc", limit: 10) {
        items { id backer payer amount onrampRef txHash timestamp }
      }
    }
  }
`;

export interface RaiseHistoryResult {
  contributions: { items: { amount: string; timestamp: string }[] };
  refunds: { items: { amount: string; timestamp: string }[] };
}

/** Every contribution and refund, oldest first: the chart's cumulative raise. */
export const RAISE_HISTORY_QUERY = /* GraphQL */ `
  query RaiseHistory($campaign: String!) {
    contributions(where: { campaign: $campaign }, orderBy: "timestamp", orderDirection: "asc", limit: 1000) {
      items { amount timestamp }
    }
    refunds(where: { campaign: $campaign }, orderBy: "timestamp", orderDirection: "asc", limit: 1000) {
      items { amount timestamp }
    }
  }
`;

export type OnrampStatus = "received" | "paid" | "submitted" | "settled" | "failed";

export interface OnrampOrderView {
  id: string;
  status: OnrampStatus;
  amount: string;
  fiatAmount: string;
  fiatCurrency: string;
  beneficiary: string;
  error: string | null;
  txHash: string | null;
  steps: { status: string; at: string; txHash: string | null; error: string | null }[];
  contribution: { id: string; amount: string; backer: string; txHash: string } | null;
}

export interface OnrampOrderResult {
  onrampOrder: OnrampOrderView | null;
}

export const ONRAMP_ORDER_QUERY = /* GraphQL */ `
  query CardOrder($id: ID!) {
    onrampOrder(id: $id) {
      id status amount fiatAmount fiatCurrency beneficiary error txHash
      steps { status at txHash error }
      contribution { id amount backer txHash }
    }
  }
`;
