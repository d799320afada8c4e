// The merchants module's share of the one GraphQL schema: a payment session by id (public, as
// the hosted checkout needs it), and for the authenticated merchant (bearer API key or SIWE
// session) its sessions, its webhook endpoint and its webhook deliveries with every attempt.
// A session links to Ponder's `payment` row by delegation (null until it is paid).
import { createRequire } from "node:module";
import type { SubschemaConfig } from "@graphql-tools/delegate";
import type { GatewayPart, GraphqlContext } from "../graphql/gateway.js";
import type { ApiContext } from "../module.js";
import {
  SESSION_COLUMNS,
  findPaymentSession,
  sessionFromRow,
  type PaymentSessionRecord,
  type PaymentSessionRow,
} from "../payments/session-record.js";
import { sessionFields, sessionId, statusOfSession } from "./payment-sessions.js";
import { findEndpoint } from "./webhook-endpoint.js";

const require = createRequire(import.meta.url);
const { GraphQLError } = require("graphql") as typeof import("graphql");
const { delegateToSchema } = require("@graphql-tools/delegate") as typeof import("@graphql-tools/delegate");

const typeDefs = /* GraphQL */ `
  type PaymentSplit {
    recipient: String!
    bps: Int!
  }
  "The EIP-712 PaymentIntent the platform signed (amounts and times as decimal strings)."
  type PaymentIntent {
    id: String!
    merchant: String!
    token: String!
    amount: String!
    deadline: String!
    payer: String!
    splits: [PaymentSplit!]!
    metadataHash: String!
  }
  type PaymentSession {
    id: String!
    merchant: String!
    checkoutUrl: String!
    intent: PaymentIntent!
    signature: String!
    "pending, expired, detected, confirmed, settled, refunded, disputed, resolved or failed"
    status: String!
    expiresAt: String!
    successUrl: String
    cancelUrl: String
    createdAt: String!
  }
  type PaymentSessionPage {
    items: [PaymentSession!]!
    pageInfo: OffchainPageInfo!
  }
  type WebhookEndpoint {
    url: String!
    createdAt: String!
    updatedAt: String!
  }
  type WebhookAttempt {
    attempt: Int!
    url: String!
    statusCode: Int
    error: String
    durationMs: Int!
    attemptedAt: String!
    nextAttemptAt: String
  }
  "One webhook event (a payment status change) and its delivery to the merchant's endpoint."
  type WebhookDelivery {
    id: String!
    paymentId: String!
    type: String!
    "pending (retrying), delivered or failed (schedule exhausted)"
    state: String!
    attempts: Int!
    payload: String!
    createdAt: String!
    deliveredAt: String
    nextAttemptAt: String
    attemptLog: [WebhookAttempt!]!
  }
  type WebhookDeliveryPage {
    items: [WebhookDelivery!]!
    pageInfo: OffchainPageInfo!
  }
  extend type Query {
    "A payment session by id (public: the hosted checkout reads it)."
    paymentSession(id: String!): PaymentSession
    "The authenticated merchant's payment sessions, newest first."
    paymentSessions(first: Int = 20, after: String): PaymentSessionPage!
    "The authenticated merchant's webhook endpoint (never its secret)."
    webhookEndpoint: WebhookEndpoint
    "The authenticated merchant's webhook events, newest first, optionally for one payment."
    webhookDeliveries(paymentId: String, first: Int = 20, after: String): WebhookDeliveryPage!
  }
`;

const gatewayTypeDefs = /* GraphQL */ `
  extend type PaymentSession {
    "The on-chain payment of this session (null until paid)."
    payment: payment
  }
`;

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function merchantOf(context: GraphqlContext): string {
  if (!context.merchant) {
    throw new GraphQLError("authentication required: send Authorization: Bearer <API key or session token>", {
      extensions: { code: "UNAUTHENTICATED" },
    });
  }
  return context.merchant;
}

/** Cursors are opaque: the row's sequence number, base64url-encoded. */
const encodeCursor = (seq: unknown) => Buffer.from(`seq:${String(seq)}`).toString("base64url");
function decodeCursor(cursor: string | null | undefined): string | null {
  if (!cursor) return null;
  const match = /^seq:(\d{1,18})$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!match) throw new GraphQLError("invalid cursor", { extensions: { code: "BAD_USER_INPUT" } });
  return match[1]!;
}
function pageSize(first: number | null | undefined): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > 100)
    throw new GraphQLError("first must be between 1 and 100", { extensions: { code: "BAD_USER_INPUT" } });
  return size;
}
function page<Row extends { seq: unknown }, Item>(rows: Row[], size: number, map: (row: Row) => Item) {
  const items = rows.slice(0, size);
  return {
    items: items.map(map),
    pageInfo: { hasNextPage: rows.length > size, endCursor: items.length ? encodeCursor(items[items.length - 1]!.seq) : null },
  };
}

type SessionObject = ReturnType<typeof sessionFields> & { record: PaymentSessionRecord };

const sessionObject = (api: ApiContext, record: PaymentSessionRecord): SessionObject => ({ ...sessionFields(api, record), record });

interface DeliveryRow {
  id: string;
  seq: unknown;
  payment_id: string;
  type: string;
  state: string;
  attempts: number;
  body: string;
  created_at: Date | string;
  delivered_at: Date | string | null;
  next_attempt_at: Date | string;
}

interface AttemptRow {
  attempt: number;
  url: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  attempted_at: Date | string;
  next_attempt_at: Date | string | null;
}

/** The link to Ponder's payment exists only when the projection has a `payment` table. */
export function merchantsGraphql(api: ApiContext): GatewayPart {
  const linked = "payment" in api.tables;
  return {
    typeDefs,
    resolvers: {
      Query: {
        async paymentSession(_root: unknown, args: { id: string }, { api }: GraphqlContext) {
          const id = sessionId.safeParse(args.id);
          if (!id.success) return null;
          const record = await findPaymentSession(api.store, id.data);
          return record ? sessionObject(api, record) : null;
        },
        async paymentSessions(_root: unknown, args: { first?: number; after?: string }, context: GraphqlContext) {
          const merchant = merchantOf(context);
          const size = pageSize(args.first);
          const { rows } = await context.api.store.query<PaymentSessionRow & { seq: unknown }>(
            `SELECT ${SESSION_COLUMNS}, seq FROM payment_sessions
           WHERE merchant = $1 AND ($2::bigint IS NULL OR seq < $2::bigint) ORDER BY seq DESC LIMIT $3`,
            [merchant, decodeCursor(args.after), size + 1],
          );
          return page(rows, size, (row) => sessionObject(context.api, sessionFromRow(row)));
        },
        async webhookEndpoint(_root: unknown, _args: unknown, context: GraphqlContext) {
          const row = await findEndpoint(context.api, merchantOf(context));
          return row ? { url: row.url, createdAt: iso(row.created_at), updatedAt: iso(row.updated_at) } : null;
        },
        async webhookDeliveries(_root: unknown, args: { paymentId?: string; first?: number; after?: string }, context: GraphqlContext) {
          const merchant = merchantOf(context);
          const size = pageSize(args.first);
          // PostgreSQL refuses NUL in text: no payment id has one.
          if (args.paymentId?.includes("\0")) throw new GraphQLError("paymentId contains a NUL character", { extensions: { code: "BAD_USER_INPUT" } });
          const { rows } = await context.api.store.query<DeliveryRow>(
            `SELECT id, seq, payment_id, type, state, attempts, body, created_at, delivered_at, next_attempt_at FROM webhook_events
           WHERE merchant = $1 AND ($2::text IS NULL OR payment_id = $2::text) AND ($3::bigint IS NULL OR seq < $3::bigint)
           ORDER BY seq DESC LIMIT $4`,
            [merchant, args.paymentId?.toLowerCase() ?? null, decodeCursor(args.after), size + 1],
          );
          return page(rows, size, (row) => ({
            id: row.id,
            paymentId: row.payment_id,
            type: row.type,
            state: row.state,
            attempts: row.attempts,
            payload: row.body,
            createdAt: iso(row.created_at),
            deliveredAt: iso(row.delivered_at),
            nextAttemptAt: row.state === "pending" ? iso(row.next_attempt_at) : null,
          }));
        },
      },
      PaymentSession: {
        status: (session: SessionObject, _args: unknown, { api }: GraphqlContext) => statusOfSession(api, session.record),
        intent: (session: SessionObject) => ({ ...session.intent, splits: session.intent.splits ?? [] }),
      },
      WebhookDelivery: {
        async attemptLog(delivery: { id: string }, _args: unknown, { api }: GraphqlContext) {
          const { rows } = await api.store.query<AttemptRow>(
            `SELECT attempt, url, status_code, error, duration_ms, attempted_at, next_attempt_at FROM webhook_attempts
           WHERE event_id = $1 ORDER BY attempt`,
            [delivery.id],
          );
          return rows.map((row) => ({
            attempt: row.attempt,
            url: row.url,
            statusCode: row.status_code,
            error: row.error,
            durationMs: row.duration_ms,
            attemptedAt: iso(row.attempted_at),
            nextAttemptAt: iso(row.next_attempt_at),
          }));
        },
      },
    } as never,
    gatewayTypeDefs: linked ? gatewayTypeDefs : undefined,
    gatewayResolvers: linked
      ? (ponder: SubschemaConfig) => ({
          PaymentSession: {
            payment: {
              selectionSet: "{ id }",
              resolve: (session: { id: string }, _args: unknown, context: GraphqlContext, info: never) =>
                delegateToSchema({
                  schema: ponder,
                  operation: "query" as never,
                  fieldName: "payment",
                  args: { id: session.id },
                  context,
                  info,
                }),
            },
          },
        })
      : undefined,
  };
}
