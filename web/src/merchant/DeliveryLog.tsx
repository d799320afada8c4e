// Every webhook event and its delivery attempts: event type, attempts, the last status code,
// when, and the next retry while it is still being retried.
import { useGraphQL } from "../hooks/useGraphQL.ts";
import { formatDate } from "../lib/format.ts";
import type { MerchantAuth } from "./auth.ts";
import { Pager } from "./Pager.tsx";
import { DELIVERIES_QUERY, type DeliveriesAnswer, type WebhookDelivery } from "./queries.ts";
import { useReportApiError } from "./useApiAction.ts";
import { useCursorPages } from "./useCursorPages.ts";
import { ScrollArea } from "./ScrollArea.tsx";

const when = (iso: string | null) => (iso ? formatDate(Date.parse(iso) / 1_000) : "—");
const TONE: Record<string, string> = { delivered: "badge ok", pending: "badge warn", failed: "badge bad" };

function LastAttempt({ delivery }: { delivery: WebhookDelivery }) {
  const last = delivery.attemptLog[delivery.attemptLog.length - 1];
  if (!last) return <span className="muted">not tried yet</span>;
  return <span>{last.statusCode ?? last.error ?? "no answer"}</span>;
}

export function DeliveryLog({ auth }: { auth: MerchantAuth }) {
  const pages = useCursorPages();
  const { data, error, isLoading } = useGraphQL<DeliveriesAnswer>(["merchant-deliveries"], DELIVERIES_QUERY, { first: 20, after: pages.after }, { token: auth.token, refetchInterval: 5_000 });
  useReportApiError(error, auth.onApiError);
  const items = data?.webhookDeliveries.items ?? [];
  return (
    <div className="stack">
      <h3>Delivery log</h3>
      {isLoading && <p role="status">Loading deliveries…</p>}
      {error && <p className="error" role="alert">Could not load deliveries: {error.message}</p>}
      {data && items.length === 0 && <p>No webhook events yet.</p>}
      {items.length > 0 && (
        <ScrollArea label="Webhook deliveries">
          <table>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">State</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last status</th>
                <th scope="col">Time</th>
                <th scope="col">Next retry</th>
              </tr>
            </thead>
            <tbody>
              {items.map((delivery) => (
                <tr key={delivery.id}>
                  <td>
                    <code className="nowrap">{delivery.type}</code>
                    <div className="muted">
                      <code title={delivery.paymentId}>{delivery.paymentId.slice(0, 10)}…</code>
                    </div>
                  </td>
                  <td>
                    <span className={TONE[delivery.state] ?? "badge"}>{delivery.state}</span>
                  </td>
                  <td>{delivery.attempts}</td>
                  <td>
                    <LastAttempt delivery={delivery} />
                  </td>
                  <td className="nowrap">{when(delivery.attemptLog[delivery.attemptLog.length - 1]?.attemptedAt ?? delivery.createdAt)}</td>
                  <td className="nowrap">{delivery.state === "pending" ? when(delivery.nextAttemptAt) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
      <Pager
        label="Deliveries"
        page={pages.page}
        hasPrevious={pages.hasPrevious}
        hasNext={Boolean(data?.webhookDeliveries.pageInfo.hasNextPage)}
        onPrevious={pages.previous}
        onNext={() => pages.next(data?.webhookDeliveries.pageInfo.endCursor ?? null)}
      />
    </div>
  );
}
