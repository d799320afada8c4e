// What every route shares: a request id and an access log line, CORS for the web app's origin,
// the request size limit, per-IP and per-API-key rate limits on the REST routes, the error
// shape of DESIGN.md for every failure, and /v1/ready.
//
// Ponder's own server answers /health, /ready, /status and /metrics before this app sees a
// request, and answers CORS preflights with "*"; the CORS middleware here narrows the actual
// responses to the configured origins.
import { randomUUID, createHash } from "node:crypto";
import type { Hono, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { rateLimiter } from "hono-rate-limiter";
import { sql } from "ponder";
import { ApiError, errorBody, sendError } from "./errors.js";
import type { ApiContext, ApiEnv } from "../module.js";

export const PONDER_GRAPHQL_PATH = "/ponder/graphql";
/** Routes that count against the rate limits: the REST API and the on-ramp callbacks. */
const REST_PATHS = ["/v1/*", "/onramp/*"];
const CALLBACK_PATH = /^\/onramp\/[^/]+\/callback$/;

export function clientIp(c: Parameters<MiddlewareHandler>[0], trustProxy = false): string {
  // X-Forwarded-For is anyone's to write: it names the client only behind a proxy we run
  // (TRUST_PROXY=on), else rotating it would dodge the per-IP limit.
  const forwarded = trustProxy ? c.req.header("x-forwarded-for")?.split(",")[0]?.trim() : undefined;
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return forwarded || incoming?.socket?.remoteAddress || "unknown";
}

function bearer(c: Parameters<MiddlewareHandler>[0]): string | undefined {
  const value = c.req.header("authorization");
  return value?.startsWith("Bearer ") ? value.slice(7).trim() : undefined;
}

export function installHttpBasics(app: Hono<ApiEnv>, api: ApiContext): void {
  const { config, log } = api;

  app.use("*", async (c, next) => {
    const requestId = c.req.header("x-request-id") ?? randomUUID();
    c.set("requestId", requestId);
    const started = performance.now();
    await next();
    c.header("x-request-id", requestId);
    log.info(
      { requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
      "request",
    );
  });

  app.use("*", async (c, next) => {
    await next();
    const origin = c.req.header("origin");
    if (origin && config.corsOrigins.includes(origin)) {
      c.res.headers.set("access-control-allow-origin", origin);
      c.res.headers.append("vary", "Origin");
    } else {
      c.res.headers.delete("access-control-allow-origin");
    }
  });

  app.use(
    "*",
    bodyLimit({
      maxSize: config.MAX_BODY_BYTES,
      onError: (c) => c.json(errorBody("PAYLOAD_TOO_LARGE", `the body exceeds ${config.MAX_BODY_BYTES} bytes`), 413),
    }),
  );

  // PostgreSQL (and PGlite) refuse NUL in text and JSON: such a body is bad input, answered
  // 400 here instead of failing an insert later.
  // REST routes only: they read bodies through c.req (which caches it), while GraphQL hands
  // the raw request to yoga, whose stream this would consume.
  for (const path of REST_PATHS) {
    app.use(path, async (c, next) => {
      if (c.req.method === "POST" || c.req.method === "PUT" || c.req.method === "PATCH") {
        const raw = await c.req.text();
        if (raw.includes("\0") || /\\u0000/i.test(raw)) {
          return c.json(errorBody("INVALID_REQUEST", "the body contains a NUL character"), 400);
        }
      }
      await next();
    });
  }

  const limited = (c: Parameters<MiddlewareHandler>[0]) =>
    c.json(errorBody("RATE_LIMITED", "too many requests: slow down and retry after the Retry-After seconds"), 429);
  for (const path of REST_PATHS) {
    app.use(
      path,
      rateLimiter<ApiEnv>({
        windowMs: 60_000,
        limit: config.RATE_LIMIT_IP_PER_MINUTE,
        standardHeaders: "draft-6",
        keyGenerator: (c) => `ip:${clientIp(c, config.TRUST_PROXY === "on")}`,
        handler: limited,
        // A provider sends every payment's callback from a few addresses, and retries (or, like
        // Razorpay, disables the webhook) on a 429: a callback whose signature checked out is
        // not counted. Unsigned and badly signed ones are.
        skipSuccessfulRequests: true,
        requestWasSuccessful: (c) => CALLBACK_PATH.test(c.req.path) && c.res.status < 400,
      }),
    );
    app.use(
      path,
      rateLimiter<ApiEnv>({
        windowMs: 60_000,
        limit: config.RATE_LIMIT_KEY_PER_MINUTE,
        standardHeaders: "draft-6",
        // Requests without a key are limited by IP only.
        skip: (c) => bearer(c) === undefined,
        keyGenerator: (c) => `key:${createHash("sha256").update(bearer(c)!).digest("hex")}`,
        handler: limited,
      }),
    );
  }

  app.get("/v1/ready", async (c) => {
    const checks = { offchainStore: false, indexer: false };
    try {
      await api.store.query("SELECT 1");
      checks.offchainStore = true;
    } catch {
      // reported below
    }
    try {
      const db = api.ponderDb as { execute(query: unknown): Promise<unknown> };
      await db.execute(sql`SELECT 1`);
      checks.indexer = true;
    } catch {
      // reported below
    }
    const ready = checks.offchainStore && checks.indexer;
    return ready ? c.json({ ready, checks }) : c.json(errorBody("NOT_READY", "a dependency is not reachable", checks), 503);
  });

  app.onError((error, c) => {
    if (error instanceof ApiError) return sendError(c, error);
    log.error({ requestId: c.get("requestId"), err: error }, "unhandled error");
    return c.json(errorBody("INTERNAL", "internal error", { requestId: c.get("requestId") }), 500);
  });
}

/**
 * The error shape for unknown REST routes. Registered after every module's routes: Ponder's
 * outer server, not this app, answers paths that match nothing here (with plain text).
 */
export function installFallbacks(app: Hono<ApiEnv>): void {
  for (const path of REST_PATHS) {
    app.all(path, (c) => c.json(errorBody("NOT_FOUND", `no route ${c.req.method} ${c.req.path}`), 404));
  }
}
