// The webhook signature scheme (DESIGN.md), for the delivery worker and for integrators:
//
//   Crowdstake-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
//
// To verify: take t and every v1 from the header, recompute the HMAC over "<t>.<body>" with the
// endpoint's secret (whsec_…) on the raw body bytes as received (not re-serialised JSON), compare
// in constant time, and refuse a t older or newer than your tolerance (replays). Several v1
// values may appear (e.g. during a secret rotation); one match is enough.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Crowdstake-Signature";

export function signWebhook(secret: string, body: string, timestamp: number = Math.floor(Date.now() / 1_000)): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

/** True when `header` signs `body` with `secret` and its time is within `toleranceSeconds` of now. */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  toleranceSeconds = 300,
  now: number = Math.floor(Date.now() / 1_000),
): boolean {
  if (!header) return false;
  let timestamp: number | undefined;
  const candidates: string[] = [];
  for (const part of header.split(",")) {
    const [key, value] = part.trim().split("=", 2);
    if (key === "t" && value && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === "v1" && value) candidates.push(value);
  }
  if (timestamp === undefined || Math.abs(now - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex"));
  return candidates.some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
