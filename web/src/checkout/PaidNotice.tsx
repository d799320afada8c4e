// "Paid", then back to the merchant's success URL (http(s) only), with the link always visible
// in case the redirect is blocked or the payer wants to go at once.
import { safeRedirectUrl } from "./redirect.ts";
import { useRedirectCountdown } from "./useRedirectCountdown.ts";

export function PaidNotice({ successUrl }: { successUrl: string | null }) {
  const target = safeRedirectUrl(successUrl);
  const left = useRedirectCountdown(target, true);
  return (
    <div className="stack paid">
      <p className="paid-title" role="status">Paid ✓</p>
      {target ? (
        <p>
          {left !== undefined && left > 0 ? `Taking you back to the merchant in ${left}s… ` : "Taking you back to the merchant… "}
          <a href={target}>Return to the merchant now</a>
        </p>
      ) : (
        <p>Thank you. You can close this page.</p>
      )}
    </div>
  );
}
