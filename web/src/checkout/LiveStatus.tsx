// Where the payment is, as the indexer sees it: awaiting payment → detected (with its
// confirmations) → confirmed → settled, or what happened to it afterwards.
import type { CheckoutSession } from "./session.ts";
import { StatusBadge } from "./StatusBadge.tsx";

const PROGRESS = ["pending", "detected", "confirmed"] as const;

export function LiveStatus({ session }: { session: CheckoutSession }) {
  const { status, payment } = session;
  const reached = status === "settled" ? PROGRESS.length : PROGRESS.indexOf(status as (typeof PROGRESS)[number]) + 1;
  return (
    <div className="stack" aria-live="polite">
      <p>
        Status: <StatusBadge status={status} />
        {payment && status === "detected" && (
          <span className="muted"> {payment.confirmations} confirmation{payment.confirmations === 1 ? "" : "s"} so far</span>
        )}
      </p>
      {reached > 0 && (
        <ol className="status-steps">
          <li aria-current={reached === 1 ? "step" : undefined}>Awaiting payment</li>
          <li aria-current={reached === 2 ? "step" : undefined} className={reached < 2 ? "muted" : undefined}>
            Payment detected on-chain
          </li>
          <li aria-current={reached === 3 ? "step" : undefined} className={reached < 3 ? "muted" : undefined}>
            Confirmed{status === "settled" ? " and settled to the merchant" : ""}
          </li>
        </ol>
      )}
      {payment && <p className="muted">Transaction <code>{payment.txHash}</code></p>}
    </div>
  );
}
