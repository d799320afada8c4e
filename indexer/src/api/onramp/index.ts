// The fiat on-ramp: orders created for a provider's checkout, the providers' signed callbacks,
// the relayer that settles paid orders on-chain, and the orders in the one GraphQL schema.
import { privateKeyToAccount } from "viem/accounts";
import type { ApiContext, ApiModule } from "../module.js";
import { onrampGraphql } from "./graphql.js";
import { onrampMigrations } from "./migrations.js";
import { mercuryo } from "./providers/mercuryo.js";
import { razorpay } from "./providers/razorpay.js";
import { simulated } from "./providers/simulated.js";
import { createRelayer } from "./relayer.js";
import { onrampRoutes } from "./routes.js";

export function createOnrampModule(api: ApiContext): ApiModule {
  const providers = { mercuryo: mercuryo(api.config), razorpay: razorpay(api.config), simulated: simulated(api.config) };
  const operator = privateKeyToAccount(api.config.operatorKey).address;
  if (!api.config.isLocalChain && providers.simulated.configured()) {
    // Its checkout page completes payments for anyone: the operator then pays with real funds.
    api.log.warn({ chainId: api.config.PONDER_CHAIN_ID }, "the simulated on-ramp provider is enabled on a non-local chain (SIMULATED_ONRAMP_SECRET is set)");
  }
  return {
    name: "onramp",
    migrations: onrampMigrations,
    routes: onrampRoutes(api, providers, operator),
    graphql: onrampGraphql,
    workers: [createRelayer(api)],
  };
}
