// The QR code a payer scans to continue on a phone: it opens this checkout (see qr.ts for why it
// is not an EIP-681 URI), where the phone's wallet pays through the escrow.
import { QRCodeSVG } from "qrcode.react";
import { paymentQrValue } from "./qr.ts";

export function PaymentQr({ checkoutUrl }: { checkoutUrl: string }) {
  const value = paymentQrValue(checkoutUrl, window.location.href);
  return (
    <figure className="stack checkout-qr">
      <QRCodeSVG value={value} size={192} marginSize={2} level="M" title="QR code of this checkout page" role="img" aria-label="QR code of this checkout page" />
      <figcaption className="muted">
        Scan with your phone's camera or wallet app to pay there, or copy the link: <code>{value}</code>
      </figcaption>
    </figure>
  );
}
