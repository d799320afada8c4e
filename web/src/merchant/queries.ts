// The GraphQL the dashboard reads (docs/graphql.md). On-chain lists take Ponder's filters and
// cursors; the off-chain ones (sessions, deliveries) need the merchant's bearer token.
import type { PaymentStatus } from "../checkout/paymentStatus.ts";

export interface PaymentEvent {
  id: string;
  kind: string;
  amount: string;
  timestamp: string;
}

export interface MerchantPayment {
  id: string;
  payer: string;
  token: string;
  amount: string;
  state: string;
  status: PaymentStatus;
  confirmations: number;
  releaseAt: string;
  refundedAmount: string;
  createdAt: string;
  txHash: string;
  /** paymentEvents, oldest first: received, released, refunded, dispute_opened, dispute_resolved, … */
  history: { items: PaymentEvent[] } | null;
}

export interface PaymentsAnswer {
  merchant: { releaseDelay: number; signers: string[]; paymentCount: number } | null;
  payments: { items: MerchantPayment[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number };
}

export const PAYMENTS_QUERY = /* GraphQL */ `
  query MerchantPayments($merchant: String!, $where: paymentFilter, $after: String, $limit: Int) {
    merchant(id: $merchant) { releaseDelay signers paymentCount }
    payments(where: $where, orderBy: "createdAt", orderDirection: "desc", limit: $limit, after: $after) {
      items {
        id payer token amount state status confirmations releaseAt refundedAmount createdAt txHash
        history(orderBy: "timestamp", limit: 20) { items { id kind amount timestamp } }
      }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }
`;

export interface MerchantSessionRow {
  id: string;
  status: PaymentStatus;
  checkoutUrl: string;
  createdAt: string;
  expiresAt: string;
  successUrl: string | null;
  intent: { token: string; amount: string; payer: string };
}

export interface SessionsAnswer {
  paymentSessions: { items: MerchantSessionRow[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

export const SESSIONS_QUERY = /* GraphQL */ `
  query MerchantSessions($first: Int, $after: String) {
    paymentSessions(first: $first, after: $after) {
      items { id status checkoutUrl createdAt expiresAt successUrl intent { token amount payer } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export interface WebhookAttempt {
  attempt: number;
  url: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  attemptedAt: string;
  nextAttemptAt: string | null;
}

export interface WebhookDelivery {
  id: string;
  paymentId: string;
  type: string;
  state: string;
  attempts: number;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
  attemptLog: WebhookAttempt[];
}

export interface DeliveriesAnswer {
  webhookDeliveries: { items: WebhookDelivery[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

export const DELIVERIES_QUERY = /* GraphQL */ `
  query WebhookDeliveries($first: Int, $after: String) {
    webhookDeliveries(first: $first, after: $after) {
      items {
        id paymentId type state attempts createdAt deliveredAt nextAttemptAt
        attemptLog { attempt url statusCode error durationMs attemptedAt nextAttemptAt }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
