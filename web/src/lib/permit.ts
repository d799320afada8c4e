// EIP-2612 permits, the one implementation behind contributeWithPermit (campaigns),
// payWithPermit (checkout) and stakeWithPermit (staking):
// - the token's EIP-712 domain: from ERC-5267 `eip712Domain()` (honouring its fields bitmap)
//   when the token has it, else its `name()` with version "1"; a domain that does not hash to the
//   token's own DOMAIN_SEPARATOR (when it exposes one) is refused, so we never ask for a signature
//   the token would reject;
// - the typed data to sign, and the signature split into v, r, s as `permit` takes them.
import { domainSeparator, parseAbi, parseSignature, type Address, type Hex, type TypedDataDomain } from "viem";
// The platform's one definition of the Permit type (ethers-free, shared with scripts and tests).
import { PERMIT_TYPES } from "../../../scripts/lib/eip712-types.ts";

export { PERMIT_TYPES };

/** The reads a permit needs, in any ERC20Permit token (EIP-2612 / ERC-5267 signatures). */
export const permitReadAbi = parseAbi([
  "function nonces(address owner) view returns (uint256)",
  "function eip712Domain() view returns (bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)",
  "function name() view returns (string)",
  "function DOMAIN_SEPARATOR() view returns (bytes32)",
]);

/** What `eip712Domain()` returns: fields bitmap, name, version, chainId, verifyingContract, salt, extensions. */
export type Eip712DomainResult = readonly [Hex, string, string, bigint, Address, Hex, readonly bigint[]];

/** The token's answers to eip712Domain(), name() and DOMAIN_SEPARATOR(); undefined where a call failed. */
export interface DomainReads {
  eip712Domain?: Eip712DomainResult;
  name?: string;
  domainSeparator?: Hex;
}

/** The token's EIP-712 domain, or undefined when it cannot be known (or does not match DOMAIN_SEPARATOR). */
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

/** The four permit reads of `owner` on `token`, to spread into a useReadContracts list (allowFailure: a token without permits fails them). */
export function permitReads(token: Address, owner: Address) {
  return [
    { address: token, abi: permitReadAbi, functionName: "nonces", args: [owner] },
    { address: token, abi: permitReadAbi, functionName: "eip712Domain" },
    { address: token, abi: permitReadAbi, functionName: "name" },
    { address: token, abi: permitReadAbi, functionName: "DOMAIN_SEPARATOR" },
  ] as const;
}

type ReadResult = { status: "success" | "failure"; result?: unknown } | undefined;

/** What signing a permit takes: the owner's nonce and the token's verified domain. */
export interface PermitSupport {
  nonce: bigint;
  domain: TypedDataDomain;
}

/**
 * The answers to `permitReads` (in its order) as a permit's nonce and domain, or undefined when
 * the token has no usable permit (no nonces(), or a domain permitDomain cannot build or verify).
 */
export function permitSupport(reads: readonly ReadResult[], token: Address, chainId: number): PermitSupport | undefined {
  const [nonce, eip712Domain, name, separator] = reads;
  const ok = <T,>(read: ReadResult) => (read?.status === "success" ? (read.result as T) : undefined);
  const nonceValue = ok<bigint>(nonce);
  if (nonceValue === undefined) return undefined;
  const domain = permitDomain({ eip712Domain: ok<Eip712DomainResult>(eip712Domain), name: ok<string>(name), domainSeparator: ok<Hex>(separator) }, token, chainId);
  return domain ? { nonce: nonceValue, domain } : undefined;
}

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

/** v (27 or 28, whatever form the wallet returned), r, s of a 65-byte signature. */
export function signatureParts(signature: Hex): { v: number; r: Hex; s: Hex } {
  const { r, s, v, yParity } = parseSignature(signature);
  return { v: v !== undefined ? Number(v) : (yParity ?? 0) + 27, r, s };
}

/**
 * How long a permit stays valid, in seconds, measured on the chain's clock (the latest block's
 * timestamp, not the local clock: a test chain may run ahead).
 */
export const PERMIT_LIFETIME = 30n * 60n;
