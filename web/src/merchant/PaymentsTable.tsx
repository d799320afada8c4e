// The merchant's payments: status, amount (and what was refunded), payer, release time and the
// actions the escrow allows on each.
import { useTokenInfo } from "../checkout/useTokenInfo.ts";
import { StatusBadge } from "../checkout/StatusBadge.tsx";
import { checksum, formatAmount, formatDate, formatDuration, shortAddress } from "../lib/format.ts";
import { PaymentActionsCell } from "./PaymentActionsCell.tsx";
import type { MerchantPayment, PaymentEvent } from "./queries.ts";
import { ScrollArea } from "./ScrollArea.tsx";

interface Props {
  caption: string;
  payments: MerchantPayment[];
  walletIsMerchant: boolean;
  /** unix seconds, by the chain's clock */
  now: bigint;
}

function ReleaseTime({ payment, now }: { payment: MerchantPayment; now: bigint }) {
  const releaseAt = BigInt(payment.releaseAt);
  if (payment.state !== "held" && payment.state !== "disputed") return <span className="muted">{formatDate(releaseAt)}</span>;
  if (payment.state === "disputed") return <span>Frozen by a dispute</span>;
  return releaseAt > now ? (
    <span>
      {formatDate(releaseAt)} <span className="muted">(in {formatDuration(releaseAt - now)})</span>
    </span>
  ) : (
    <span>{formatDate(releaseAt)} <span className="muted">(anyone may release)</span></span>
  );
}

/** "dispute_opened" → "Dispute opened". */
const eventLabel = (kind: string) => kind.charAt(0).toUpperCase() + kind.slice(1).replace(/_/g, " ");

/** What happened to a payment, oldest first (paymentEvents). */
function PaymentHistory({ events, format }: { events: PaymentEvent[]; format: (value: string) => string }) {
  if (events.length === 0) return null;
  return (
    <details>
      <summary>History</summary>
      <ol className="payment-history">
        {events.map((event) => (
          <li key={event.id}>
            {eventLabel(event.kind)}
            {BigInt(event.amount) > 0n ? `: ${format(event.amount)}` : ""} <span className="muted">{formatDate(event.timestamp)}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}

export function PaymentsTable({ caption, payments, walletIsMerchant, now }: Props) {
  const { byToken } = useTokenInfo(payments.map((payment) => payment.token));
  return (
    <ScrollArea label={caption}>
      <table>
        <caption className="muted">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Payment</th>
            <th scope="col">Status</th>
            <th scope="col">Amount</th>
            <th scope="col">Payer</th>
            <th scope="col">Release time</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {payments.map((payment) => {
            const token = byToken[payment.token.toLowerCase()];
            const amount = (value: string) => (token ? formatAmount(value, token.decimals, token.symbol, token.decimals) : `${value} units`);
            const name = `payment ${payment.id.slice(0, 10)}… of ${amount(payment.amount)}`;
            return (
              <tr key={payment.id} data-payment-id={payment.id}>
                <td>
                  <code title={payment.id}>{payment.id.slice(0, 10)}…{payment.id.slice(-6)}</code>
                  <div className="muted nowrap">{formatDate(payment.createdAt)}</div>
                  <PaymentHistory events={payment.history?.items ?? []} format={amount} />
                </td>
                <td>
                  <StatusBadge status={payment.status} />
                  {payment.status === "detected" && <div className="muted">{payment.confirmations} conf.</div>}
                </td>
                <td className="nowrap">
                  {amount(payment.amount)}
                  {BigInt(payment.refundedAmount) > 0n && <div className="muted">refunded {amount(payment.refundedAmount)}</div>}
                </td>
                <td>
                  <code className="nowrap" title={checksum(payment.payer)}>{shortAddress(payment.payer)}</code>
                </td>
                <td>
                  <ReleaseTime payment={payment} now={now} />
                </td>
                <td className="actions-cell">
                  <PaymentActionsCell payment={payment} token={token} walletIsMerchant={walletIsMerchant} now={now} name={name} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollArea>
  );
}
