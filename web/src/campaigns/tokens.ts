// The campaign token a contribution buys (README "Decisions": rate is campaign-token base
// units per asset base unit, 1e18 fixed point; campaign tokens have 18 decimals).

export const RATE_UNIT = 10n ** 18n;
export const CAMPAIGN_TOKEN_DECIMALS = 18;

/** Campaign.tokensFor: amount × rate / 1e18, rounded down like the contract. */
export function tokensFor(amount: bigint, rate: bigint): bigint {
  return (amount * rate) / RATE_UNIT;
}

/** Campaign tokens (base units) for one whole unit of the asset, e.g. 100 SUN per 1 cUSD. */
export function tokensPerWholeUnit(rate: bigint, assetDecimals: number): bigint {
  return tokensFor(10n ** BigInt(assetDecimals), rate);
}
