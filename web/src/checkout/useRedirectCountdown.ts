// Sends the payer back to the merchant a few seconds after "Paid" shows, so they see it first.
// Returns the seconds left (undefined when there is nowhere to go). If the browser blocks the
// navigation the page stays, and the caller's visible link still works.
import { useEffect, useState } from "react";

const leavePage = (url: string) => window.location.assign(url);

export function useRedirectCountdown(url: string | undefined, enabled: boolean, delaySeconds = 3, navigate = leavePage): number | undefined {
  const [left, setLeft] = useState(delaySeconds);
  const active = enabled && url !== undefined;
  useEffect(() => {
    if (!active) return;
    setLeft(delaySeconds);
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = Math.max(0, delaySeconds - Math.floor((Date.now() - started) / 1_000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        navigate(url!);
      }
    }, 250);
    return () => clearInterval(timer);
  }, [active, url, delaySeconds, navigate]);
  return active ? left : undefined;
}
