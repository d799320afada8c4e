// The indexer's rows for one wallet turned into what the account tables show: amounts formatted
// in their own token, addresses checksummed, statuses in words with a tone, newest first.
// Pure functions, so every table's content is tested without a browser.
import { getAddress, zeroAddress } from "viem";
import { formatAmount, shortAddress } from "../lib/format.ts";
import { tokenOf, type TokenMap } from "../staking/tokens.ts";
import type { PaymentStatus, Tone } from "../checkout/paymentStatus.ts";
import type { BackingRow, ContributionRow, OnrampOrderRow, PaymentRow, PositionRow, RefundRow, RewardEventRow, TokenClaimRow, CampaignRef } from "./queries.ts";

export type { Tone };
export interface Status {
  label: string;
  tone: Tone;
}

export interface CampaignLink {
  address: string;
  name: string;
}

function money(tokens: TokenMap, token: string | null | undefined, amount: string | bigint): string {
  const info = tokenOf(tokens, token);
  return info.known ? formatAmount(amount, info.decimals, info.symbol) : "…";
}

function campaignLink(address: string, info: CampaignRef | null): CampaignLink {
  return { address: getAddress(address), name: info?.tokenName || shortAddress(address) };
}

function byNewest<T extends { timestamp: number }>(rows: T[]): T[] {
  return rows.sort((a, b) => b.timestamp - a.timestamp);
}

/** Where a contribution stands, from its campaign's phase and the backer's claims and refunds. */
export function contributionStatus(phase: string | undefined, backing: BackingRow | undefined): Status {
  switch (phase) {
    case "successful":
      return backing?.claimed ? { label: "Succeeded · tokens claimed", tone: "ok" } : { label: "Succeeded · claim your tokens", tone: "ok" };
    case "failed":
    case "cancelled": {
      const what = phase === "failed" ? "Failed" : "Cancelled";
      return backing && BigInt(backing.refunded) > 0n ? { label: `${what} · refunded`, tone: "neutral" } : { label: `${what} · refund available`, tone: "bad" };
    }
    case "active":
      return { label: "Raising", tone: "warn" };
    case "scheduled":
    case "draft":
      return { label: "Not started", tone: "neutral" };
    default:
      return { label: phase ?? "unknown", tone: "neutral" };
  }
}

export interface ContributionView {
  key: string;
  campaign: CampaignLink;
  amount: string;
  via: "Wallet" | "Card";
  status: Status;
  timestamp: number;
  txHash: string;
}

export function contributionRows(rows: readonly ContributionRow[], backings: readonly BackingRow[], tokens: TokenMap): ContributionView[] {
  const backingOf = new Map(backings.map((b) => [b.campaign.toLowerCase(), b]));
  return byNewest(
    rows.map((row) => ({
      key: row.id,
      campaign: campaignLink(row.campaign, row.campaignInfo),
      amount: money(tokens, row.campaignInfo?.asset, row.amount),
      via: row.onrampRef ? "Card" : "Wallet",
      status: contributionStatus(row.campaignInfo?.phase, backingOf.get(row.campaign.toLowerCase())),
      timestamp: Number(row.timestamp),
      txHash: row.txHash,
    })),
  );
}

export interface ClaimOrRefundView {
  key: string;
  kind: "Tokens claimed" | "Refund";
  campaign: CampaignLink;
  amount: string;
  timestamp: number;
  txHash: string;
}

/** Token claims (in the campaign's token) and refunds (in its asset), in one list. */
export function claimAndRefundRows(claims: readonly TokenClaimRow[], refunds: readonly RefundRow[], tokens: TokenMap): ClaimOrRefundView[] {
  return byNewest([
    ...claims.map((row) => ({
      key: row.id,
      kind: "Tokens claimed" as const,
      campaign: campaignLink(row.campaign, row.campaignInfo),
      amount: money(tokens, row.campaignInfo?.token, row.tokens),
      timestamp: Number(row.timestamp),
      txHash: row.txHash,
    })),
    ...refunds.map((row) => ({
      key: row.id,
      kind: "Refund" as const,
      campaign: campaignLink(row.campaign, row.campaignInfo),
      amount: money(tokens, row.campaignInfo?.asset, row.amount),
      timestamp: Number(row.timestamp),
      txHash: row.txHash,
    })),
  ]);
}

export interface PositionView {
  key: string;
  pool: string;
  name: string;
  staked: string;
  cooling: string;
  earned: string;
  rewardsClaimed: string;
  vesting: string;
  /** when the cooling stake can be withdrawn, or the lock ends (unix seconds; 0 = nothing pending) */
  unlocksAt: number;
}

/** Positions with principal or anything still owed; earned comes from the chain (pool → amount). */
export function positionRows(rows: readonly PositionRow[], earned: ReadonlyMap<string, bigint>, tokens: TokenMap, now: bigint): PositionView[] {
  return rows
    .filter((row) => BigInt(row.staked) + BigInt(row.cooling) + BigInt(row.vestingAmount) > 0n || (earned.get(row.pool.toLowerCase()) ?? 0n) > 0n || BigInt(row.rewardsClaimed) > 0n)
    .map((row) => {
      const staking = row.poolInfo?.stakingToken;
      const rewards = row.poolInfo?.rewardsToken;
      const pending = earned.get(row.pool.toLowerCase());
      const cooling = BigInt(row.cooling);
      const unlock = cooling > 0n ? BigInt(row.unlockTime) : BigInt(row.lockEnd);
      return {
        key: row.pool,
        pool: getAddress(row.pool),
        name: row.poolInfo?.campaignInfo?.tokenName ?? shortAddress(row.pool),
        staked: money(tokens, staking, row.staked),
        cooling: cooling > 0n ? money(tokens, staking, cooling) : "—",
        earned: pending === undefined ? "…" : money(tokens, rewards, pending),
        rewardsClaimed: money(tokens, rewards, row.rewardsClaimed),
        vesting: BigInt(row.vestingAmount) > 0n && BigInt(row.vestingEnd) > now ? money(tokens, rewards, row.vestingAmount) : "—",
        unlocksAt: unlock > now ? Number(unlock) : 0,
      };
    });
}

const REWARD_KIND_LABELS: Record<string, string> = {
  reward_paid: "Paid",
  reward_vesting: "Claimed into vesting",
  vesting_released: "Vested, released",
};

export interface RewardView {
  key: string;
  pool: string;
  name: string;
  kind: string;
  amount: string;
  timestamp: number;
  txHash: string;
}

export function rewardRows(rows: readonly RewardEventRow[], tokens: TokenMap): RewardView[] {
  return byNewest(
    rows.map((row) => ({
      key: row.id,
      pool: getAddress(row.pool),
      name: row.poolInfo?.campaignInfo?.tokenName ?? shortAddress(row.pool),
      kind: REWARD_KIND_LABELS[row.kind] ?? row.kind,
      amount: money(tokens, row.poolInfo?.rewardsToken, row.amount),
      timestamp: Number(row.timestamp),
      txHash: row.txHash,
    })),
  );
}

// The payer's wording, deliberately not checkout/paymentStatus.ts's (shared by the checkout and the
// merchant dashboard): in a payer's history "confirmed" means the money sits in escrow until it is
// released (neutral, not "ok"), an open session is something they still owe (warn), and a refund
// is their money back (neutral). Keyed by the same PaymentStatus so both cover every status.
const PAYMENT_STATUS: Record<PaymentStatus, Status> = {
  pending: { label: "Awaiting payment", tone: "warn" },
  detected: { label: "Detected", tone: "warn" },
  confirmed: { label: "Held in escrow", tone: "neutral" },
  settled: { label: "Settled", tone: "ok" },
  refunded: { label: "Refunded", tone: "neutral" },
  disputed: { label: "Disputed", tone: "bad" },
  resolved: { label: "Dispute resolved", tone: "neutral" },
  expired: { label: "Expired", tone: "bad" },
  failed: { label: "Failed", tone: "bad" },
};

export function paymentStatus(status: string): Status {
  return PAYMENT_STATUS[status as PaymentStatus] ?? { label: status, tone: "neutral" };
}

export interface PaymentView {
  key: string;
  id: string;
  merchant: string;
  amount: string;
  refunded: string | undefined;
  status: Status;
  timestamp: number;
  txHash: string;
}

export function paymentRows(rows: readonly PaymentRow[], tokens: TokenMap): PaymentView[] {
  return byNewest(
    rows.map((row) => ({
      key: row.id,
      id: `${row.id.slice(0, 10)}…${row.id.slice(-6)}`,
      merchant: shortAddress(row.merchant),
      amount: money(tokens, row.token, row.amount),
      refunded: BigInt(row.refundedAmount) > 0n ? money(tokens, row.token, row.refundedAmount) : undefined,
      status: paymentStatus(row.status),
      timestamp: Number(row.createdAt),
      txHash: row.txHash,
    })),
  );
}

const ORDER_STATUS: Record<string, Status> = {
  received: { label: "Awaiting card payment", tone: "warn" },
  paid: { label: "Paid, settling", tone: "warn" },
  submitted: { label: "Settling on-chain", tone: "warn" },
  settled: { label: "Settled", tone: "ok" },
  failed: { label: "Failed", tone: "bad" },
};

export function orderStatus(status: string): Status {
  return ORDER_STATUS[status] ?? { label: status, tone: "neutral" };
}

export interface OnrampOrderView {
  key: string;
  provider: string;
  /** the campaign it funds (contribution orders) */
  campaign: CampaignLink | undefined;
  what: string;
  amount: string;
  paid: string;
  status: Status;
  error: string | undefined;
  timestamp: number;
  txHash: string | null;
}

/** Card orders; campaign names come from the wallet's contributions where known. */
export function onrampRows(rows: readonly OnrampOrderRow[], tokens: TokenMap, campaigns: ReadonlyMap<string, CampaignRef>): OnrampOrderView[] {
  return byNewest(
    rows.map((row) => {
      const campaign = row.kind === "contribution" && row.campaign ? campaignLink(row.campaign, campaigns.get(row.campaign.toLowerCase()) ?? null) : undefined;
      return {
        key: row.id,
        provider: row.provider.charAt(0).toUpperCase() + row.provider.slice(1),
        campaign,
        what: campaign ? "Contribution" : "Payment",
        amount: money(tokens, row.asset || zeroAddress, row.amount),
        paid: `${row.fiatAmount} ${row.fiatCurrency}`,
        status: orderStatus(row.status),
        error: row.status === "failed" ? (row.error ?? undefined) : undefined,
        timestamp: Math.floor(Date.parse(row.createdAt) / 1000),
        txHash: row.txHash,
      };
    }),
  );
}
