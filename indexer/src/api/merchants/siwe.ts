// Sign-In with Ethereum (EIP-4361) for merchants: a single-use nonce with a short expiry, then
// the signed message is checked (domain and URI of the web app, this chain, the message's own
// time bounds) and its signature verified through the chain (viem's verifySiweMessage, so
// smart-contract wallets sign in through ERC-1271 / ERC-6492 too). The answer is a bearer
// session token, stored only as its hash.
import type { Hono } from "hono";
import { z } from "zod";
import { isHex, type Hex } from "viem";
import { generateSiweNonce, parseSiweMessage, validateSiweMessage, verifySiweMessage } from "viem/siwe";
import { ApiError } from "../http/errors.js";
import { readJson } from "../http/validate.js";
import type { ApiContext, ApiEnv } from "../module.js";
import { bearer, requireMerchant, requireSession } from "./auth.js";
import { SESSION_PREFIX, newSecret, sha256Hex } from "./secrets.js";

const verifyBody = z.object({
  message: z.string().min(1).max(4_096),
  signature: z.string().refine((value) => isHex(value) && value.length >= 132, "must be a 0x-prefixed signature"),
});

function unauthorized(reason: string): never {
  throw new ApiError("UNAUTHORIZED", `sign-in refused: ${reason}`);
}

export function siweRoutes(app: Hono<ApiEnv>, api: ApiContext): void {
  const { config } = api;
  // The web app signs in: its origins give the accepted SIWE domains (host) and URIs (origin).
  const origins = [...new Set([config.WEB_URL, ...config.corsOrigins].map((url) => new URL(url).origin))];
  const domains = new Set(origins.map((origin) => new URL(origin).host));

  app.post("/v1/auth/nonce", async (c) => {
    const nonce = generateSiweNonce();
    const expiresAt = new Date(Date.now() + config.SIWE_NONCE_TTL);
    // Expired nonces are swept here: the table holds only live ones.
    await api.store.query("DELETE FROM siwe_nonces WHERE expires_at <= now()");
    await api.store.query("INSERT INTO siwe_nonces (nonce, expires_at) VALUES ($1, $2)", [nonce, expiresAt]);
    return c.json({ nonce, expiresAt: expiresAt.toISOString() });
  });

  app.post("/v1/auth/verify", async (c) => {
    const { message, signature } = await readJson(c, verifyBody);
    const fields = parseSiweMessage(message);
    if (!fields.nonce || !fields.address || !fields.domain || !fields.uri || fields.chainId === undefined) {
      unauthorized("the message is not a complete SIWE message");
    }
    // Single use: the nonce is consumed by this attempt whatever its outcome.
    const { rows } = await api.store.query<{ expires_at: Date | string }>(
      "DELETE FROM siwe_nonces WHERE nonce = $1 RETURNING expires_at",
      [fields.nonce],
    );
    const issued = rows[0];
    if (!issued) unauthorized("unknown or already used nonce");
    if (new Date(issued.expires_at).getTime() <= Date.now()) unauthorized("the nonce expired");
    if (!domains.has(fields.domain)) unauthorized(`domain ${fields.domain} is not this app's`);
    if (!origins.includes(safeOrigin(fields.uri))) unauthorized(`uri ${fields.uri} is not this app's`);
    if (fields.chainId !== config.PONDER_CHAIN_ID) unauthorized(`chain ${fields.chainId} is not ${config.PONDER_CHAIN_ID}`);
    if (!validateSiweMessage({ message: fields })) unauthorized("the message is expired, not yet valid or malformed");
    let valid = false;
    try {
      valid = await verifySiweMessage(api.client, { message, signature: signature as Hex });
    } catch (error) {
      api.log.warn({ err: error }, "SIWE verification failed");
    }
    if (!valid) unauthorized("the signature does not match the message's address");

    const merchant = fields.address!.toLowerCase();
    const token = newSecret(SESSION_PREFIX);
    const expiresAt = new Date(Date.now() + config.MERCHANT_SESSION_TTL);
    await api.store.query("INSERT INTO merchant_sessions (token_hash, merchant, expires_at) VALUES ($1, $2, $3)", [
      sha256Hex(token),
      merchant,
      expiresAt,
    ]);
    api.log.info({ merchant }, "merchant signed in");
    return c.json({ token, merchant, expiresAt: expiresAt.toISOString() });
  });

  app.post("/v1/auth/logout", async (c) => {
    requireSession(c);
    await api.store.query("DELETE FROM merchant_sessions WHERE token_hash = $1", [sha256Hex(bearer(c)!)]);
    return c.json({ ok: true });
  });

  app.get("/v1/auth/me", (c) => c.json({ merchant: requireMerchant(c) }));
}

function safeOrigin(uri: string): string {
  try {
    return new URL(uri).origin;
  } catch {
    return "";
  }
}
