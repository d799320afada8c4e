// One way to POST a GraphQL query to a process of the API in tests (indexer, serve processes).

/** POSTs `query` to `<url>/graphql`; throws if the answer has errors. */
export async function postGraphql<T = any>(url: string, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${body.errors.map((error) => error.message).join("; ")}`);
  return body.data as T;
}
