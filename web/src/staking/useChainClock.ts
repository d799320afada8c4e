// Chain time, ticking every second. The pending block's timestamp is what the next transaction
// will see (a local node answers it with its moved clock); nodes without a pending block give
// the latest one.
import { useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { usePublicClient } from "wagmi";
import { chainNow } from "./clock.ts";

export function useChainClock(): bigint {
  const client = usePublicClient();
  const { data, dataUpdatedAt } = useQuery({
    queryKey: ["chain-clock", client?.chain.id],
    queryFn: async () => {
      const block = await client!.getBlock({ blockTag: "pending" }).catch(() => client!.getBlock({ blockTag: "latest" }));
      return block.timestamp;
    },
    enabled: !!client,
    refetchInterval: 10_000,
  });
  const [wallMs, setWallMs] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setWallMs(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return chainNow(data, dataUpdatedAt, wallMs);
}
