// The projection's share of /graphql: fields derived from Ponder's rows and the chain head,
// added to Ponder's own types (campaign, pool, payment). Each resolver names the columns it
// needs in `selectionSet`, so they are fetched even when the query did not ask for them.
import type { GraphqlContext } from "../graphql/gateway.js";
import type { ApiContext, ApiModule } from "../module.js";
import { confirmationsOf, paymentStatus, type OnchainPaymentState } from "../payments/status.js";
import { campaignPhase, poolRewards, progressBps, secondsLeft, type CampaignFacts, type PoolFacts } from "./derive.js";
import { chainHead } from "./head.js";

const TYPE_DEFS = /* GraphQL */ `
  "Campaign.status() of the contract, derived from the events and the chain's current time."
  enum CampaignPhase {
    draft
    scheduled
    active
    successful
    failed
    cancelled
  }

  extend type campaign {
    "What Campaign.status() answers now: the recorded stage, the time against start/end and raised against goal/cap."
    phase: CampaignPhase!
    "raised / goal in basis points (10000 = goal reached; above when over-funded)."
    progressBps: Int!
    "Seconds until the end while scheduled or active, else 0."
    secondsLeft: BigInt!
  }

  extend type pool {
    "True while the reward period runs (chain time < periodFinish)."
    active: Boolean!
    "Reward units emitted per second now (rewardRate while the period runs, else 0)."
    rewardPerSecond: BigInt!
    "rewardPerSecond over 365 days: the numerator of an APR (divide by totalStaked, in value)."
    annualRewards: BigInt!
    "annualRewards / totalStaked in basis points, only when the staking and rewards tokens are the same (null otherwise or with nothing staked)."
    aprBps: Int
  }

  extend type payment {
    "The off-chain status: detected | confirmed | settled | refunded | disputed | resolved (CONFIRMATIONS blocks make a payment confirmed)."
    status: String!
    "Blocks since the payment's block, itself included (0 if the head is behind it)."
    confirmations: Int!
  }
`;

type Row = Record<string, unknown>;
const big = (value: unknown): bigint => BigInt(value as string);

const campaignFacts = (row: Row): CampaignFacts => ({
  status: row.status as string,
  start: big(row.start),
  end: big(row.end),
  goal: big(row.goal),
  cap: big(row.cap),
  raised: big(row.raised),
});
const CAMPAIGN_COLUMNS = "{ status start end goal cap raised }";

const poolFacts = (row: Row): PoolFacts => ({
  rewardRate: big(row.rewardRate),
  periodFinish: big(row.periodFinish),
  paused: row.paused as boolean,
  totalStaked: big(row.totalStaked),
  stakingToken: row.stakingToken as string,
  rewardsToken: row.rewardsToken as string,
});
const POOL_COLUMNS = "{ rewardRate periodFinish paused totalStaked stakingToken rewardsToken }";

export function createProjectionModule(api: ApiContext): ApiModule {
  const now = async (context: GraphqlContext) => (await chainHead(api, context)).timestamp;
  const head = async (context: GraphqlContext) => (await chainHead(api, context)).number;
  const derived = <T>(selectionSet: string, compute: (row: Row, context: GraphqlContext) => Promise<T>) => ({
    selectionSet,
    resolve: (row: Row, _args: unknown, context: GraphqlContext) => compute(row, context),
  });

  return {
    name: "projection",
    graphql: {
      gatewayTypeDefs: TYPE_DEFS,
      gatewayResolvers: () => ({
        campaign: {
          phase: derived(CAMPAIGN_COLUMNS, async (row, ctx) => campaignPhase(campaignFacts(row), await now(ctx))),
          progressBps: derived("{ raised goal }", async (row) => progressBps(big(row.raised), big(row.goal))),
          secondsLeft: derived(CAMPAIGN_COLUMNS, async (row, ctx) => secondsLeft(campaignFacts(row), await now(ctx)).toString()),
        },
        pool: {
          active: derived(POOL_COLUMNS, async (row, ctx) => poolRewards(poolFacts(row), await now(ctx)).active),
          rewardPerSecond: derived(POOL_COLUMNS, async (row, ctx) => poolRewards(poolFacts(row), await now(ctx)).rewardPerSecond.toString()),
          annualRewards: derived(POOL_COLUMNS, async (row, ctx) => poolRewards(poolFacts(row), await now(ctx)).annualRewards.toString()),
          aprBps: derived(POOL_COLUMNS, async (row, ctx) => poolRewards(poolFacts(row), await now(ctx)).aprBps),
        },
        payment: {
          status: derived("{ state createdBlock }", async (row, ctx) =>
            paymentStatus(
              { state: row.state as OnchainPaymentState, createdBlock: big(row.createdBlock) },
              await head(ctx),
              api.config.CONFIRMATIONS,
            ),
          ),
          confirmations: derived("{ createdBlock }", async (row, ctx) => confirmationsOf(big(row.createdBlock), await head(ctx))),
        },
      }),
    },
  };
}
