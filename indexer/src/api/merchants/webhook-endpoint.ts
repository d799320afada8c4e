// A merchant's webhook endpoint (one per merchant). The signing secret is returned when the
// endpoint is first set and when it is rotated on request; otherwise it is never shown again.
import type { Hono } from "hono";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { ApiError } from "../http/errors.js";
import { readJson } from "../http/validate.js";
import type { ApiContext, ApiEnv } from "../module.js";
import { requireSession } from "./auth.js";
import { webhookUrlProblem } from "./webhook-url.js";

const putBody = z
  .object({ url: z.string().url().max(2_048).refine((url) => /^https?:\/\//.test(url), "must be an http(s) URL") })
  .strict();

interface EndpointRow {
  url: string;
  secret: string;
  created_at: Date | string;
  updated_at: Date | string;
}

const newSigningSecret = () => "whsec_" + randomBytes(32).toString("hex");

function present(row: EndpointRow, withSecret: boolean) {
  return {
    url: row.url,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    ...(withSecret ? { secret: row.secret } : {}),
  };
}

export function webhookEndpointRoutes(app: Hono<ApiEnv>, api: ApiContext): void {
  app.put("/v1/webhook_endpoint", async (c) => {
    const merchant = requireSession(c);
    const { url } = await readJson(c, putBody);
    // The local stack delivers to local servers; any other chain only to public hosts.
    const problem = api.config.isLocalChain ? undefined : await webhookUrlProblem(url);
    if (problem) throw new ApiError("INVALID_REQUEST", "the webhook URL must be a public host", { fields: { url: problem } });
    // A new endpoint gets a secret; changing the URL keeps the secret (rotation is explicit).
    const { rows } = await api.store.query<EndpointRow & { created: boolean }>(
      `INSERT INTO webhook_endpoints (merchant, url, secret) VALUES ($1, $2, $3)
       ON CONFLICT (merchant) DO UPDATE SET url = EXCLUDED.url, updated_at = now()
       RETURNING url, secret, created_at, updated_at, (xmax = 0) AS created`,
      [merchant, url, newSigningSecret()],
    );
    const row = rows[0]!;
    return c.json(present(row, row.created), row.created ? 201 : 200);
  });

  app.post("/v1/webhook_endpoint/rotate_secret", async (c) => {
    const merchant = requireSession(c);
    const { rows } = await api.store.query<EndpointRow>(
      "UPDATE webhook_endpoints SET secret = $2, updated_at = now() WHERE merchant = $1 RETURNING url, secret, created_at, updated_at",
      [merchant, newSigningSecret()],
    );
    if (!rows[0]) throw new ApiError("NOT_FOUND", "no webhook endpoint: PUT /v1/webhook_endpoint first");
    return c.json(present(rows[0], true));
  });

  app.get("/v1/webhook_endpoint", async (c) => {
    const merchant = requireSession(c);
    const row = await findEndpoint(api, merchant);
    if (!row) throw new ApiError("NOT_FOUND", "no webhook endpoint");
    return c.json(present(row, false));
  });

  app.delete("/v1/webhook_endpoint", async (c) => {
    const merchant = requireSession(c);
    const { rows } = await api.store.query("DELETE FROM webhook_endpoints WHERE merchant = $1 RETURNING merchant", [merchant]);
    if (!rows[0]) throw new ApiError("NOT_FOUND", "no webhook endpoint");
    return c.json({ deleted: true });
  });
}

export async function findEndpoint(api: ApiContext, merchant: string): Promise<EndpointRow | undefined> {
  const { rows } = await api.store.query<EndpointRow>(
    "SELECT url, secret, created_at, updated_at FROM webhook_endpoints WHERE merchant = $1",
    [merchant],
  );
  return rows[0];
}
