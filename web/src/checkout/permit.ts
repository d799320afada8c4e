// EIP-2612 permits for the escrow's `payWithPermit`: the token's own EIP-712 domain comes from
// EIP-5267 `eip712Domain()` (so the name and version are the token's, not guessed), and the
// signature is split into (v, r, s) as the token's `permit` expects.
import { parseAbi, parseSignature, type Address, type Hex } from "viem";

export const permitReadAbi = parseAbi([
  "function nonces(address owner) view returns (uint256)",
  "function eip712Domain() view returns (bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)",
]);

export const PERMIT_TYPES = {
  Permit: [
    { name: "owner", type: "address" },
    { name: "spender", type: "address" },
    { name: "value", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

export interface TokenDomain {
  name: string;
  version: string;
  chainId: bigint;
  verifyingContract: Address;
}

export function permitTypedData(args: { domain: TokenDomain; owner: Address; spender: Address; value: bigint; nonce: bigint; deadline: bigint }) {
  const { domain, owner, spender, value, nonce, deadline } = args;
  return {
    domain: { name: domain.name, version: domain.version, chainId: domain.chainId, verifyingContract: domain.verifyingContract },
    types: PERMIT_TYPES,
    primaryType: "Permit" as const,
    message: { owner, spender, value, nonce, deadline },
  };
}

/** (v, r, s) of a 65-byte signature; v is 27 or 28 whatever form the wallet returned. */
export function splitPermitSignature(signature: Hex): { v: number; r: Hex; s: Hex } {
  const { r, s, v, yParity } = parseSignature(signature);
  return { v: v !== undefined ? Number(v) : yParity + 27, r, s };
}
