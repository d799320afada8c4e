// The merchants module's off-chain tables. Secrets that only need comparing (session tokens,
// API keys) are stored as sha256 hashes; the webhook signing secret is kept as is because the
// worker must sign with it.
import type { Migration } from "../store/migrate.js";

export const merchantMigrations: Migration[] = [
  {
    id: "merchants/001",
    sql: `
      CREATE TABLE siwe_nonces (
        nonce TEXT PRIMARY KEY,
        expires_at TIMESTAMPTZ NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE TABLE merchant_sessions (
        token_hash TEXT PRIMARY KEY,
        merchant TEXT NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        merchant TEXT NOT NULL,
        prefix TEXT NOT NULL,
        key_hash TEXT NOT NULL UNIQUE,
        label TEXT,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        last_used_at TIMESTAMPTZ,
        revoked_at TIMESTAMPTZ
      );
      CREATE INDEX api_keys_merchant ON api_keys (merchant, created_at);
      CREATE TABLE webhook_endpoints (
        merchant TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        secret TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE TABLE payment_sessions (
        id TEXT PRIMARY KEY,
        seq BIGSERIAL UNIQUE,
        merchant TEXT NOT NULL,
        intent JSONB NOT NULL,
        signature TEXT NOT NULL,
        metadata JSONB,
        expires_at TIMESTAMPTZ NOT NULL,
        success_url TEXT,
        cancel_url TEXT,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX payment_sessions_merchant ON payment_sessions (merchant, seq);
      -- The last status the webhook worker saw per payment: a change against it is an event.
      CREATE TABLE payment_statuses (
        payment_id TEXT PRIMARY KEY,
        merchant TEXT NOT NULL,
        status TEXT NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE TABLE webhook_events (
        id TEXT PRIMARY KEY,
        seq BIGSERIAL UNIQUE,
        merchant TEXT NOT NULL,
        payment_id TEXT NOT NULL,
        type TEXT NOT NULL,
        body TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        locked_until TIMESTAMPTZ,
        delivered_at TIMESTAMPTZ,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX webhook_events_due ON webhook_events (state, next_attempt_at);
      CREATE INDEX webhook_events_merchant ON webhook_events (merchant, payment_id, seq);
      CREATE TABLE webhook_attempts (
        event_id TEXT NOT NULL REFERENCES webhook_events (id),
        attempt INTEGER NOT NULL,
        url TEXT NOT NULL,
        status_code INTEGER,
        error TEXT,
        duration_ms INTEGER NOT NULL,
        attempted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        next_attempt_at TIMESTAMPTZ,
        PRIMARY KEY (event_id, attempt)
      );
    `,
  },
];
