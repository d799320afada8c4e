// What each fiat provider contributes: a checkout for a stored order, and the reading of its
// signed callbacks (header name, secret, body format) into one provider-neutral event.
import type { Address } from "viem";
import type { Config } from "../../config.js";
import type { Order } from "../orders.js";

export type ProviderName = "mercuryo" | "razorpay" | "simulated";

export interface CheckoutInput {
  order: Order;
  /** The end user's IP (Mercuryo binds its widget signature to it). */
  clientIp: string;
  /** The operator's address: a provider that delivers crypto delivers it to the relayer. */
  operator: Address;
}

export interface Checkout {
  checkoutUrl: string;
  /** The provider's own id for this checkout, when it gives one at creation. */
  providerRef?: string;
}

/** A verified callback, reduced to what the order store needs. */
export interface ProviderEvent {
  /** Our order id as the provider echoes it; undefined for events about no order of ours. */
  orderId?: string;
  outcome: "paid" | "failed" | "other";
  eventId?: string;
  providerRef?: string;
  /** What was paid, in the currency's minor units, when the event says. */
  paidMinor?: bigint;
  currency?: string;
  reason?: string;
}

export interface Provider {
  name: ProviderName;
  /** Header carrying the hex HMAC-SHA256 of the raw body. */
  signatureHeader: string;
  /** The secret callbacks are signed with; undefined when the provider is not configured. */
  callbackSecret(): string | undefined;
  /** True when checkouts can be created (every secret the provider needs is set). */
  configured(): boolean;
  createCheckout(input: CheckoutInput): Promise<Checkout>;
  /** Reads a parsed JSON body; undefined when it is not this provider's format (400). */
  parseCallback(body: unknown): ProviderEvent | undefined;
}

export type ProviderFactory = (config: Config) => Provider;
