// The indexer's REST API and GraphQL endpoint. REST errors have DESIGN.md's shape
// {"error": {"code", "message", "details"}}; both surface as ApiError with that message.
import { GraphQLClient, ClientError } from "graphql-request";
import { config } from "../config.ts";

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

export async function apiRequest<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const { token, ...rest } = init;
  const headers: Record<string, string> = { ...(rest.headers as Record<string, string> | undefined) };
  if (rest.body !== undefined) headers["content-type"] ??= "application/json";
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`${config.apiUrl}${path}`, { ...rest, headers });
  } catch {
    throw new ApiError("The Crowdstake API cannot be reached. Try again in a moment.", 0, "UNREACHABLE");
  }
  const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!response.ok) {
    throw new ApiError(body?.error?.message ?? `The API answered ${response.status}`, response.status, body?.error?.code ?? "HTTP_ERROR");
  }
  return body as T;
}

const client = new GraphQLClient(`${config.apiUrl}/graphql`);

/** One GraphQL request; `token` authenticates merchant-only fields. */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  try {
    return await client.request<T>({ document: query, variables, requestHeaders: token ? { authorization: `Bearer ${token}` } : {} });
  } catch (error) {
    if (error instanceof ClientError) {
      throw new ApiError(error.response.errors?.[0]?.message ?? `GraphQL answered ${error.response.status}`, error.response.status, "GRAPHQL_ERROR");
    }
    throw new ApiError("The Crowdstake API cannot be reached. Try again in a moment.", 0, "UNREACHABLE");
  }
}
