// A card payment toward a campaign: the body of POST /v1/onramp/sessions (README "On-ramp
// providers"; indexer/src/api/onramp/routes.ts) built from the form, with each field checked
// first, and what the order's status means to the person paying.
import { isAddress } from "viem";
import type { AssetInfo } from "./assets.ts";
import { validateContribution, type ContributionRules } from "./contribution.ts";
import type { OnrampStatus } from "./queries.ts";

/** The provider this app offers; the only one that runs offline. */
export const CARD_PROVIDER = "simulated";
export const FIAT_CURRENCY = "USD";

export interface CardSessionBody {
  provider: typeof CARD_PROVIDER;
  campaign: string;
  beneficiary: string;
  amount: string;
  /** required for the native coin, which has no par price */
  fiat?: { amount: string; currency: string };
}

export interface CardForm {
  beneficiary: string;
  amount: string;
  /** the price in FIAT_CURRENCY, for a native-coin campaign */
  fiatAmount: string;
}

export type CardFormErrors = Partial<Record<keyof CardForm, string>>;

export function buildCardSession(
  campaign: string,
  form: CardForm,
  asset: AssetInfo & { native: boolean },
  rules: ContributionRules,
): { body: CardSessionBody } | { errors: CardFormErrors } {
  const errors: CardFormErrors = {};
  const beneficiary = form.beneficiary.trim();
  if (!beneficiary) errors.beneficiary = "Enter the address that receives the campaign tokens.";
  else if (!isAddress(beneficiary)) errors.beneficiary = "That is not a valid address (0x followed by 40 hex characters, checksum case respected).";
  // The card pays, so the wallet's balance does not matter here.
  const amount = validateContribution(form.amount, asset, rules, { contributed: 0n });
  if ("error" in amount) errors.amount = amount.error;
  const fiat = form.fiatAmount.trim();
  if (asset.native && !/^\d+(\.\d{1,2})?$/.test(fiat)) errors.fiatAmount = `Enter the price in ${FIAT_CURRENCY}, like 25 or 19.99`;
  else if (asset.native && /^0+(\.0+)?$/.test(fiat)) errors.fiatAmount = "The price must be more than 0";
  if (Object.keys(errors).length > 0 || "error" in amount) return { errors };
  return {
    body: {
      provider: CARD_PROVIDER,
      campaign: campaign.toLowerCase(),
      beneficiary: beneficiary.toLowerCase(),
      amount: amount.value.toString(),
      ...(asset.native ? { fiat: { amount: fiat, currency: FIAT_CURRENCY } } : {}),
    },
  };
}

export const ORDER_STATUS_TEXT: Record<OnrampStatus, string> = {
  received: "Waiting for your card payment",
  paid: "Paid: your contribution is being prepared",
  submitted: "Paid: your contribution is being recorded on-chain",
  settled: "Done: your contribution is recorded",
  failed: "Failed",
};

/** Nothing more will change: failed, or settled and its contribution indexed (the link lags the relayer). */
export function isOrderDone(order: { status: string; contribution: unknown } | null | undefined): boolean {
  return order?.status === "failed" || (order?.status === "settled" && order.contribution !== null && order.contribution !== undefined);
}
