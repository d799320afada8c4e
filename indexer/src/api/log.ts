// Structured JSON logs (pino). Secrets never reach them: keys, signatures and auth headers are
// redacted wherever they appear in a logged object.
import { pino, type Logger } from "pino";

export const REDACTED_PATHS = [
  "*.authorization",
  "*.apiKey",
  "*.secret",
  "*.privateKey",
  "*.signature",
  "*.token",
  "headers.authorization",
  'headers["x-signature"]',
  'headers["x-razorpay-signature"]',
  'headers["x-api-key"]',
];

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "crowdstake-api" }, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } });
}
