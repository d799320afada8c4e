// The connected wallet's side of a contribution, read from the chain: its balance of the
// campaign's asset, its allowance for the campaign, and — for an EIP-2612 token — the nonce
// and EIP-712 domain a permit needs.
import { useBalance, useReadContracts } from "wagmi";
import type { Address, Hex, TypedDataDomain } from "viem";
import { devStablecoinAbi, erc20Abi } from "../lib/contracts.ts";
import { chain } from "../wagmi.ts";
import { isNativeAsset } from "./assets.ts";
import { permitDomain, type Eip712DomainResult } from "./permit.ts";

export interface PermitSupport {
  nonce: bigint;
  domain: TypedDataDomain;
}

export interface WalletAsset {
  /** every read has answered: only then is the way to contribute (permit, approve) known */
  ready: boolean;
  balance?: bigint;
  /** undefined for the native coin (nothing to approve) or while loading */
  allowance?: bigint;
  /** undefined when the token has no usable permit (or while loading) */
  permit?: PermitSupport;
}

// DevStablecoin's ABI stands in for any ERC20Permit token: nonces, eip712Domain, name and
// DOMAIN_SEPARATOR are the standard (EIP-2612 / ERC-5267) signatures.
const permitAbi = devStablecoinAbi;

export function useWalletAsset(asset: string, owner: Address | undefined, spender: Address): WalletAsset {
  const native = isNativeAsset(asset);
  const token = asset as Address;
  const nativeBalance = useBalance({ address: owner, query: { enabled: native && owner !== undefined, refetchInterval: 4_000 } });
  const reads = useReadContracts({
    contracts: owner
      ? [
          { address: token, abi: erc20Abi, functionName: "balanceOf", args: [owner] },
          { address: token, abi: erc20Abi, functionName: "allowance", args: [owner, spender] },
          { address: token, abi: permitAbi, functionName: "nonces", args: [owner] },
          { address: token, abi: permitAbi, functionName: "eip712Domain" },
          { address: token, abi: permitAbi, functionName: "name" },
          { address: token, abi: permitAbi, functionName: "DOMAIN_SEPARATOR" },
        ]
      : [],
    allowFailure: true,
    query: { enabled: !native && owner !== undefined, refetchInterval: 4_000 },
  });
  if (native) return { ready: nativeBalance.data !== undefined, balance: nativeBalance.data?.value };

  const [balance, allowance, nonce, domain, name, separator] = reads.data ?? [];
  const ok = <T,>(read: { status: string; result?: unknown } | undefined) => (read?.status === "success" ? (read.result as T) : undefined);
  const nonceValue = ok<bigint>(nonce);
  const permitDomainValue =
    nonceValue === undefined
      ? undefined
      : permitDomain({ eip712Domain: ok<Eip712DomainResult>(domain), name: ok<string>(name), domainSeparator: ok<Hex>(separator) }, token, chain.id);
  return {
    ready: reads.data !== undefined,
    balance: ok<bigint>(balance),
    allowance: ok<bigint>(allowance),
    permit: nonceValue !== undefined && permitDomainValue ? { nonce: nonceValue, domain: permitDomainValue } : undefined,
  };
}
