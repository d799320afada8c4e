// Payments to the merchant from the indexer, newest first, filterable by escrow state, with the
// merchant's escrow window (release delay) from the chain.
import { useEffect, useId, useState } from "react";
import { useGraphQL } from "../hooks/useGraphQL.ts";
import { formatDuration } from "../lib/format.ts";
import type { MerchantAuth } from "./auth.ts";
import { Pager } from "./Pager.tsx";
import { PaymentsTable } from "./PaymentsTable.tsx";
import { PAYMENTS_QUERY, type PaymentsAnswer } from "./queries.ts";
import { useChainSeconds } from "./useChainSeconds.ts";
import { useCursorPages } from "./useCursorPages.ts";

const PAGE_SIZE = 20;
const FILTERS: { value: string; label: string }[] = [
  { value: "", label: "All" },
  { value: "held", label: "Held in escrow" },
  { value: "disputed", label: "Disputed" },
  { value: "released", label: "Released" },
  { value: "refunded", label: "Refunded" },
  { value: "resolved", label: "Resolved" },
];

export function PaymentsPanel({ auth }: { auth: MerchantAuth }) {
  const filterId = useId();
  const [state, setState] = useState("");
  const pages = useCursorPages();
  const now = useChainSeconds();
  const merchant = auth.merchant.toLowerCase();
  const where = state ? { merchant, state } : { merchant };
  const { data, error, isLoading } = useGraphQL<PaymentsAnswer>(["merchant-payments"], PAYMENTS_QUERY, { merchant, where, after: pages.after, limit: PAGE_SIZE }, { refetchInterval: 4_000 });
  const { reset } = pages;
  useEffect(reset, [state, reset]);

  const delay = data?.merchant?.releaseDelay;
  return (
    <section className="card stack" aria-labelledby="payments-title" id="payments">
      <h2 id="payments-title">Payments</h2>
      {delay !== undefined && (
        <p className="muted">
          Escrow window: {delay === 0 ? "none (payments settle at once)" : formatDuration(delay)}. You can release a held payment at any time; after its
          release time anyone can.
        </p>
      )}
      <div className="row">
        <label htmlFor={filterId}>Show</label>
        <select id={filterId} value={state} onChange={(event) => setState(event.target.value)}>
          {FILTERS.map((filter) => (
            <option key={filter.value} value={filter.value}>
              {filter.label}
            </option>
          ))}
        </select>
      </div>
      {isLoading && <p role="status">Loading payments…</p>}
      {error && <p className="error" role="alert">Could not load payments: {error.message}</p>}
      {data && data.payments.items.length === 0 && <p>No payments{state ? " in this state" : " yet"}.</p>}
      {data && data.payments.items.length > 0 && (
        <PaymentsTable
          caption={`${data.payments.totalCount} payment${data.payments.totalCount === 1 ? "" : "s"}`}
          payments={data.payments.items}
          walletIsMerchant={auth.walletIsMerchant}
          now={now}
        />
      )}
      <Pager
        label="Payments"
        page={pages.page}
        hasPrevious={pages.hasPrevious}
        hasNext={Boolean(data?.payments.pageInfo.hasNextPage)}
        onPrevious={pages.previous}
        onNext={() => pages.next(data?.payments.pageInfo.endCursor ?? null)}
      />
    </section>
  );
}
