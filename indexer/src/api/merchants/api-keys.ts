// Merchant API keys: created with a SIWE session, shown in full once, stored as a sha256 hash
// with a short visible prefix; listed and revoked by the dashboard. A revoked key stops
// authenticating at once (the auth middleware only accepts unrevoked hashes).
import type { Hono } from "hono";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ApiError } from "../http/errors.js";
import { check, readJson } from "../http/validate.js";
import type { ApiContext, ApiEnv } from "../module.js";
import { requireSession } from "./auth.js";
import { API_KEY_PREFIX, VISIBLE_KEY_CHARS, newSecret, sha256Hex } from "./secrets.js";

const createBody = z.object({ label: z.string().trim().min(1).max(100).optional() }).strict();
const keyId = z.string().uuid();

interface KeyRow {
  id: string;
  prefix: string;
  label: string | null;
  created_at: Date | string;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function present(row: KeyRow) {
  return {
    id: row.id,
    prefix: row.prefix,
    label: row.label,
    createdAt: iso(row.created_at),
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}

export function apiKeyRoutes(app: Hono<ApiEnv>, api: ApiContext): void {
  app.post("/v1/api_keys", async (c) => {
    const merchant = requireSession(c);
    const { label } = await readJson(c, createBody);
    const key = newSecret(API_KEY_PREFIX);
    const { rows } = await api.store.query<KeyRow>(
      `INSERT INTO api_keys (id, merchant, prefix, key_hash, label) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, prefix, label, created_at, last_used_at, revoked_at`,
      [randomUUID(), merchant, key.slice(0, VISIBLE_KEY_CHARS), sha256Hex(key), label ?? null],
    );
    return c.json({ ...present(rows[0]!), key }, 201);
  });

  app.get("/v1/api_keys", async (c) => {
    const merchant = requireSession(c);
    const { rows } = await api.store.query<KeyRow>(
      "SELECT id, prefix, label, created_at, last_used_at, revoked_at FROM api_keys WHERE merchant = $1 ORDER BY created_at DESC, id",
      [merchant],
    );
    return c.json({ items: rows.map(present) });
  });

  app.delete("/v1/api_keys/:id", async (c) => {
    const merchant = requireSession(c);
    const id = check(keyId, c.req.param("id"), "id");
    const { rows } = await api.store.query<KeyRow>(
      `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 AND merchant = $2
       RETURNING id, prefix, label, created_at, last_used_at, revoked_at`,
      [id, merchant],
    );
    if (!rows[0]) throw new ApiError("NOT_FOUND", `no API key ${id}`);
    return c.json(present(rows[0]));
  });
}
