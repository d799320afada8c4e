// Reads and validates a JSON request body with a zod schema: a body that is not JSON, that could
// not be stored (a lone surrogate, absurd nesting) or does not match becomes a 400
// INVALID_REQUEST naming each bad field, never a 500.
import type { Context } from "hono";
import type { z } from "zod";
import { ApiError } from "./errors.js";

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new ApiError("INVALID_REQUEST", "the body is not valid JSON");
  }
  const problem = storable(body);
  if (problem) throw new ApiError("INVALID_REQUEST", problem);
  return check(schema, body, "body");
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** How deep a JSON body may nest: deeper values overflow JSON.stringify and PostgreSQL's jsonb parser. */
export const MAX_JSON_DEPTH = 32;

/**
 * Why a parsed body could not be stored as it is, or undefined. JSON may escape a lone UTF-16
 * surrogate ("\ud800"), which PostgreSQL's jsonb refuses and its text columns would silently
 * replace; a body nested thousands deep fits in MAX_BODY_BYTES but overflows the stack of
 * JSON.stringify. Walked without recursion for that reason.
 */
function storable(body: unknown): string | undefined {
  const stack: [unknown, number][] = [[body, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === "string") {
      if (LONE_SURROGATE.test(value)) return "the body contains an unpaired UTF-16 surrogate";
    } else if (value !== null && typeof value === "object") {
      if (depth >= MAX_JSON_DEPTH) return `the body nests deeper than ${MAX_JSON_DEPTH} levels`;
      for (const [key, item] of Object.entries(value)) {
        if (LONE_SURROGATE.test(key)) return "the body contains an unpaired UTF-16 surrogate";
        stack.push([item, depth + 1]);
      }
    }
  }
  return undefined;
}

/** Validates any value (a body, query parameters, a route parameter) against a schema. */
export function check<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join(".") || where, issue.message]));
    throw new ApiError("INVALID_REQUEST", `invalid ${where}`, { fields });
  }
  return parsed.data;
}
