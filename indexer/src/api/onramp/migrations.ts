// The on-ramp's off-chain tables: orders, every state change of an order (its steps), and the
// raw audit log of every provider callback, whatever its verdict.
import type { Migration } from "../store/migrate.js";

export const onrampMigrations: Migration[] = [
  {
    id: "onramp/001",
    sql: `
      CREATE TABLE onramp_orders (
        id TEXT PRIMARY KEY,
        -- insertion order: the stable cursor of GraphQL pagination
        seq BIGSERIAL NOT NULL UNIQUE,
        provider TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('contribution', 'payment')),
        campaign TEXT,
        payment_session_id TEXT,
        beneficiary TEXT NOT NULL,
        asset TEXT NOT NULL,
        amount NUMERIC(78, 0) NOT NULL CHECK (amount > 0),
        fiat_amount NUMERIC(20, 2) NOT NULL,
        fiat_currency TEXT NOT NULL,
        provider_ref TEXT,
        status TEXT NOT NULL CHECK (status IN ('received', 'paid', 'submitted', 'settled', 'failed')),
        onramp_ref TEXT NOT NULL UNIQUE,
        tx_hash TEXT,
        error TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        leased_until TIMESTAMPTZ,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        CHECK ((kind = 'contribution') = (campaign IS NOT NULL)),
        CHECK ((kind = 'payment') = (payment_session_id IS NOT NULL))
      );
      CREATE INDEX onramp_orders_due ON onramp_orders (status, next_attempt_at);
      CREATE INDEX onramp_orders_beneficiary ON onramp_orders (beneficiary, created_at);
      CREATE TABLE onramp_order_steps (
        id BIGSERIAL PRIMARY KEY,
        order_id TEXT NOT NULL REFERENCES onramp_orders (id),
        status TEXT NOT NULL,
        tx_hash TEXT,
        error TEXT,
        detail TEXT,
        at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX onramp_order_steps_order ON onramp_order_steps (order_id, id);
      CREATE TABLE onramp_callbacks (
        id BIGSERIAL PRIMARY KEY,
        provider TEXT NOT NULL,
        headers JSONB NOT NULL,
        raw_body TEXT NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('accepted', 'duplicate', 'ignored', 'bad_signature', 'malformed', 'unknown_order')),
        order_id TEXT,
        event_id TEXT,
        received_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX onramp_callbacks_order ON onramp_callbacks (order_id);
    `,
  },
];
