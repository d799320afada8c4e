// Platform actions the projection suites drive on the test chain: campaigns, pools and signed
// payment intents, each through the real contracts with the harness's accounts.
import { parseEventLogs, type Address, type Hex } from "viem";
import { campaignAbi, campaignFactoryAbi, devStablecoinAbi, paymentEscrowAbi, stakingPoolAbi } from "../../generated/crowdstake.js";
import { INTENT_TYPES, newPaymentId } from "../../scripts/lib/eip712.js";
import { NO_POOL, poolConfig, ZERO_ADDRESS, type PoolOptions } from "../../scripts/lib/pool-config.js";
import type { Chain } from "./harness/chain.js";

export { ZERO_ADDRESS };
export const cusd = (whole: number | bigint) => BigInt(whole) * 10n ** 6n;
export const ether = (whole: number | bigint) => BigInt(whole) * 10n ** 18n;
export const DAY = 86_400n;

/** Account `index`'s address, lower-case as the projection stores it. */
export const addressOf = (chain: Chain, index: number) => chain.accounts[index]!.address.toLowerCase() as Address;

export async function chainTime(chain: Chain): Promise<bigint> {
  return (await chain.public.getBlock({ blockTag: "latest" })).timestamp;
}

/** Moves the chain's clock and mines a block at the new time. */
export async function advance(chain: Chain, seconds: bigint): Promise<void> {
  await chain.test.increaseTime({ seconds: Number(seconds) });
  await chain.test.mine({ blocks: 1 });
}

export async function mintCusd(chain: Chain, to: Address, amount: bigint): Promise<void> {
  await chain.write(0, { address: chain.addresses.DevStablecoin, abi: devStablecoinAbi, functionName: "mint", args: [to, amount] });
}

export async function approveCusd(chain: Chain, from: number, spender: Address, amount: bigint): Promise<void> {
  await chain.write(from, { address: chain.addresses.DevStablecoin, abi: devStablecoinAbi, functionName: "approve", args: [spender, amount] });
}

async function logsOf(chain: Chain, hash: Hex) {
  return (await chain.public.getTransactionReceipt({ hash })).logs;
}

export interface CampaignSetup {
  asset?: Address;
  start: bigint;
  end: bigint;
  goal: bigint;
  cap?: bigint;
  minContribution?: bigint;
  maxPerBacker?: bigint;
  rate?: bigint;
  owner: Address;
  name?: string;
}

/** Creates (account #0, the campaign creator) and returns the campaign, token and pool addresses. */
export async function createCampaign(chain: Chain, setup: CampaignSetup, pool?: PoolOptions) {
  const params = {
    owner: setup.owner,
    start: setup.start,
    asset: setup.asset ?? chain.addresses.DevStablecoin,
    end: setup.end,
    goal: setup.goal,
    cap: setup.cap ?? 0n,
    minContribution: setup.minContribution ?? 1n,
    maxPerBacker: setup.maxPerBacker ?? 0n,
    rate: setup.rate ?? 10n ** 30n,
    metadataURI: `data:application/json,{"name":"${setup.name ?? "Test"}"}`,
  };
  const { hash } = await chain.write(0, {
    address: chain.addresses.CampaignFactory,
    abi: campaignFactoryAbi,
    functionName: "createCampaign",
    args: [params, setup.name ?? "Test", "TST", pool !== undefined, pool ? poolConfig(pool) : NO_POOL],
  });
  const [created] = parseEventLogs({ abi: campaignFactoryAbi, logs: await logsOf(chain, hash), eventName: "CampaignCreated" });
  return { campaign: created!.args.campaign.toLowerCase() as Address, token: created!.args.token.toLowerCase() as Address, pool: created!.args.pool.toLowerCase() as Address };
}

/** A standalone pool created by the factory (account #0 creates it). */
export async function createPool(chain: Chain, options: PoolOptions): Promise<Address> {
  const { hash } = await chain.write(0, { address: chain.addresses.CampaignFactory, abi: campaignFactoryAbi, functionName: "createPool", args: [poolConfig(options)] });
  const [created] = parseEventLogs({ abi: campaignFactoryAbi, logs: await logsOf(chain, hash), eventName: "PoolCreated" });
  return created!.args.pool.toLowerCase() as Address;
}

export function campaignCall(chain: Chain, from: number, campaign: Address, functionName: string, args: readonly unknown[] = [], value?: bigint) {
  return chain.write(from, { address: campaign, abi: campaignAbi, functionName, args, value });
}

export function poolCall(chain: Chain, from: number, pool: Address, functionName: string, args: readonly unknown[] = []) {
  return chain.write(from, { address: pool, abi: stakingPoolAbi, functionName, args });
}

/** The events a pool emitted in one transaction, decoded. */
export async function poolEvents(chain: Chain, hash: Hex) {
  return parseEventLogs({ abi: stakingPoolAbi, logs: await logsOf(chain, hash) });
}

export function escrowCall(chain: Chain, from: number, functionName: string, args: readonly unknown[] = [], value?: bigint) {
  return chain.write(from, { address: chain.addresses.PaymentEscrow, abi: paymentEscrowAbi, functionName, args, value });
}

export interface Intent {
  id: Hex;
  merchant: Address;
  token: Address;
  amount: bigint;
  deadline: bigint;
  payer: Address;
  splits: { recipient: Address; bps: number }[];
  metadataHash: Hex;
}

/** An intent of the merchant (account `merchantIndex`), with a fresh merchant-bound id, signed by the merchant. */
export async function signedIntent(chain: Chain, merchantIndex: number, fields: { token: Address; amount: bigint; deadline: bigint; splits?: Intent["splits"] }) {
  const wallet = chain.wallet(merchantIndex);
  const merchant = wallet.account.address;
  const intent: Intent = {
    id: newPaymentId(merchant) as Hex,
    merchant,
    token: fields.token,
    amount: fields.amount,
    deadline: fields.deadline,
    payer: ZERO_ADDRESS as Address,
    splits: fields.splits ?? [],
    metadataHash: `0x${"ab".repeat(32)}`,
  };
  const signature = await wallet.signTypedData({
    account: wallet.account,
    domain: { name: "Crowdstake PaymentEscrow", version: "1", chainId: 31337, verifyingContract: chain.addresses.PaymentEscrow },
    types: INTENT_TYPES,
    primaryType: "PaymentIntent",
    message: intent as never,
  });
  return { intent, signature };
}

/** Pays an intent from account `payerIndex` (approving the escrow first for an ERC-20). */
export async function pay(chain: Chain, payerIndex: number, signed: { intent: Intent; signature: Hex }) {
  const native = signed.intent.token === ZERO_ADDRESS;
  if (!native) await approveCusd(chain, payerIndex, chain.addresses.PaymentEscrow, signed.intent.amount);
  return escrowCall(chain, payerIndex, "pay", [signed.intent, signed.signature], native ? signed.intent.amount : undefined);
}
