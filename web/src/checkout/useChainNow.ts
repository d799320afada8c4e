// "Now" for deadlines, ticking every second: the later of the wall clock and the chain's clock
// (see countdown.ts), as the escrow and the API judge expiry by the chain.
import { useEffect, useState } from "react";
import { useBlock } from "wagmi";
import { chainClockSkewMs } from "./countdown.ts";

export function useChainNow(tickMs = 1_000): number {
  const { data: block, dataUpdatedAt } = useBlock({ query: { refetchInterval: 30_000 } });
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  const skew = block ? chainClockSkewMs(block.timestamp, dataUpdatedAt) : 0;
  return now + skew;
}
