// The on-ramp's share of the one GraphQL schema: orders with their steps (off-chain), and the
// links from an order to the on-chain row that settled it, delegated to Ponder's subschema by
// onrampRef (a missing row gives null).
import { createRequire } from "node:module";
import type { SubschemaConfig } from "@graphql-tools/delegate";
import type { GraphQLResolveInfo, SelectionSetNode } from "graphql";
import type { GatewayPart, GraphqlContext } from "../graphql/gateway.js";
import { ORDER_ID, findOrder, listOrders, stepsOf, type Order, type OrderFilter, type Step } from "./orders.js";

const require = createRequire(import.meta.url);
const { delegateToSchema } = require("@graphql-tools/delegate") as typeof import("@graphql-tools/delegate");
const { WrapQuery } = require("@graphql-tools/wrap") as typeof import("@graphql-tools/wrap");
const { Kind, GraphQLError } = require("graphql") as typeof import("graphql");

const typeDefs = /* GraphQL */ `
  "A fiat on-ramp order: paid with a card at a provider, settled on-chain by the relayer."
  type OnrampOrder {
    id: ID!
    provider: String!
    "contribution | payment"
    kind: String!
    campaign: String
    paymentSessionId: String
    beneficiary: String!
    "ERC-20 settled on-chain (zero address: the native coin)"
    asset: String!
    "base units of the asset, decimal string"
    amount: String!
    fiatAmount: String!
    fiatCurrency: String!
    providerRef: String
    "received | paid | submitted | settled | failed"
    status: String!
    "bytes32 recorded on-chain with the settlement"
    onrampRef: String!
    txHash: String
    "the contract's custom error or the provider's failure, when failed"
    error: String
    attempts: Int!
    createdAt: String!
    updatedAt: String!
    "every state change, oldest first"
    steps: [OnrampOrderStep!]!
  }
  type OnrampOrderStep {
    "received | paid | approve | submitted | retry | settled | failed"
    status: String!
    at: String!
    txHash: String
    error: String
    detail: String
  }
  type OnrampOrderPage {
    items: [OnrampOrder!]!
    pageInfo: OffchainPageInfo!
  }
  input OnrampOrderFilter {
    status: String
    provider: String
    beneficiary: String
    campaign: String
    kind: String
    paymentSessionId: String
  }
  extend type Query {
    onrampOrder(id: ID!): OnrampOrder
    "Newest first."
    onrampOrders(where: OnrampOrderFilter, first: Int = 20, after: String): OnrampOrderPage!
  }
`;

const gatewayTypeDefs = /* GraphQL */ `
  extend type OnrampOrder {
    "The contribution that settled this order (kind contribution), once indexed."
    contribution: contribution
    "The escrow payment that settled this order (kind payment), once indexed."
    payment: payment
  }
`;

interface OrderNode extends Omit<Order, "amount" | "createdAt" | "updatedAt"> {
  amount: string;
  createdAt: string;
  updatedAt: string;
  steps: () => Promise<StepNode[]>;
}
type StepNode = Omit<Step, "orderId" | "at"> & { at: string };

function badInput(message: string): never {
  throw new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}

function node(order: Order, steps: () => Promise<Step[]>): OrderNode {
  return {
    ...order,
    amount: order.amount.toString(),
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    steps: async () => (await steps()).map(({ orderId: _orderId, at, ...step }) => ({ ...step, at: at.toISOString() })),
  };
}

/** Delegates to Ponder's list field `fieldName` filtered by onrampRef and returns its first item. */
function firstByRef(ponder: SubschemaConfig, fieldName: "contributions" | "payments") {
  return (order: { onrampRef: string }, _args: unknown, context: GraphqlContext, info: GraphQLResolveInfo) =>
    delegateToSchema({
      schema: ponder,
      operation: "query" as never,
      fieldName,
      args: { where: { onrampRef: order.onrampRef }, limit: 1 },
      context,
      info,
      transforms: [
        new WrapQuery(
          [fieldName],
          (selectionSet: SelectionSetNode) => ({
            kind: Kind.SELECTION_SET,
            selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: "items" }, selectionSet }],
          }),
          (result: { items?: unknown[] } | null) => result?.items?.[0] ?? null,
        ),
      ],
    });
}

export const onrampGraphql: GatewayPart = {
  typeDefs,
  resolvers: {
    Query: {
      async onrampOrder(_root, { id }: { id: string }, { api }) {
        if (!ORDER_ID.test(id)) return null; // not an id we issue; a NUL would fail the query
        const order = await findOrder(api.store, id);
        return order ? node(order, () => stepsOf(api.store, [order.id])) : null;
      },
      async onrampOrders(_root, args: { where?: OrderFilter | null; first: number; after?: string | null }, { api }) {
        const { first, after } = args;
        if (!Number.isInteger(first) || first < 1 || first > 100) badInput("first must be between 1 and 100");
        if (after != null && !/^\d{1,18}$/.test(after)) badInput("after must be a cursor from pageInfo.endCursor");
        // PostgreSQL refuses NUL in text: such a filter matches nothing, answered as bad input.
        if (Object.values(args.where ?? {}).some((value) => typeof value === "string" && value.includes("\0"))) badInput("a filter contains a NUL character");
        const rows = await listOrders(api.store, args.where ?? {}, first + 1, after ?? undefined);
        const page = rows.slice(0, first);
        // One query for the steps of the whole page, shared by its orders.
        let steps: Promise<Step[]> | undefined;
        const stepsFor = (id: string) => async () => (await (steps ??= stepsOf(api.store, page.map((order) => order.id)))).filter((step) => step.orderId === id);
        return {
          items: page.map((order) => node(order, stepsFor(order.id))),
          pageInfo: { hasNextPage: rows.length > first, endCursor: page.at(-1)?.seq ?? null },
        };
      },
    },
  },
  gatewayTypeDefs,
  gatewayResolvers: (ponder) => ({
    OnrampOrder: {
      contribution: {
        selectionSet: "{ onrampRef kind }",
        resolve: (order: { onrampRef: string; kind: string }, args: unknown, context: GraphqlContext, info: GraphQLResolveInfo) =>
          order.kind === "contribution" ? firstByRef(ponder, "contributions")(order, args, context, info) : null,
      },
      payment: {
        selectionSet: "{ onrampRef kind }",
        resolve: (order: { onrampRef: string; kind: string }, args: unknown, context: GraphqlContext, info: GraphQLResolveInfo) =>
          order.kind === "payment" ? firstByRef(ponder, "payments")(order, args, context, info) : null,
      },
    },
  }),
};
