// EIP-2612 permits for contributeWithPermit: the token's EIP-712 domain (from ERC-5267
// `eip712Domain()` when the token has it, else its name with version "1"), the typed data to
// sign, and the signature split into v, r, s. A domain that does not hash to the token's own
// DOMAIN_SEPARATOR is refused, so we never ask for a signature the token would reject.
import { domainSeparator, parseSignature, type Address, type Hex, type TypedDataDomain } from "viem";

/** What `eip712Domain()` returns: fields bitmap, name, version, chainId, verifyingContract, salt, extensions. */
export type Eip712DomainResult = readonly [Hex, string, string, bigint, Address, Hex, readonly bigint[]];

export interface DomainReads {
  eip712Domain?: Eip712DomainResult;
  name?: string;
  domainSeparator?: Hex;
}

export function permitDomain(reads: DomainReads, token: Address, chainId: number): TypedDataDomain | undefined {
  let domain: TypedDataDomain | undefined;
  if (reads.eip712Domain) {
    const [fields, name, version, domainChainId, verifyingContract, salt] = reads.eip712Domain;
    const bits = Number(BigInt(fields));
    domain = {};
    if (bits & 0x01) domain.name = name;
    if (bits & 0x02) domain.version = version;
    if (bits & 0x04) domain.chainId = Number(domainChainId);
    if (bits & 0x08) domain.verifyingContract = verifyingContract;
    if (bits & 0x10) domain.salt = salt;
  } else if (reads.name !== undefined) {
    domain = { name: reads.name, version: "1", chainId, verifyingContract: token };
  }
  if (!domain) return undefined;
  if (reads.domainSeparator && domainSeparator({ domain }).toLowerCase() !== reads.domainSeparator.toLowerCase()) return undefined;
  return domain;
}

export const PERMIT_TYPES = {
  Permit: [
    { name: "owner", type: "address" },
    { name: "spender", type: "address" },
    { name: "value", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

export interface PermitMessage {
  owner: Address;
  spender: Address;
  value: bigint;
  nonce: bigint;
  deadline: bigint;
}

export function permitTypedData(domain: TypedDataDomain, message: PermitMessage) {
  return { domain, types: PERMIT_TYPES, primaryType: "Permit" as const, message };
}

/** v (27/28), r, s of a 65-byte signature, as contributeWithPermit takes them. */
export function signatureParts(signature: Hex): { v: number; r: Hex; s: Hex } {
  const { r, s, v, yParity } = parseSignature(signature);
  return { v: v !== undefined ? Number(v) : yParity + 27, r, s };
}
