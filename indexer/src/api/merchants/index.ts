// Merchants and payment sessions (issue 3, point 5): Sign-In with Ethereum, API keys, a webhook
// endpoint per merchant, payment sessions signed by the platform signer, the webhook status
// watcher and delivery workers, and their GraphQL fields.
import type { ApiContext, ApiModule } from "../module.js";
import { apiKeyRoutes } from "./api-keys.js";
import { installMerchantAuth } from "./auth.js";
import { merchantsGraphql } from "./graphql.js";
import { merchantMigrations } from "./migrations.js";
import { paymentSessionRoutes } from "./payment-sessions.js";
import { siweRoutes } from "./siwe.js";
import { createStatusWatcher } from "./status-watcher.js";
import { createWebhookDelivery } from "./webhook-delivery.js";
import { webhookEndpointRoutes } from "./webhook-endpoint.js";

export { verifyWebhookSignature, signWebhook, SIGNATURE_HEADER } from "./webhook-signature.js";

export function createMerchantsModule(api: ApiContext): ApiModule {
  return {
    name: "merchants",
    migrations: merchantMigrations,
    routes(app) {
      // Registered on "*" so that /graphql (mounted after every module's routes) sees the merchant.
      installMerchantAuth(app, api);
      siweRoutes(app, api);
      apiKeyRoutes(app, api);
      webhookEndpointRoutes(app, api);
      paymentSessionRoutes(app, api);
    },
    graphql: merchantsGraphql(api),
    workers: [createStatusWatcher(api), createWebhookDelivery(api)],
  };
}
