// Symbol and decimals of ERC-20 tokens, read from the chain once (they never change), keyed by
// lower-case address. The zero address is the native coin.
import { useMemo } from "react";
import { useReadContracts } from "wagmi";
import { getAddress, isAddress, zeroAddress } from "viem";
import { erc20Abi } from "../lib/contracts.ts";
import { chain } from "../wagmi.ts";
import type { TokenInfo, TokenMap } from "./tokens.ts";

const NATIVE: TokenInfo = { symbol: chain.nativeCurrency.symbol, decimals: chain.nativeCurrency.decimals };

export function useTokens(addresses: readonly (string | null | undefined)[]): TokenMap {
  // A stable list for a stable key, whatever array the caller builds on each render.
  const key = [...new Set(addresses.filter((a): a is string => !!a && isAddress(a)).map((a) => a.toLowerCase()))].sort().join(",");
  const unique = useMemo(() => (key ? key.split(",") : []), [key]);
  const erc20s = useMemo(() => unique.filter((a) => a !== zeroAddress), [unique]);
  const { data } = useReadContracts({
    contracts: erc20s.flatMap((address) => [
      { address: getAddress(address), abi: erc20Abi, functionName: "symbol" } as const,
      { address: getAddress(address), abi: erc20Abi, functionName: "decimals" } as const,
    ]),
    query: { enabled: erc20s.length > 0, staleTime: Infinity },
  });
  return useMemo(() => {
    const map = new Map<string, TokenInfo>();
    if (unique.includes(zeroAddress)) map.set(zeroAddress, NATIVE);
    erc20s.forEach((address, i) => {
      const symbol = data?.[2 * i];
      const decimals = data?.[2 * i + 1];
      if (symbol?.status === "success" && decimals?.status === "success") {
        map.set(address, { symbol: symbol.result as string, decimals: Number(decimals.result) });
      }
    });
    return map;
  }, [data, unique, erc20s]);
}
