// One campaign on the Explore page: name, phase, progress, raised of goal, time left.
import { Link } from "react-router";
import { checksum, formatAmount, formatBps } from "../lib/format.ts";
import type { AssetInfo } from "./assets.ts";
import { campaignName } from "./metadata.ts";
import { PhaseBadge } from "./PhaseBadge.tsx";
import { ProgressBar } from "./ProgressBar.tsx";
import type { CampaignSummary } from "./queries.ts";
import { timingLabel } from "./timing.ts";

export function CampaignCard({ campaign, asset }: { campaign: CampaignSummary; asset: AssetInfo | undefined }) {
  const name = campaignName(campaign);
  const amount = (value: string) => (asset ? formatAmount(value, asset.decimals, asset.symbol) : "…");
  return (
    <article className="card stack campaign-card">
      <h2 className="campaign-card-title">
        <Link to={`/campaigns/${checksum(campaign.id)}`}>{name}</Link>
      </h2>
      <div className="row">
        <PhaseBadge phase={campaign.phase} />
        <span className="muted">{campaign.tokenSymbol}</span>
      </div>
      <ProgressBar bps={campaign.progressBps} label={`${name}: progress toward the goal`} />
      <p className="campaign-card-line">
        <strong>{amount(campaign.raised)}</strong> raised of {amount(campaign.goal)} ({formatBps(campaign.progressBps)})
      </p>
      <p className="campaign-card-line muted">
        {timingLabel(campaign)} · {campaign.backerCount} {campaign.backerCount === 1 ? "backer" : "backers"}
      </p>
    </article>
  );
}
