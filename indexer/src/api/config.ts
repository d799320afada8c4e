// The API process's configuration, read from the environment once and validated at start:
// a missing or malformed value stops the process with a message naming the variable.
// The chain itself (PONDER_CHAIN_ID, PONDER_RPC_URL) is shared with ponder.config.ts.
import { z } from "zod";
import { isHex, type Hex } from "viem";

/** Hardhat's first test account: the local stack's deployer, operator and platform signer. */
export const LOCAL_TEST_KEY: Hex = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const LOCAL_CHAIN_ID = 31337;

const privateKey = z.string().refine((value) => isHex(value) && value.length === 66, "must be a 0x-prefixed 32-byte hex key");
const duration = z.string().transform(parseDuration).refine(Number.isFinite, "must be a duration like 30s, 5m, 12h or 3d");
const durationList = z
  .string()
  .transform((value) => value.split(",").map((part) => parseDuration(part.trim())))
  .refine((list) => list.length > 0 && list.every((ms) => Number.isFinite(ms) && ms >= 0), "must be a comma-separated list of durations like 30s,5m,1h");

function parseDuration(text: string): number {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(text);
  if (!match) return Number.NaN;
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as "ms" | "s" | "m" | "h" | "d"];
  return Number(match[1]) * unit;
}

/** 30 s doubling to 12 h, then every 12 h: 14 attempts spread over about 3 days. */
export const DEFAULT_WEBHOOK_SCHEDULE = "30s,1m,2m,4m,8m,16m,32m,1h,2h,4h,8h,12h,12h,12h,12h,12h";

const schema = z.object({
  PONDER_CHAIN_ID: z.coerce.number().int().positive().default(LOCAL_CHAIN_ID),
  PONDER_RPC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().optional(),
  OFFCHAIN_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, "must be a lower-case SQL identifier").default("crowdstake_offchain"),
  OFFCHAIN_PGLITE_DIR: z.string().default(".ponder/offchain"),
  /** Where the web app runs: hosted checkout links point there and CORS admits it. */
  WEB_URL: z.string().url().default("http://localhost:5173"),
  /** This API's public origin: on-ramp return and simulated-provider links point there. */
  PUBLIC_API_URL: z.string().url().default("http://localhost:42069"),
  CORS_ORIGINS: z.string().optional(),
  OPERATOR_PRIVATE_KEY: privateKey.optional(),
  PLATFORM_SIGNER_PRIVATE_KEY: privateKey.optional(),
  CONFIRMATIONS: z.coerce.number().int().min(1).max(1_000).default(2),
  MAX_BODY_BYTES: z.coerce.number().int().min(1_024).max(10_485_760).default(65_536),
  RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().positive().default(300),
  RATE_LIMIT_KEY_PER_MINUTE: z.coerce.number().int().positive().default(1_200),
  PAYMENT_SESSION_TTL: z.string().default("30m").pipe(duration),
  MERCHANT_SESSION_TTL: z.string().default("12h").pipe(duration),
  WEBHOOK_SCHEDULE: z.string().default(DEFAULT_WEBHOOK_SCHEDULE).pipe(durationList),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** How long a claimed webhook event stays with one process; default WEBHOOK_TIMEOUT_MS + 30 s. */
  WEBHOOK_LEASE: z.string().pipe(duration).optional(),
  WORKER_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  RELAYER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1_000).default(20),
  WORKERS: z.enum(["on", "off"]).default("on"),
  MERCURYO_WIDGET_ID: z.string().optional(),
  MERCURYO_SECRET: z.string().optional(),
  MERCURYO_SIGN_KEY: z.string().optional(),
  MERCURYO_WIDGET_URL: z.string().url().default("https://exchange.mercuryo.io/"),
  RAZORPAY_KEY_ID: z.string().optional(),
  RAZORPAY_KEY_SECRET: z.string().optional(),
  RAZORPAY_WEBHOOK_SECRET: z.string().optional(),
  SIMULATED_ONRAMP_SECRET: z.string().min(16).optional(),
  // On-ramp module: Razorpay's REST base (tests point it at a local server speaking its format),
  // the fiat currency an order is priced in when the request names none, the relayer's retry
  // backoff base and how long a claimed order stays leased to one process.
  RAZORPAY_API_URL: z.string().url().default("https://api.razorpay.com"),
  ONRAMP_FIAT_CURRENCY: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code like USD").default("USD"),
  MERCURYO_CURRENCY: z.string().default("USDT"),
  RELAYER_BACKOFF: z.string().default("1s").pipe(duration),
  /** The relayer's own RPC endpoint (e.g. a private transaction relay); default PONDER_RPC_URL. */
  RELAYER_RPC_URL: z.string().url().optional(),
  RELAYER_LEASE: z.string().default("2m").pipe(duration),
  // merchants module: how long a Sign-In with Ethereum nonce stays usable.
  SIWE_NONCE_TTL: z.string().default("5m").pipe(duration),
  /** "on" behind a reverse proxy we run: X-Forwarded-For then names the client for rate limits. */
  TRUST_PROXY: z.enum(["on", "off"]).default("off"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

export type Config = z.output<typeof schema> & {
  operatorKey: Hex;
  signerKey: Hex;
  corsOrigins: string[];
  webhookLeaseMs: number;
  rpcUrl: string;
  isLocalChain: boolean;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`invalid configuration: ${problems.join("; ")}`);
  }
  const values = parsed.data;
  const isLocalChain = values.PONDER_CHAIN_ID === LOCAL_CHAIN_ID;
  const localOnly = (name: string, value: Hex | undefined): Hex => {
    if (value) return value;
    if (isLocalChain) return LOCAL_TEST_KEY;
    throw new Error(`invalid configuration: ${name} is required on chain ${values.PONDER_CHAIN_ID} (only the local chain has a default)`);
  };
  // The lease must outlast an attempt, or a second process would send an event still in flight.
  const webhookLeaseMs = values.WEBHOOK_LEASE ?? values.WEBHOOK_TIMEOUT_MS + 30_000;
  if (webhookLeaseMs < values.WEBHOOK_TIMEOUT_MS + 1_000) {
    throw new Error("invalid configuration: WEBHOOK_LEASE: must be at least WEBHOOK_TIMEOUT_MS + 1s");
  }
  const rpcUrl = values.PONDER_RPC_URL ?? (isLocalChain ? "http://127.0.0.1:8545" : "");
  if (!rpcUrl) throw new Error("invalid configuration: PONDER_RPC_URL is required for any chain but the local one");
  return {
    ...values,
    isLocalChain,
    rpcUrl,
    webhookLeaseMs,
    operatorKey: localOnly("OPERATOR_PRIVATE_KEY", values.OPERATOR_PRIVATE_KEY as Hex | undefined),
    signerKey: localOnly("PLATFORM_SIGNER_PRIVATE_KEY", values.PLATFORM_SIGNER_PRIVATE_KEY as Hex | undefined),
    corsOrigins: (values.CORS_ORIGINS ?? values.WEB_URL).split(",").map((origin) => origin.trim()).filter(Boolean),
  };
}
