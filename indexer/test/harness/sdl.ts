// The SDL of what /graphql serves, sorted so that the committed copy (indexer/schema.graphql)
// diffs cleanly. `npm run schema:update -w indexer` rewrites the committed copy.
import { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema, type IntrospectionQuery } from "graphql";
import type { Indexer } from "./indexer.ts";

export async function servedSdl(indexer: Indexer): Promise<string> {
  const introspection = await indexer.graphql<IntrospectionQuery>(getIntrospectionQuery({ descriptions: true }));
  return printSchema(lexicographicSortSchema(buildClientSchema(introspection))) + "\n";
}
