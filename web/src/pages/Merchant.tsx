// Merchant dashboard (/merchant): Sign-In with Ethereum, then the merchant's payments, disputes,
// checkout links, API keys and webhooks. On-chain actions need the connected wallet to be the
// signed-in merchant; the API parts need only the session.
import { getAddress } from "viem";
import { useAccount } from "wagmi";
import { Dashboard } from "../merchant/Dashboard.tsx";
import { SignInCard } from "../merchant/SignInCard.tsx";
import { useMerchantSession } from "../merchant/useMerchantSession.ts";
import "../merchant/merchant.css";

export default function Merchant() {
  const { address } = useAccount();
  const { session, signIn, signOut, handleApiError, error, tx } = useMerchantSession();

  if (!session) {
    return (
      <article className="stack">
        <h1>Merchant dashboard</h1>
        <SignInCard onSignIn={(account) => void signIn(account)} busy={tx.busy} txState={tx.state} error={error} />
      </article>
    );
  }
  const merchant = getAddress(session.merchant);
  const walletIsMerchant = address !== undefined && address.toLowerCase() === session.merchant;
  return (
    <article className="stack">
      <h1>Merchant dashboard</h1>
      <div className="row">
        <span>
          Signed in as <code>{merchant}</code>
        </span>
        <button type="button" className="button secondary" onClick={() => void signOut()}>
          Sign out
        </button>
      </div>
      {!walletIsMerchant && (
        <p className="banner banner-warning" role="alert">
          {address
            ? `Your wallet is on another account (${getAddress(address)}). Switch it to ${merchant} to release or refund payments, or sign out and sign in with this one.`
            : `Connect the wallet of ${merchant} to release or refund payments.`}
        </p>
      )}
      <Dashboard auth={{ token: session.token, merchant, walletIsMerchant, onApiError: handleApiError }} />
    </article>
  );
}
