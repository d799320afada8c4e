// The signed-in merchant's dashboard: payments and disputes (on-chain actions from the connected
// wallet), checkout links, API keys and webhooks.
import type { MerchantAuth } from "./auth.ts";
import { ApiKeysPanel } from "./ApiKeysPanel.tsx";
import { DisputesPanel } from "./DisputesPanel.tsx";
import { PaymentsPanel } from "./PaymentsPanel.tsx";
import { SessionsPanel } from "./SessionsPanel.tsx";
import { WebhookPanel } from "./WebhookPanel.tsx";

export function Dashboard({ auth }: { auth: MerchantAuth }) {
  return (
    <div className="stack">
      <nav aria-label="Dashboard sections" className="merchant-nav">
        <a href="#payments">Payments</a>
        <a href="#disputes">Disputes</a>
        <a href="#sessions">Payment sessions</a>
        <a href="#api-keys">API keys</a>
        <a href="#webhooks">Webhooks</a>
      </nav>
      <PaymentsPanel auth={auth} />
      <DisputesPanel auth={auth} />
      <SessionsPanel auth={auth} />
      <ApiKeysPanel auth={auth} />
      <WebhookPanel auth={auth} />
    </div>
  );
}
