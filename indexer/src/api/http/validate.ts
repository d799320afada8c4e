// Reads and validates a JSON request body with a zod schema: a body that is not JSON or does
// not match becomes a 400 INVALID_REQUEST naming each bad field, never a 500.
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
  return check(schema, body, "body");
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
