// The API process: Ponder serves this Hono app next to its own /health, /ready, /status and
// /metrics. It opens the off-chain store, applies its migrations, mounts each module's REST
// routes and the one GraphQL endpoint, and runs the background workers (relayer, webhooks).
import { db as ponderDb, publicClients } from "ponder:api";
import schema from "ponder:schema";
import { graphql } from "ponder";
import { Hono } from "hono";
import type { PublicClient } from "viem";
import { loadConfig } from "./config.js";
import { createLogger } from "./log.js";
import { openOffchainDb } from "./store/db.js";
import { migrate } from "./store/migrate.js";
import { startWorkers, type WorkerLoops } from "./workers.js";
import { buildGatewaySchema, createGraphqlHandler } from "./graphql/gateway.js";
import { installFallbacks, installHttpBasics, PONDER_GRAPHQL_PATH } from "./http/basics.js";
import { createProjectionModule } from "./projection/index.js";
import { createOnrampModule } from "./onramp/index.js";
import { createMerchantsModule } from "./merchants/index.js";
import type { ApiContext, ApiEnv, ApiModule } from "./module.js";

declare global {
  // One runtime per process: `ponder dev` re-imports this file on every reload.
  var __crowdstakeApi: { loops: WorkerLoops; close: () => Promise<void> } | undefined;
}

await globalThis.__crowdstakeApi?.loops.stop();
await globalThis.__crowdstakeApi?.close();

const config = loadConfig();
const log = createLogger(config.LOG_LEVEL);
const store = await openOffchainDb(config);
const api: ApiContext = {
  config,
  store,
  log,
  client: publicClients.main as unknown as PublicClient,
  ponderDb,
  tables: schema as unknown as Record<string, unknown>,
};

const modules: ApiModule[] = [createProjectionModule(api), createOnrampModule(api), createMerchantsModule(api)];
const applied = await migrate(store, modules.flatMap((module) => module.migrations ?? []));
if (applied.length > 0) log.info({ applied }, "off-chain migrations applied");

const app = new Hono<ApiEnv>();
installHttpBasics(app, api);
// Ponder's generated GraphQL over the on-chain tables: the gateway's subschema (and a baseline
// for benchmarks); integrators use /graphql.
app.use(PONDER_GRAPHQL_PATH, graphql({ db: ponderDb, schema }));
for (const module of modules) module.routes?.(app);
// Registered before the schema is built: building it queries Ponder's endpoint through `app`,
// after which Hono accepts no new routes.
let yoga: ReturnType<typeof createGraphqlHandler> | undefined;
app.on(["GET", "POST"], "/graphql", (c) => yoga!.handle(c.req.raw, { api, merchant: c.get("merchant") }));
installFallbacks(app);
yoga = createGraphqlHandler(
  await buildGatewaySchema(
    modules.flatMap((module) => (module.graphql ? [module.graphql] : [])),
    (body) => Promise.resolve(app.request(PONDER_GRAPHQL_PATH, { method: "POST", headers: { "content-type": "application/json" }, body })),
  ),
);

const loops = startWorkers(
  config.WORKERS === "on" ? modules.flatMap((module) => module.workers ?? []) : [],
  config.WORKER_POLL_MS,
  log,
);
globalThis.__crowdstakeApi = { loops, close: () => store.close() };
log.info({ chainId: config.PONDER_CHAIN_ID, store: store.kind, workers: config.WORKERS }, "API ready");

export default app;
