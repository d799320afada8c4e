// EIP-2612 permits for stakeWithPermit: the typed data to sign, built from the token's own
// EIP-5267 domain (eip712Domain()), so name and version are what the token checks.
import { parseSignature, type Address, type Hex } from "viem";

/** eip712Domain()'s return: fields, name, version, chainId, verifyingContract, salt, extensions. */
export type Eip712DomainResult = readonly [Hex, string, string, bigint, Address, Hex, readonly bigint[]];

export interface PermitRequest {
  domain: Eip712DomainResult;
  owner: Address;
  spender: Address;
  value: bigint;
  nonce: bigint;
  deadline: bigint;
}

const PERMIT_TYPES = {
  Permit: [
    { name: "owner", type: "address" },
    { name: "spender", type: "address" },
    { name: "value", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

export function permitTypedData(request: PermitRequest) {
  const [, name, version, chainId, verifyingContract] = request.domain;
  return {
    domain: { name, version, chainId, verifyingContract },
    types: PERMIT_TYPES,
    primaryType: "Permit" as const,
    message: { owner: request.owner, spender: request.spender, value: request.value, nonce: request.nonce, deadline: request.deadline },
  };
}

/** v, r, s of a 65-byte signature, as stakeWithPermit takes them. */
export function splitSignature(signature: Hex): { v: number; r: Hex; s: Hex } {
  const { v, r, s, yParity } = parseSignature(signature);
  return { v: v !== undefined ? Number(v) : (yParity ?? 0) + 27, r, s };
}

/** How long a permit stays valid, from the chain's clock. */
export const PERMIT_LIFETIME = 30n * 60n;
