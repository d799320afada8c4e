// What each part of the API contributes (on-ramp, merchants, the projection's computed fields):
// its tables, its REST routes, its part of the one GraphQL schema and its background workers.
// index.ts composes the modules; nothing else knows the list.
import type { Hono } from "hono";
import type { PublicClient } from "viem";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import type { OffchainDb } from "./store/db.js";
import type { Migration } from "./store/migrate.js";
import type { GatewayPart } from "./graphql/gateway.js";

/** The request context every REST route and GraphQL resolver gets. */
export interface ApiEnv {
  Variables: {
    requestId: string;
    /** Set by the merchant auth middleware for an API key or a SIWE session token. */
    merchant?: string;
  };
}

export interface ApiContext {
  config: Config;
  store: OffchainDb;
  log: Logger;
  client: PublicClient;
  /** Ponder's read-only database (drizzle), for workers that follow the on-chain tables. */
  ponderDb: unknown;
  /** Ponder's on-chain tables (drizzle table objects from ponder.schema.ts). */
  tables: Record<string, unknown>;
}

export interface Worker {
  name: string;
  /** One pass: claim due work, do it, and return how many items were handled. */
  tick(): Promise<number>;
  /** Waits for work a pass started in the background (called when the loops stop). */
  drain?(): Promise<void>;
}

export interface ApiModule {
  name: string;
  migrations?: Migration[];
  routes?(app: Hono<ApiEnv>): void;
  graphql?: GatewayPart;
  workers?: Worker[];
}
