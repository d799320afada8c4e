// Payments the payer disputed: frozen until an arbiter splits them. The contract leaves the
// merchant one move, a refund (in full, or in part before the arbiter decides the rest).
import { useGraphQL } from "../hooks/useGraphQL.ts";
import type { MerchantAuth } from "./auth.ts";
import { PaymentsTable } from "./PaymentsTable.tsx";
import { useChainSeconds } from "./useChainSeconds.ts";
import { PAYMENTS_QUERY, type PaymentsAnswer } from "./queries.ts";

export function DisputesPanel({ auth }: { auth: MerchantAuth }) {
  const merchant = auth.merchant.toLowerCase();
  const now = useChainSeconds();
  const { data, error } = useGraphQL<PaymentsAnswer>(["merchant-disputes"], PAYMENTS_QUERY, { merchant, where: { merchant, state: "disputed" }, after: null, limit: 100 }, { refetchInterval: 4_000 });
  const disputed = data?.payments.items ?? [];
  return (
    <section className="card stack" aria-labelledby="disputes-title" id="disputes">
      <h2 id="disputes-title">Disputes</h2>
      {error && <p className="error" role="alert">Could not load disputes: {error.message}</p>}
      {data && disputed.length === 0 && <p>No open disputes.</p>}
      {disputed.length > 0 && (
        <>
          <p>
            A disputed payment is frozen: it can no longer be released. An arbiter will split it between you and the payer. Meanwhile you may refund
            the payer, in full or in part.
          </p>
          <PaymentsTable caption={`${disputed.length} open dispute${disputed.length === 1 ? "" : "s"}`} payments={disputed} walletIsMerchant={auth.walletIsMerchant} now={now} />
        </>
      )}
    </section>
  );
}
