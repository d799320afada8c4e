// The EIP-712 typed data the platform signs: EIP-2612 permits (campaign contributions, staking,
// payments) and PaymentEscrow payment intents. One definition for tests, scripts and benchmarks.
import { Signature, type Signer, type TypedDataDomain } from "ethers";

export const PERMIT_TYPES = {
  Permit: [
    { name: "owner", type: "address" },
    { name: "spender", type: "address" },
    { name: "value", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};

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
};

export interface SplitArg {
  recipient: string;
  bps: number;
}

export interface PaymentIntent {
  id: string;
  merchant: string;
  token: string;
  amount: bigint;
  deadline: bigint;
  payer: string;
  splits: SplitArg[];
  metadataHash: string;
}

/** The escrow's EIP-712 domain on a chain. */
export function escrowDomain(chainId: bigint, escrow: string): TypedDataDomain {
  return { name: "Crowdstake PaymentEscrow", version: "1", chainId, verifyingContract: escrow };
}

interface PermitToken {
  getAddress(): Promise<string>;
  name(): Promise<string>;
  nonces(owner: string): Promise<bigint>;
}

/** Signs an EIP-2612 permit of `token` (OpenZeppelin ERC20Permit, version "1") for `spender`. */
export async function signPermit(
  token: PermitToken,
  owner: Signer,
  spender: string,
  value: bigint,
  deadline: bigint,
): Promise<Signature> {
  const network = await owner.provider!.getNetwork();
  const ownerAddress = await owner.getAddress();
  const domain = { name: await token.name(), version: "1", chainId: network.chainId, verifyingContract: await token.getAddress() };
  const message = { owner: ownerAddress, spender, value, nonce: await token.nonces(ownerAddress), deadline };
  return Signature.from(await owner.signTypedData(domain, PERMIT_TYPES, message));
}
