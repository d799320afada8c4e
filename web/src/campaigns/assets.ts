// Symbol and decimals of the assets campaigns raise: the native coin from the chain's config,
// an ERC-20 read from the chain (one batched read for a whole page). The local stablecoin is
// known up front so its amounts show before the read returns.
import { useMemo } from "react";
import { useReadContracts } from "wagmi";
import { zeroAddress, type Address } from "viem";
import { erc20Abi } from "../lib/contracts.ts";
import { contractAddress } from "../config.ts";
import { chain } from "../wagmi.ts";

export interface AssetInfo {
  symbol: string;
  decimals: number;
}

export const NATIVE_ASSET: AssetInfo = { symbol: chain.nativeCurrency.symbol, decimals: chain.nativeCurrency.decimals };
const DEV_STABLECOIN: AssetInfo = { symbol: "cUSD", decimals: 6 };

export function isNativeAsset(asset: string): boolean {
  return asset.toLowerCase() === zeroAddress;
}

/** What is known without a read: the native coin and the deployment's own stablecoin. */
export function knownAsset(asset: string): AssetInfo | undefined {
  if (isNativeAsset(asset)) return NATIVE_ASSET;
  const stablecoin = contractAddress("DevStablecoin");
  return stablecoin && stablecoin.toLowerCase() === asset.toLowerCase() ? DEV_STABLECOIN : undefined;
}

/**
 * Looks up the assets' symbol and decimals; the returned function gives undefined while an
 * asset is still loading. A token that does not answer `symbol()` shows as "tokens", one that
 * does not answer `decimals()` as 18 (the ERC-20 default).
 */
export function useAssetInfo(assets: readonly string[]): (asset: string) => AssetInfo | undefined {
  const tokens = useMemo(() => [...new Set(assets.map((asset) => asset.toLowerCase()))].filter((asset) => !isNativeAsset(asset)) as Address[], [assets]);
  const { data, isError } = useReadContracts({
    contracts: tokens.flatMap((address) => [
      { address, abi: erc20Abi, functionName: "symbol" } as const,
      { address, abi: erc20Abi, functionName: "decimals" } as const,
    ]),
    allowFailure: true,
    // A token's symbol and decimals never change.
    query: { enabled: tokens.length > 0, staleTime: Infinity, refetchInterval: false },
  });
  return useMemo(() => {
    const read = new Map<string, AssetInfo>();
    tokens.forEach((address, index) => {
      const symbol = data?.[index * 2];
      const decimals = data?.[index * 2 + 1];
      if (!symbol || !decimals) return;
      read.set(address, {
        symbol: symbol.status === "success" ? String(symbol.result) : "tokens",
        decimals: decimals.status === "success" ? Number(decimals.result) : 18,
      });
    });
    return (asset: string) => knownAsset(asset) ?? read.get(asset.toLowerCase()) ?? (isError ? { symbol: "tokens", decimals: 18 } : undefined);
  }, [tokens, data, isError]);
}
