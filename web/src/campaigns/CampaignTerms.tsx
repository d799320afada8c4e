// A campaign's terms as a list of facts: money in the asset's units, the token rate as
// "tokens per whole unit", dates, the owner (checksummed) and the platform fee.
import { Fragment } from "react";
import { checksum, formatAmount, formatBps, formatDate } from "../lib/format.ts";
import type { AssetInfo } from "./assets.ts";
import type { CampaignDetail } from "./queries.ts";
import { CAMPAIGN_TOKEN_DECIMALS, tokensPerWholeUnit } from "./tokens.ts";

export function CampaignTerms({ campaign, assetInfo }: { campaign: CampaignDetail; assetInfo: AssetInfo }) {
  const money = (value: string) => formatAmount(value, assetInfo.decimals, assetInfo.symbol);
  const perUnit = tokensPerWholeUnit(BigInt(campaign.rate), assetInfo.decimals);
  const facts: [string, string][] = [
    ["Goal", money(campaign.goal)],
    ["Cap", campaign.cap === "0" ? "None" : money(campaign.cap)],
    ["Raised", `${money(campaign.raised)} (${formatBps(campaign.progressBps)} of the goal)`],
    ["Minimum contribution", money(campaign.minContribution)],
    ["Maximum per backer", campaign.maxPerBacker === "0" ? "No limit" : money(campaign.maxPerBacker)],
    ["You get", `${formatAmount(perUnit, CAMPAIGN_TOKEN_DECIMALS, campaign.tokenSymbol)} per 1 ${assetInfo.symbol}`],
    ["Token", `${campaign.tokenName} (${campaign.tokenSymbol})`],
    ["Opens", formatDate(campaign.start)],
    ["Closes", formatDate(campaign.end)],
    ["Owner", checksum(campaign.owner)],
    ["Platform fee", formatBps(campaign.feeBps)],
    ["Backers", String(campaign.backerCount)],
  ];
  return (
    <section className="card" aria-labelledby="campaign-terms-title">
      <h2 id="campaign-terms-title">Terms</h2>
      <dl className="facts">
        {facts.map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{term === "Owner" ? <code>{value}</code> : value}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
