// The ONE GraphQL endpoint: Ponder's generated schema over the on-chain tables, stitched with
// the off-chain schema (on-ramp orders, payment sessions, webhook deliveries) and the gateway's
// own fields (derived values and links between the two sides).
//
// graphql, graphql-yoga and @graphql-tools are loaded with require(): Ponder runs src/ through
// vite-node, which would otherwise load a second copy of `graphql` next to Ponder's own
// ("Cannot use GraphQLObjectType from another module or realm").
import { createRequire } from "node:module";
import type { GraphQLSchema } from "graphql";
import type { IResolvers } from "@graphql-tools/utils";
import type { SubschemaConfig } from "@graphql-tools/delegate";
import type { ApiContext } from "../module.js";
import { queryLimits } from "./limits.js";

const require = createRequire(import.meta.url);
const { print } = require("graphql") as typeof import("graphql");
const { stitchSchemas } = require("@graphql-tools/stitch") as typeof import("@graphql-tools/stitch");
const { schemaFromExecutor } = require("@graphql-tools/wrap") as typeof import("@graphql-tools/wrap");
const { makeExecutableSchema } = require("@graphql-tools/schema") as typeof import("@graphql-tools/schema");
const { createYoga } = require("graphql-yoga") as typeof import("graphql-yoga");

/** What a resolver of the off-chain schema or of the gateway receives as context. */
export interface GraphqlContext {
  api: ApiContext;
  /** The merchant the request authenticated as (API key or SIWE session), if any. */
  merchant?: string;
}

/** One module's share of the schema. */
export interface GatewayPart {
  /** Off-chain types and their Query fields, resolved from the off-chain store. */
  typeDefs?: string;
  resolvers?: IResolvers<unknown, GraphqlContext>;
  /**
   * Gateway-level SDL: `extend type <ponderType>` with derived fields, or fields on off-chain
   * types that link to Ponder's rows. Their resolvers may delegate to Ponder's subschema.
   */
  gatewayTypeDefs?: string;
  gatewayResolvers?: (ponder: SubschemaConfig) => IResolvers<unknown, GraphqlContext>;
}

/** Base off-chain SDL the parts extend. */
const OFFCHAIN_BASE = /* GraphQL */ `
  "A page of results: pass endCursor back as 'after' for the next page."
  type OffchainPageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }
  type Query {
    "Health of the off-chain store."
    offchainReady: Boolean!
  }
`;

/** Delegations merged into one query to Ponder's endpoint (see buildGatewaySchema). */
export const PONDER_BATCH = 10;

export type PonderFetch = (body: string) => Promise<Response>;

export async function buildGatewaySchema(parts: GatewayPart[], fetchPonder: PonderFetch): Promise<GraphQLSchema> {
  const executor = async ({ document, variables, operationName }: { document: unknown; variables?: unknown; operationName?: string }) => {
    const response = await fetchPonder(JSON.stringify({ query: print(document as never), variables, operationName }));
    return response.json();
  };
  const schema = await schemaFromExecutor(executor as never);
  // A client's root fields go to Ponder one query each: merged into one, a single bad field
  // (an unknown orderBy column, say) would fail its neighbours too.
  const ponder: SubschemaConfig = { schema, executor: executor as never };
  // The links' delegations (one per row of a page, e.g. each on-ramp order's contribution) are
  // ours and valid, and are merged into one query with an alias each. Ponder's endpoint refuses
  // an operation of more than 30 aliases or 1,000 tokens, so a merged query carries at most 10.
  const ponderLinks: SubschemaConfig = {
    schema,
    executor: executor as never,
    batch: true,
    batchingOptions: { dataLoaderOptions: { maxBatchSize: PONDER_BATCH } },
  };
  const offchain = makeExecutableSchema<GraphqlContext>({
    typeDefs: [OFFCHAIN_BASE, ...parts.flatMap((part) => (part.typeDefs ? [part.typeDefs] : []))],
    resolvers: [
      { Query: { offchainReady: () => true } },
      ...parts.flatMap((part) => (part.resolvers ? [part.resolvers] : [])),
    ] as never,
  });
  return stitchSchemas({
    subschemas: [ponder, { schema: offchain }],
    typeDefs: parts.flatMap((part) => (part.gatewayTypeDefs ? [part.gatewayTypeDefs] : [])),
    resolvers: parts.flatMap((part) => (part.gatewayResolvers ? [part.gatewayResolvers(ponderLinks)] : [])) as never,
  });
}

export function createGraphqlHandler(schema: GraphQLSchema) {
  return createYoga<GraphqlContext>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: false,
    landingPage: false,
    maskedErrors: true,
    logging: false,
    plugins: [queryLimits],
  });
}
