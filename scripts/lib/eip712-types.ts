// The EIP-712 types the platform signs, as plain constants (no ethers, no viem): EIP-2612 permits
// and PaymentEscrow payment intents. scripts/lib/eip712.ts re-exports them for the ethers side
// (tests, scripts, the indexer); the web app and its browser tests import this file directly.
export const PERMIT_TYPES = {
  Permit: [
    { name: "owner", type: "address" },
    { name: "spender", type: "address" },
    { name: "value", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

/** PaymentEscrow's intent: `PaymentIntent(bytes32 id,…,Split[] splits,bytes32 metadataHash)Split(address recipient,uint16 bps)`. */
export const INTENT_TYPES = {
  PaymentIntent: [
    { name: "id", type: "bytes32" },
    { name: "merchant", type: "address" },
    { name: "token", type: "address" },
    { name: "amount", type: "uint256" },
    { name: "deadline", type: "uint256" },
    { name: "payer", type: "address" },
    { name: "splits", type: "Split[]" },
    { name: "metadataHash", type: "bytes32" },
  ],
  Split: [
    { name: "recipient", type: "address" },
    { name: "bps", type: "uint16" },
  ],
} as const;
