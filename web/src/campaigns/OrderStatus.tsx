// A card order's progress as the indexer sees it (received → paid → submitted → settled |
// failed), and the contribution that settled it.
import { checksum, formatAmount } from "../lib/format.ts";
import type { AssetInfo } from "./assets.ts";
import { ORDER_STATUS_TEXT } from "./cardPayment.ts";
import type { OnrampOrderView } from "./queries.ts";

function tone(status: string): string {
  return status === "settled" ? "ok" : status === "failed" ? "bad" : "warn";
}

export function OrderStatus({ order, assetInfo }: { order: OnrampOrderView | undefined; assetInfo: AssetInfo }) {
  if (!order) return <p role="status">Looking up your card order…</p>;
  const show = (value: string) => formatAmount(value, assetInfo.decimals, assetInfo.symbol);
  return (
    <div className="stack" data-testid="card-order">
      <p role="status" className="campaign-line">
        Card order <code>{order.id}</code>: <span className={`badge ${tone(order.status)}`}>{order.status}</span> {ORDER_STATUS_TEXT[order.status]}
        {order.status === "failed" && order.error ? ` (${order.error})` : ""}
      </p>
      <ol className="order-steps" aria-label="Order steps">
        {order.steps.map((step, index) => (
          <li key={`${step.status}-${index}`}>
            {step.status} <span className="muted">{new Date(step.at).toLocaleTimeString()}</span>
            {step.error && <span className="error"> — {step.error}</span>}
          </li>
        ))}
      </ol>
      {order.contribution && (
        <p className="campaign-line">
          Contribution of {show(order.contribution.amount)} booked for <code>{checksum(order.contribution.backer)}</code> in transaction <code>{order.contribution.txHash}</code>.
        </p>
      )}
    </div>
  );
}
