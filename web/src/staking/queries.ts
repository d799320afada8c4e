// The indexer's view of staking pools: the list, one pool and its daily TVL (docs/graphql.md).
// Amounts and times arrive as decimal strings.

export interface PoolSummary {
  id: string;
  stakingToken: string;
  rewardsToken: string;
  tvl: string;
  totalStaked: string;
  stakerCount: number;
  active: boolean;
  paused: boolean;
  rewardPerSecond: string;
  aprBps: number | null;
  periodFinish: string;
  campaign: string | null;
  campaignInfo: { tokenName: string; tokenSymbol: string } | null;
}

const POOL_FIELDS = `
  id stakingToken rewardsToken tvl totalStaked stakerCount active paused rewardPerSecond aprBps periodFinish
  campaign campaignInfo { tokenName tokenSymbol }`;

export const POOLS_QUERY = `query Pools {
  pools(orderBy: "createdAt", orderDirection: "desc", limit: 100) { items { ${POOL_FIELDS} } }
}`;

export interface PoolsResult {
  pools: { items: PoolSummary[] };
}

export interface PoolDetail extends PoolSummary {
  annualRewards: string;
  dailyStats: { items: { date: string; day: number; tvl: string }[] } | null;
}

export const POOL_QUERY = `query Pool($id: String!) {
  pool(id: $id) {
    ${POOL_FIELDS}
    annualRewards
    dailyStats(orderBy: "day", orderDirection: "desc", limit: 365) { items { date day tvl } }
  }
}`;

export interface PoolResult {
  pool: PoolDetail | null;
}
