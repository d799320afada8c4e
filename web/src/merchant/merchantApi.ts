// The merchant REST routes of the API (README "Merchants"), typed. Every call carries the SIWE
// session token; errors are ApiError with the API's own message.
import { apiRequest } from "../lib/api.ts";

export interface ApiKey {
  id: string;
  prefix: string;
  label: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface WebhookEndpoint {
  url: string;
  createdAt: string;
  updatedAt: string;
  /** only when the endpoint was created or its secret rotated */
  secret?: string;
}

const json = (method: string, body: unknown = {}) => ({ method, body: JSON.stringify(body) });

export const merchantApi = {
  nonce: () => apiRequest<{ nonce: string }>("/v1/auth/nonce", json("POST")),
  verify: (message: string, signature: string) =>
    apiRequest<{ token: string; merchant: string; expiresAt: string }>("/v1/auth/verify", json("POST", { message, signature })),
  logout: (token: string) => apiRequest<{ ok: true }>("/v1/auth/logout", { ...json("POST"), token }),
  me: (token: string) => apiRequest<{ merchant: string }>("/v1/auth/me", { token }),

  listApiKeys: (token: string) => apiRequest<{ items: ApiKey[] }>("/v1/api_keys", { token }),
  createApiKey: (token: string, label: string) => apiRequest<ApiKey & { key: string }>("/v1/api_keys", { ...json("POST", label ? { label } : {}), token }),
  revokeApiKey: (token: string, id: string) => apiRequest<ApiKey>(`/v1/api_keys/${encodeURIComponent(id)}`, { method: "DELETE", token }),

  getWebhookEndpoint: (token: string) => apiRequest<WebhookEndpoint>("/v1/webhook_endpoint", { token }),
  setWebhookEndpoint: (token: string, url: string) => apiRequest<WebhookEndpoint>("/v1/webhook_endpoint", { ...json("PUT", { url }), token }),
  rotateWebhookSecret: (token: string) => apiRequest<WebhookEndpoint>("/v1/webhook_endpoint/rotate_secret", { ...json("POST"), token }),
  deleteWebhookEndpoint: (token: string) => apiRequest<{ deleted: true }>("/v1/webhook_endpoint", { method: "DELETE", token }),

  createPaymentSession: (token: string, body: { token: string; amount: string; successUrl?: string; cancelUrl?: string; expiresIn?: number }) =>
    apiRequest<{ id: string; checkoutUrl: string; status: string; expiresAt: string }>("/v1/payment_sessions", { ...json("POST", body), token }),
};
