// The wallet button in the header. RainbowKit (its modals and styles, ~100 kB) is loaded only
// when someone clicks it, so no page pays for it up front; until then this light button shows
// the connection state that wagmi already knows.
import { lazy, Suspense, useState } from "react";
import { useAccount } from "wagmi";
import { shortAddress } from "../lib/format.ts";

const RainbowKitButton = lazy(() => import("./RainbowKitButton.tsx"));

export function WalletButton() {
  const { address, isConnected } = useAccount();
  const [loaded, setLoaded] = useState(false);
  const label = isConnected && address ? shortAddress(address) : "Connect wallet";
  if (loaded) {
    return (
      <Suspense fallback={<button type="button" className="button" disabled>{label}</button>}>
        <RainbowKitButton />
      </Suspense>
    );
  }
  return (
    <button type="button" className="button" onClick={() => setLoaded(true)} aria-haspopup="dialog">
      {label}
    </button>
  );
}
