// The hosted checkout for one session: what is asked (amount, merchant, time left), how to pay
// (wallet or QR code), and what happened (live status, "Paid", back to the merchant).
import { getAddress } from "viem";
import { contractAddress } from "../config.ts";
import { checksum, formatAmount } from "../lib/format.ts";
import { Countdown } from "./Countdown.tsx";
import { secondsLeft } from "./countdown.ts";
import { LiveStatus } from "./LiveStatus.tsx";
import { PaidNotice } from "./PaidNotice.tsx";
import { PayPanel } from "./PayPanel.tsx";
import { PaymentQr } from "./PaymentQr.tsx";
import { isPaidAndConfirmed } from "./paymentStatus.ts";
import { safeRedirectUrl } from "./redirect.ts";
import { intentArgs, type CheckoutSession } from "./session.ts";
import { useChainNow } from "./useChainNow.ts";
import { useTokenInfo } from "./useTokenInfo.ts";
import "./checkout.css";

export function CheckoutView({ session }: { session: CheckoutSession }) {
  const now = useChainNow();
  const { byToken, isLoading } = useTokenInfo([session.intent.token]);
  const token = byToken[session.intent.token.toLowerCase()];
  const escrow = contractAddress("PaymentEscrow");
  const intent = intentArgs(session.intent);
  const left = secondsLeft(session.expiresAt, now);
  // A failed card payment leaves the intent unpaid: the payer may still pay it from a wallet.
  const cardFailed = session.status === "failed";
  const unpaid = session.status === "pending" || cardFailed;
  const expired = session.status === "expired" || (unpaid && left === 0);
  const cancelUrl = safeRedirectUrl(session.cancelUrl);
  const restricted = !/^0x0{40}$/i.test(session.intent.payer);

  return (
    <article className="stack">
      <h1>Checkout</h1>
      <div className="checkout">
        <section className="card stack" aria-labelledby="checkout-summary">
          <h2 id="checkout-summary">Payment</h2>
          <p className="checkout-amount">
            {token ? formatAmount(intent.amount, token.decimals, token.symbol, token.decimals) : isLoading ? "…" : `${intent.amount} base units of ${checksum(intent.token)}`}
          </p>
          <dl className="facts">
            <dt>Merchant</dt>
            <dd>
              <code>{getAddress(session.merchant)}</code>
            </dd>
            {restricted && (
              <>
                <dt>Payer</dt>
                <dd>
                  <code>{checksum(session.intent.payer)}</code>
                </dd>
              </>
            )}
            {unpaid && (
              <>
                <dt>Time left</dt>
                <dd>
                  <Countdown seconds={expired ? 0 : left} />
                </dd>
              </>
            )}
          </dl>
          <LiveStatus session={session} />
          {expired && (
            <p className="error" role="alert">
              This payment request has expired and can no longer be paid. Ask the merchant for a new one.
            </p>
          )}
          {cardFailed && !expired && <p>The card payment did not go through. You can pay from a wallet instead.</p>}
          {isPaidAndConfirmed(session.status) && <PaidNotice successUrl={session.successUrl} />}
          {unpaid && !expired && escrow && token && <PayPanel intent={intent} signature={session.signature as `0x${string}`} escrow={escrow} token={token} />}
          {unpaid && !escrow && <p className="error" role="alert">This app has no payment escrow configured for its network.</p>}
          {(unpaid || expired) && cancelUrl && (
            <p>
              <a href={cancelUrl}>Cancel and return to the merchant</a>
            </p>
          )}
        </section>
        {unpaid && !expired && (
          <section className="card" aria-labelledby="checkout-phone">
            <h2 id="checkout-phone">Pay on your phone</h2>
            <PaymentQr checkoutUrl={session.checkoutUrl} />
          </section>
        )}
      </div>
    </article>
  );
}
