// Everything the indexer knows about one wallet, in one request (docs/graphql.md, "An account's
// dashboard"): contributions and their campaigns, token claims, refunds, stake positions, reward
// payouts, payments and card (on-ramp) orders. Filters take lower-case addresses.

export interface CampaignRef {
  id: string;
  tokenName: string;
  tokenSymbol: string;
  token: string;
  asset: string;
  phase: string;
}

const CAMPAIGN = "campaignInfo { id tokenName tokenSymbol token asset phase }";

export interface ContributionRow {
  id: string;
  campaign: string;
  amount: string;
  onrampRef: string | null;
  timestamp: string;
  txHash: string;
  campaignInfo: CampaignRef | null;
}

export interface BackingRow {
  campaign: string;
  claimed: boolean;
  refunded: string;
  tokensClaimed: string;
}

export interface TokenClaimRow {
  id: string;
  campaign: string;
  tokens: string;
  timestamp: string;
  txHash: string;
  campaignInfo: CampaignRef | null;
}

export interface RefundRow {
  id: string;
  campaign: string;
  amount: string;
  timestamp: string;
  txHash: string;
  campaignInfo: CampaignRef | null;
}

export interface PositionRow {
  pool: string;
  staked: string;
  cooling: string;
  unlockTime: string;
  lockEnd: string;
  rewardsClaimed: string;
  vestingAmount: string;
  vestingEnd: string;
  poolInfo: { stakingToken: string; rewardsToken: string; campaignInfo: { tokenName: string } | null } | null;
}

export interface RewardEventRow {
  id: string;
  pool: string;
  kind: string;
  amount: string;
  timestamp: string;
  txHash: string;
  poolInfo: { rewardsToken: string; campaignInfo: { tokenName: string } | null } | null;
}

export interface PaymentRow {
  id: string;
  merchant: string;
  token: string;
  amount: string;
  refundedAmount: string;
  status: string;
  createdAt: string;
  txHash: string;
}

export interface OnrampOrderRow {
  id: string;
  provider: string;
  kind: string;
  status: string;
  campaign: string | null;
  asset: string;
  amount: string;
  fiatAmount: string;
  fiatCurrency: string;
  createdAt: string;
  txHash: string | null;
  error: string | null;
}

export interface AccountData {
  contributions: { items: ContributionRow[] };
  backers: { items: BackingRow[] };
  tokenClaims: { items: TokenClaimRow[] };
  refunds: { items: RefundRow[] };
  stakePositions: { items: PositionRow[] };
  stakeEvents: { items: RewardEventRow[] };
  payments: { items: PaymentRow[] };
  onrampOrders: { items: OnrampOrderRow[] };
}

/** Stake history kinds that pay or vest rewards to the account. */
export const REWARD_KINDS = ["reward_paid", "reward_vesting", "vesting_released"] as const;

export const ACCOUNT_QUERY = `query MyAccount($account: String!, $rewardKinds: [String]) {
  contributions(where: { backer: $account }, orderBy: "timestamp", orderDirection: "desc", limit: 100) {
    items { id campaign amount onrampRef timestamp txHash ${CAMPAIGN} }
  }
  backers(where: { account: $account }, limit: 100) { items { campaign claimed refunded tokensClaimed } }
  tokenClaims(where: { backer: $account }, orderBy: "timestamp", orderDirection: "desc", limit: 100) {
    items { id campaign tokens timestamp txHash ${CAMPAIGN} }
  }
  refunds(where: { backer: $account }, orderBy: "timestamp", orderDirection: "desc", limit: 100) {
    items { id campaign amount timestamp txHash ${CAMPAIGN} }
  }
  stakePositions(where: { account: $account }, orderBy: "updatedAt", orderDirection: "desc", limit: 100) {
    items { pool staked cooling unlockTime lockEnd rewardsClaimed vestingAmount vestingEnd poolInfo { stakingToken rewardsToken campaignInfo { tokenName } } }
  }
  stakeEvents(where: { account: $account, kind_in: $rewardKinds }, orderBy: "timestamp", orderDirection: "desc", limit: 100) {
    items { id pool kind amount timestamp txHash poolInfo { rewardsToken campaignInfo { tokenName } } }
  }
  payments(where: { payer: $account }, orderBy: "createdAt", orderDirection: "desc", limit: 100) {
    items { id merchant token amount refundedAmount status createdAt txHash }
  }
  onrampOrders(where: { beneficiary: $account }, first: 100) {
    items { id provider kind status campaign asset amount fiatAmount fiatCurrency createdAt txHash error }
  }
}`;
