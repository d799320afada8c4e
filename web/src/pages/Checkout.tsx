// Hosted checkout (/checkout/:sessionId), public: a payer opens the link a merchant created
// with POST /v1/payment_sessions. The session is polled until its payment is final, so the live
// status follows the chain without a reload.
import { Link, useParams } from "react-router";
import { useGraphQL } from "../hooks/useGraphQL.ts";
import { CheckoutView } from "../checkout/CheckoutView.tsx";
import { isFinal } from "../checkout/paymentStatus.ts";
import { CHECKOUT_SESSION_QUERY, isSessionId, type CheckoutSession } from "../checkout/session.ts";

type SessionAnswer = { paymentSession: CheckoutSession | null };

function NotFound({ id }: { id: string | undefined }) {
  return (
    <article className="card stack">
      <h1>Payment not found</h1>
      <p>
        There is no payment request <code>{id ?? ""}</code>. Check the link the merchant gave you, or ask them for a new one.
      </p>
      <p>
        <Link to="/">Go to Crowdstake</Link>
      </p>
    </article>
  );
}

function SessionLoader({ id }: { id: string }) {
  const { data, error, isLoading, refetch } = useGraphQL<SessionAnswer>(["checkout", id], CHECKOUT_SESSION_QUERY, { id }, {
    refetchInterval: (query) => {
      const status = query.state.data?.paymentSession?.status;
      return status && isFinal(status) ? false : 2_000;
    },
  });
  if (isLoading) return <p role="status">Loading the payment…</p>;
  if (error && !data) {
    return (
      <div className="card stack" role="alert">
        <p className="error">Could not load this payment: {error.message}</p>
        <button type="button" className="button secondary" onClick={() => void refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (!data?.paymentSession) return <NotFound id={id} />;
  return <CheckoutView session={data.paymentSession} />;
}

export default function Checkout() {
  const { sessionId } = useParams();
  if (!isSessionId(sessionId)) return <NotFound id={sessionId} />;
  return <SessionLoader id={sessionId.toLowerCase()} />;
}
