// Merchant authentication: `Authorization: Bearer <token>` carries either a SIWE session token
// (css_…) or an API key (csk_…). The middleware runs on every path (so /graphql sees the merchant
// too) and never rejects by itself; routes that need a merchant call requireMerchant/requireSession,
// which answer 401 with the error shape.
import type { Context, Hono } from "hono";
import { ApiError } from "../http/errors.js";
import type { ApiContext, ApiEnv } from "../module.js";
import { API_KEY_PREFIX, SESSION_PREFIX, sha256Hex } from "./secrets.js";

function bearer(c: Context): string | undefined {
  const value = c.req.header("authorization");
  return value?.startsWith("Bearer ") ? value.slice(7).trim() : undefined;
}

/** The merchant a bearer token stands for, or undefined when it is unknown, expired or revoked. */
export async function merchantOfToken(api: ApiContext, token: string): Promise<string | undefined> {
  const hash = sha256Hex(token);
  if (token.startsWith(SESSION_PREFIX)) {
    const { rows } = await api.store.query<{ merchant: string }>(
      "SELECT merchant FROM merchant_sessions WHERE token_hash = $1 AND expires_at > now()",
      [hash],
    );
    return rows[0]?.merchant;
  }
  if (token.startsWith(API_KEY_PREFIX)) {
    const { rows } = await api.store.query<{ merchant: string }>(
      "UPDATE api_keys SET last_used_at = now() WHERE key_hash = $1 AND revoked_at IS NULL RETURNING merchant",
      [hash],
    );
    return rows[0]?.merchant;
  }
  return undefined;
}

export function installMerchantAuth(app: Hono<ApiEnv>, api: ApiContext): void {
  app.use("*", async (c, next) => {
    const token = bearer(c);
    if (token) {
      const merchant = await merchantOfToken(api, token);
      if (merchant) c.set("merchant", merchant);
    }
    await next();
  });
}

/** The authenticated merchant (API key or session), else 401. */
export function requireMerchant(c: Context<ApiEnv>): string {
  const merchant = c.get("merchant");
  if (merchant) return merchant;
  const given = bearer(c) !== undefined;
  throw new ApiError("UNAUTHORIZED", given ? "the bearer token is invalid, expired or revoked" : "an Authorization: Bearer token is required");
}

/** The merchant of a SIWE session (not an API key): managing keys and webhooks needs a wallet login. */
export function requireSession(c: Context<ApiEnv>): string {
  const merchant = requireMerchant(c);
  if (!bearer(c)!.startsWith(SESSION_PREFIX)) throw new ApiError("UNAUTHORIZED", "this route needs a Sign-In with Ethereum session, not an API key");
  return merchant;
}

export { bearer };
