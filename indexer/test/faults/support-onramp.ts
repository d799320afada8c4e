// On-ramp fixtures of the fault suites: orders opened through the API, the simulated provider's
// signed "paid" callback for each (built here, as the provider would send it, so a test can fire
// many at once and redeliver the same bytes), and every order's state read back through GraphQL.
import { randomUUID } from "node:crypto";
import { formatUnits, type Address, type Hex } from "viem";
import { inPool } from "../harness/in-pool.js";
import type { Indexer } from "../harness/indexer.js";
import { SIMULATED_SECRET, hmac } from "../onramp-support.js";

export interface OpenedOrder {
  orderId: string;
  onrampRef: Hex;
  amount: bigint;
}

export interface Callback {
  orderId: string;
  eventId: string;
  body: string;
  headers: Record<string, string>;
}

/** Opens a simulated on-ramp checkout per amount (cUSD base units, 6 decimals), `concurrency` at a time. */
export async function openOrders(indexer: Indexer, campaign: Address, beneficiary: Address, amounts: bigint[], concurrency = 6): Promise<OpenedOrder[]> {
  return inPool(amounts, concurrency, async (amount) => {
    const response = await indexer.request("/v1/onramp/sessions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ provider: "simulated", campaign, beneficiary, amount: amount.toString() }),
    });
    const body = (await response.json()) as { orderId: string; onrampRef: Hex };
    if (response.status !== 201) throw new Error(`checkout refused: ${response.status} ${JSON.stringify(body)}`);
    return { orderId: body.orderId, onrampRef: body.onrampRef, amount };
  });
}

/** The simulated provider's "payment.succeeded" for an order priced at par in USD. */
export function paidCallback(order: OpenedOrder): Callback {
  const eventId = `evt_${randomUUID()}`;
  const body = JSON.stringify({
    event: "payment.succeeded",
    eventId,
    orderId: order.orderId,
    reference: `sim_${order.orderId}`,
    amount: Number(formatUnits(order.amount, 6)).toFixed(2),
    currency: "USD",
  });
  return { orderId: order.orderId, eventId, body, headers: { "content-type": "application/json", "x-simulated-signature": hmac(SIMULATED_SECRET, body) } };
}

/** POSTs a callback; the HTTP status, or "error" when no answer came (connection refused or reset). */
export async function deliver(indexer: Indexer, callback: Callback): Promise<number | "error"> {
  try {
    const response = await indexer.request("/onramp/simulated/callback", { method: "POST", headers: callback.headers, body: callback.body });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return "error";
  }
}

export interface OrderState {
  id: string;
  status: string;
  onrampRef: Hex;
  txHash: Hex | null;
  error: string | null;
  attempts: number;
  steps: { status: string; txHash: string | null; error: string | null; detail: string | null }[];
  contribution: { txHash: string; amount: string; onrampRef: string } | null;
}

/** Every order, keyed by id, through GraphQL's cursor pages (at most 100 a page). */
export async function allOrders(indexer: Indexer): Promise<Map<string, OrderState>> {
  const orders = new Map<string, OrderState>();
  let after: string | null = null;
  for (;;) {
    const data: any = await indexer.graphql(
      `query ($after: String) { onrampOrders(first: 100, after: $after) {
        items { id status onrampRef txHash error attempts steps { status txHash error detail } contribution { txHash amount onrampRef } }
        pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    for (const item of data.onrampOrders.items as OrderState[]) orders.set(item.id, item);
    if (!data.onrampOrders.pageInfo.hasNextPage) return orders;
    after = data.onrampOrders.pageInfo.endCursor;
  }
}

