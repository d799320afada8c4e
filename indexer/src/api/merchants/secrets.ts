// Bearer credentials: random, recognisable by their prefix, stored only as sha256 hashes.
import { createHash, randomBytes } from "node:crypto";

/** A SIWE session token (the dashboard's login). */
export const SESSION_PREFIX = "css_";
/** A merchant API key (server-to-server). */
export const API_KEY_PREFIX = "csk_";
/** How much of an API key stays visible in listings: the prefix and 8 random characters. */
export const VISIBLE_KEY_CHARS = API_KEY_PREFIX.length + 8;

export function newSecret(prefix: string): string {
  return prefix + randomBytes(24).toString("base64url");
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
