// Symbol and decimals of the tokens payments are made in, read from the chain (GraphQL has no
// token table). The zero address is the chain's native coin.
import { useMemo } from "react";
import { erc20Abi, getAddress, zeroAddress, type Address } from "viem";
import { useReadContracts } from "wagmi";
import { chain } from "../wagmi.ts";

export interface TokenInfo {
  symbol: string;
  decimals: number;
}

export const NATIVE_TOKEN: TokenInfo = { symbol: chain.nativeCurrency.symbol, decimals: chain.nativeCurrency.decimals };

export function isNativeToken(token: string): boolean {
  return token.toLowerCase() === zeroAddress;
}

/** Token info by lower-case address; a token still loading (or not an ERC-20) is missing. */
export function useTokenInfo(tokens: readonly string[]): { byToken: Record<string, TokenInfo>; isLoading: boolean } {
  const erc20s = useMemo(
    () => [...new Set(tokens.map((token) => token.toLowerCase()))].filter((token) => !isNativeToken(token)).map((token) => getAddress(token) as Address),
    [tokens],
  );
  const contracts = erc20s.flatMap((address) => [
    { address, abi: erc20Abi, functionName: "symbol" } as const,
    { address, abi: erc20Abi, functionName: "decimals" } as const,
  ]);
  const { data, isLoading } = useReadContracts({ contracts, query: { enabled: contracts.length > 0, staleTime: Infinity } });
  const byToken = useMemo(() => {
    const map: Record<string, TokenInfo> = { [zeroAddress]: NATIVE_TOKEN };
    erc20s.forEach((address, index) => {
      const symbol = data?.[index * 2];
      const decimals = data?.[index * 2 + 1];
      if (symbol?.status === "success" && decimals?.status === "success") {
        map[address.toLowerCase()] = { symbol: symbol.result as string, decimals: Number(decimals.result) };
      }
    });
    return map;
  }, [data, erc20s]);
  return { byToken, isLoading };
}
