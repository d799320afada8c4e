// A GraphQL query as a TanStack Query: cached by key, refetched while the page is open so that
// what the indexer sees after a transaction shows without a reload.
import { useQuery, type UseQueryOptions } from "@tanstack/react-query";
import { graphql } from "../lib/api.ts";

export function useGraphQL<T>(
  key: readonly unknown[],
  query: string,
  variables: Record<string, unknown> = {},
  options: Omit<UseQueryOptions<T>, "queryKey" | "queryFn"> & { token?: string } = {},
) {
  const { token, ...rest } = options;
  return useQuery<T>({
    queryKey: ["graphql", ...key, variables, token ?? null],
    queryFn: () => graphql<T>(query, variables, token),
    refetchInterval: 2_000,
    ...rest,
  });
}
