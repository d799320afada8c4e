// Guards in front of the GraphQL parser. graphql-js parses recursively: a query nested a couple
// of thousand levels deep (a few kB, well under MAX_BODY_BYTES) overflows the stack and yoga
// answers 500. The brackets of a query are counted first, outside strings and comments; deeper
// than MAX_QUERY_DEPTH is a 400. And a GET whose `variables` or `extensions` parameter is not
// JSON is a 400 (yoga let JSON.parse throw there, also a 500).
import { createRequire } from "node:module";
import type { Plugin } from "graphql-yoga";

const require = createRequire(import.meta.url);
const { GraphQLError } = require("graphql") as typeof import("graphql");

/** Far above any real query (selections, arguments and input objects together), far below a stack overflow. */
export const MAX_QUERY_DEPTH = 64;

/** The deepest nesting of {, ( and [ in a GraphQL document, skipping strings and comments. */
export function nestingDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (char === "#") {
      while (index < source.length && source[index] !== "\n" && source[index] !== "\r") index += 1;
    } else if (char === '"' && source.startsWith('"""', index)) {
      let end = source.indexOf('"""', index + 3);
      while (end !== -1 && source[end - 1] === "\\") end = source.indexOf('"""', end + 1);
      if (end === -1) break;
      index = end + 2;
    } else if (char === '"') {
      index += 1;
      while (index < source.length && source[index] !== '"' && source[index] !== "\n") index += source[index] === "\\" ? 2 : 1;
    } else if (char === "{" || char === "(" || char === "[") {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (char === "}" || char === ")" || char === "]") {
      depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}

const badRequest = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_REQUEST", http: { status: 400 } } });

export const queryLimits: Plugin = {
  onRequest({ request, url, endResponse, fetchAPI }) {
    if (request.method !== "GET") return;
    for (const name of ["variables", "extensions"]) {
      const value = url.searchParams.get(name);
      if (!value) continue;
      try {
        JSON.parse(value);
      } catch {
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [{ message: `the ${name} parameter is not valid JSON`, extensions: { code: "BAD_REQUEST" } }] }), {
            status: 400,
            headers: { "content-type": "application/json" },
          }),
        );
        return;
      }
    }
  },
  onParse({ parseFn, setParseFn }) {
    setParseFn((source, options) => {
      const text = typeof source === "string" ? source : source.body;
      if (nestingDepth(text) > MAX_QUERY_DEPTH) throw badRequest(`the query nests deeper than ${MAX_QUERY_DEPTH} levels`);
      return parseFn(source, options);
    });
  },
};
