// Pending rewards in each pool the wallet has a position in, from the chain (the indexer does not
// know them): earned(account) with what the live counter needs to project it to the chain's clock,
// so this page and the pool page agree. Keyed by lower-case pool address.
import { useMemo } from "react";
import { useReadContracts } from "wagmi";
import { getAddress, type Address } from "viem";
import { stakingPoolAbi } from "../lib/contracts.ts";
import type { EarnedSnapshot } from "../staking/earned.ts";

const READS = ["earned", "balanceOf", "totalSupply", "rewardRate", "periodFinish", "lastTimeRewardApplicable"] as const;

export function usePositionsEarned(pools: readonly string[], account: Address | undefined): ReadonlyMap<string, EarnedSnapshot> {
  const { data } = useReadContracts({
    contracts: pools.flatMap((pool) =>
      READS.map((functionName) => ({
        address: getAddress(pool),
        abi: stakingPoolAbi,
        functionName,
        args: functionName === "earned" || functionName === "balanceOf" ? [account!] : [],
      })),
    ),
    query: { enabled: !!account && pools.length > 0, refetchInterval: 4_000 },
  });
  return useMemo(() => {
    const map = new Map<string, EarnedSnapshot>();
    pools.forEach((pool, i) => {
      const results = data?.slice(i * READS.length, (i + 1) * READS.length);
      if (!results || results.length < READS.length || results.some((r) => r.status !== "success")) return;
      const [earned, balance, totalSupply, rewardRate, periodFinish, readAt] = results.map((r) => r.result as bigint) as [bigint, bigint, bigint, bigint, bigint, bigint];
      map.set(pool.toLowerCase(), { earned, balance, totalSupply, rewardRate, periodFinish, readAt });
    });
    return map;
  }, [data, pools]);
}
