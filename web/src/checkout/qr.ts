// What the checkout's QR code holds, and why it is the checkout page's own URL rather than an
// EIP-681 `ethereum:` URI.
//
// The escrow records a payment only through `pay(intent, signature)` (or `payWithPermit`): it
// checks the merchant's signature, the deadline and the id, then pulls the funds. EIP-681 cannot
// carry that call: its parameters are single values, with no tuples or dynamic arrays, so the
// `PaymentIntent` struct (splits included) cannot be written in one, and no wallet would decode
// it. The "standard" ERC-20 form, `ethereum:<token>@<chainId>/transfer?address=<escrow>&uint256=
// <amount>`, is worse than useless here: a wallet that scans it sends the tokens straight to the
// escrow, which never sees an intent, so the payment is not recorded and the tokens are stranded
// (the escrow can only return what it holds for a payment; it has no sweep for stray transfers).
// A native-coin `ethereum:<escrow>?value=` send reverts (the escrow has no receive function).
//
// What a phone can act on is this page: a camera or a wallet's scanner opens the https URL, and a
// wallet's in-app browser (MetaMask, Coinbase Wallet, Rainbow, Trust...) injects its provider, so
// the payer pays through `pay` with the same checks as on a desktop.

/** The hosted checkout URL the API gave (absolute http(s)), else the page the payer is on. */
export function paymentQrValue(checkoutUrl: string | null | undefined, currentUrl: string): string {
  for (const candidate of [checkoutUrl, currentUrl]) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate);
      if (url.protocol === "https:" || url.protocol === "http:") {
        url.hash = "";
        return url.href;
      }
    } catch {
      // not a URL: try the next one
    }
  }
  throw new Error("no http(s) URL for the checkout QR code");
}
