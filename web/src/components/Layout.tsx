// The frame of every page: navigation, the wallet button and the wrong-network prompt.
// RainbowKit (its modal and styles) is loaded on the first click of the wallet button.
import type { ReactNode } from "react";
import { NavLink } from "react-router";
import { NetworkGuard } from "./NetworkGuard.tsx";

import { WalletButton } from "./WalletButton.tsx";

export function Layout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="site-header">
        <NavLink to="/" className="brand">Crowdstake</NavLink>
        <nav aria-label="Main">
          <NavLink to="/" end>Campaigns</NavLink>
          <NavLink to="/staking">Staking</NavLink>
          <NavLink to="/account">My account</NavLink>
          <NavLink to="/merchant">Merchants</NavLink>
        </nav>
        <WalletButton />
      </header>
      <NetworkGuard />
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}
