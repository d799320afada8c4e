// The EIP-712 typed data the platform signs: EIP-2612 permits (campaign contributions, staking,
// payments) and PaymentEscrow payment intents. One definition for tests, scripts and benchmarks.
import { Signature, concat, getAddress, hexlify, randomBytes, toBeHex, type Signer, type TypedDataDomain } from "ethers";
import * as types from "./eip712-types.js";

// The type definitions themselves live in an ethers-free module (eip712-types.ts) so the web app
// and its browser tests (viem) share them; re-exported here typed as ethers takes them (mutable
// arrays; nothing mutates them).
type EthersTypes<T> = { -readonly [K in keyof T]: { name: string; type: string }[] };
export const PERMIT_TYPES = types.PERMIT_TYPES as unknown as EthersTypes<typeof types.PERMIT_TYPES>;
/** PaymentEscrow's intent: `PaymentIntent(bytes32 id,…,Split[] splits,bytes32 metadataHash)Split(address recipient,uint16 bps)`. */
export const INTENT_TYPES = types.INTENT_TYPES as unknown as EthersTypes<typeof types.INTENT_TYPES>;

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

const SALT_BITS = 96n;
const SALT_MAX = (1n << SALT_BITS) - 1n;

/**
 * A PaymentEscrow intent id for `merchant`: `bytes32(bytes20(merchant)) | salt` (the escrow refuses an id whose
 * top 20 bytes are not the intent's merchant). `salt` (< 2^96) is random unless given; give one for
 * reproducible ids (e.g. derived from an order number).
 */
export function newPaymentId(merchant: string, salt?: bigint): string {
  if (salt !== undefined && (salt < 0n || salt > SALT_MAX)) throw new RangeError(`payment id salt must fit in 96 bits: ${salt}`);
  const low = salt === undefined ? randomBytes(12) : toBeHex(salt, 12);
  return hexlify(concat([getAddress(merchant), low])).toLowerCase();
}

/** The merchant a PaymentEscrow intent id belongs to (its top 20 bytes), checksummed. */
export function paymentIdMerchant(id: string): string {
  if (!/^0x[0-9a-fA-F]{64}$/.test(id)) throw new TypeError(`not a bytes32 id: ${id}`);
  return getAddress(id.slice(0, 42));
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
