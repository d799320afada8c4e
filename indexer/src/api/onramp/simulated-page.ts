// The simulated provider's checkout page: the order, and two buttons that make the provider send
// its signed callback (paid or failed). Plain HTML, no script, so it works in any browser and
// a test can follow it with fetch.
import type { Order } from "./orders.js";

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function layout(title: string, content: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}button{font-size:1rem;padding:.6rem 1.2rem;margin-right:.5rem}dt{font-weight:600}</style></head>
<body>${content}</body></html>`;
}

export function checkoutPage(order: Order): string {
  const what = order.kind === "contribution" ? `Contribution to campaign ${order.campaign}` : `Payment ${order.paymentSessionId}`;
  const open = order.status === "received";
  return layout(
    "Simulated card payment",
    `<h1>Simulated card payment</h1>
<p>No real money moves: this provider exists for local development and tests.</p>
<dl><dt>Order</dt><dd id="order">${escape(order.id)}</dd><dt>For</dt><dd>${escape(what)}</dd>
<dt>Beneficiary</dt><dd>${escape(order.beneficiary)}</dd>
<dt>Amount</dt><dd id="amount">${escape(order.fiatAmount)} ${escape(order.fiatCurrency)}</dd>
<dt>Status</dt><dd id="status">${escape(order.status)}</dd></dl>
${open ? `<form method="post" action="/onramp/simulated/checkout/${escape(order.id)}">
<button type="submit" name="outcome" value="paid">Pay ${escape(order.fiatAmount)} ${escape(order.fiatCurrency)}</button>
<button type="submit" name="outcome" value="failed">Decline</button></form>` : "<p>This order is no longer open for payment.</p>"}`,
  );
}

export function completedPage(order: Order, outcome: "paid" | "failed", status: number, verdict: string): string {
  return layout(
    "Simulated payment sent",
    `<h1>${outcome === "paid" ? "Payment completed" : "Payment declined"}</h1>
<p>The simulated provider sent its signed callback for order <span id="order">${escape(order.id)}</span>:
HTTP <span id="callback-status">${status}</span>, verdict <span id="verdict">${escape(verdict)}</span>.</p>`,
  );
}
