// What an on-ramp session pays: a campaign of the platform's factory, or a stored payment
// session. Checked when the order is created so the relayer only meets orders it can settle.
import { erc20Abi, formatUnits, type Address, type Hex } from "viem";
import { campaignAbi, campaignFactoryAbi } from "../../../../generated/crowdstake.js";
import { ApiError } from "../http/errors.js";
import type { ApiContext } from "../module.js";
import { findPaymentSession } from "../payments/session-record.js";
import { findPayment } from "../merchants/onchain.js";
import { FACTORY, NATIVE } from "./chain.js";
import type { OrderKind } from "./orders.js";

/** Campaign `Status` (contracts/interfaces/ICampaign.sol). */
const STATUS_NAMES = ["Draft", "Scheduled", "Active", "Successful", "Failed", "Cancelled"];
const ACTIVE = 2;

export interface Target {
  kind: OrderKind;
  campaign: Address | null;
  paymentSessionId: Hex | null;
  asset: Address;
  amount: bigint;
  /** The asset's amount as a fiat amount at par (a USD stablecoin), when it has one. */
  parFiatAmount?: string;
}

async function parAmount(api: ApiContext, asset: Address, amount: bigint): Promise<string | undefined> {
  // The native coin has no par value: its orders must name their fiat price.
  if (asset === NATIVE) return undefined;
  const decimals = await api.client.readContract({ address: asset, abi: erc20Abi, functionName: "decimals" });
  const units = formatUnits(amount, decimals);
  // At par only when it is a whole number of cents.
  return /^\d+(\.\d{1,2})?$/.test(units) ? units : undefined;
}

export async function campaignTarget(api: ApiContext, campaign: Address, amount: bigint): Promise<Target> {
  const known = await api.client.readContract({ address: FACTORY, abi: campaignFactoryAbi, functionName: "isCampaign", args: [campaign] });
  if (!known) throw new ApiError("NOT_FOUND", "no campaign of this platform at that address", { campaign });
  // Refused now rather than after the card is charged: the relayer could not settle it.
  const [status, params, raised] = await Promise.all([
    api.client.readContract({ address: campaign, abi: campaignAbi, functionName: "status" }),
    api.client.readContract({ address: campaign, abi: campaignAbi, functionName: "params" }),
    api.client.readContract({ address: campaign, abi: campaignAbi, functionName: "totalRaised" }),
  ]);
  if (status !== ACTIVE) throw new ApiError("CONFLICT", "the campaign is not open for contributions", { campaign, status: STATUS_NAMES[status] ?? status });
  const fillsCap = params.cap !== 0n && raised + amount === params.cap;
  if (params.cap !== 0n && raised + amount > params.cap) throw new ApiError("CONFLICT", "the amount exceeds what the campaign's cap leaves", { remaining: (params.cap - raised).toString() });
  if (amount < params.minContribution && !fillsCap) throw new ApiError("INVALID_REQUEST", "the amount is below the campaign's minimum contribution", { fields: { amount: `at least ${params.minContribution}` } });
  const asset = params.asset.toLowerCase() as Address;
  return { kind: "contribution", campaign, paymentSessionId: null, asset, amount, parFiatAmount: await parAmount(api, asset, amount) };
}

export async function paymentTarget(api: ApiContext, id: Hex, beneficiary: Address, amount: bigint | undefined): Promise<Target> {
  let session;
  try {
    session = await findPaymentSession(api.store, id);
  } catch (error) {
    // Before the merchants module's migrations exist there are no sessions to pay.
    if (/payment_sessions.*does not exist/i.test((error as Error).message)) session = undefined;
    else throw error;
  }
  if (!session) throw new ApiError("NOT_FOUND", "no payment session with that id", { paymentSessionId: id });
  const { intent } = session;
  const due = BigInt(intent.amount);
  if (amount !== undefined && amount !== due) throw new ApiError("INVALID_REQUEST", "amount must equal the payment session's amount", { amount: due.toString() });
  if (intent.payer.toLowerCase() !== NATIVE && intent.payer.toLowerCase() !== beneficiary.toLowerCase()) {
    throw new ApiError("INVALID_REQUEST", "this payment session names another payer", { payer: intent.payer });
  }
  if (session.expiresAt.getTime() <= Date.now() || BigInt(intent.deadline) * 1000n <= BigInt(Date.now())) {
    throw new ApiError("CONFLICT", "the payment session has expired", { paymentSessionId: id });
  }
  // Charge a card at most once per session: refuse when it is paid or an order is under way.
  if (await findPayment(api, id)) throw new ApiError("CONFLICT", "the payment session is already paid", { paymentSessionId: id });
  const { rows } = await api.store.query<{ id: string }>(
    "SELECT id FROM onramp_orders WHERE payment_session_id = $1 AND status <> 'failed' LIMIT 1",
    [id.toLowerCase()],
  );
  if (rows[0]) throw new ApiError("CONFLICT", "a card payment for this session is already under way", { orderId: rows[0].id });
  const asset = intent.token.toLowerCase() as Address;
  return { kind: "payment", campaign: null, paymentSessionId: id, asset, amount: due, parFiatAmount: await parAmount(api, asset, due) };
}
