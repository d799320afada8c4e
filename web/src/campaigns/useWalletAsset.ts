// The connected wallet's side of a contribution, read from the chain: its balance of the
// campaign's asset, its allowance for the campaign, and — for an EIP-2612 token — the nonce
// and EIP-712 domain a permit needs.
import { useBalance, useReadContracts } from "wagmi";
import type { Address } from "viem";
import { erc20Abi } from "../lib/contracts.ts";
import { permitReads, permitSupport, type PermitSupport } from "../lib/permit.ts";
import { chain } from "../wagmi.ts";
import { isNativeAsset } from "./assets.ts";

export interface WalletAsset {
  /** every read has answered: only then is the way to contribute (permit, approve) known */
  ready: boolean;
  balance?: bigint;
  /** undefined for the native coin (nothing to approve) or while loading */
  allowance?: bigint;
  /** undefined when the token has no usable permit (or while loading) */
  permit?: PermitSupport;
}

export function useWalletAsset(asset: string, owner: Address | undefined, spender: Address): WalletAsset {
  const native = isNativeAsset(asset);
  const token = asset as Address;
  const nativeBalance = useBalance({ address: owner, query: { enabled: native && owner !== undefined, refetchInterval: 4_000 } });
  const reads = useReadContracts({
    contracts: owner
      ? [
          { address: token, abi: erc20Abi, functionName: "balanceOf", args: [owner] },
          { address: token, abi: erc20Abi, functionName: "allowance", args: [owner, spender] },
          ...permitReads(token, owner),
        ]
      : [],
    allowFailure: true,
    query: { enabled: !native && owner !== undefined, refetchInterval: 4_000 },
  });
  if (native) return { ready: nativeBalance.data !== undefined, balance: nativeBalance.data?.value };

  const [balance, allowance, ...permit] = reads.data ?? [];
  return {
    ready: reads.data !== undefined,
    balance: balance?.status === "success" ? (balance.result as bigint) : undefined,
    allowance: allowance?.status === "success" ? (allowance.result as bigint) : undefined,
    permit: permitSupport(permit, token, chain.id),
  };
}
