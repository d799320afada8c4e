// HMAC-SHA256 as every provider here signs its callbacks: hex over the raw body, compared in
// constant time (a timing difference would let an attacker guess a signature byte by byte).
import { createHmac, timingSafeEqual } from "node:crypto";

export function hmacHex(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("hex");
}

export function verifyHmacHex(secret: string, body: string, signature: string | undefined): boolean {
  if (!signature || !/^[0-9a-fA-F]{64}$/.test(signature.trim())) return false;
  const expected = Buffer.from(hmacHex(secret, body), "hex");
  return timingSafeEqual(expected, Buffer.from(signature.trim(), "hex"));
}
