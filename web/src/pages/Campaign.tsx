// One campaign: what it is and how far it got, its terms, the raise over time, what the
// connected backer can do now (contribute, pay by card, claim, refund), recent backers and
// its staking pool.
import { useParams } from "react-router";
import { isAddress } from "viem";
import { useAssetInfo } from "../campaigns/assets.ts";
import { BackerPanel } from "../campaigns/BackerPanel.tsx";
import { CampaignPool } from "../campaigns/CampaignPool.tsx";
import { CampaignTerms } from "../campaigns/CampaignTerms.tsx";
import { campaignName, parseMetadataURI } from "../campaigns/metadata.ts";
import { PhaseBadge } from "../campaigns/PhaseBadge.tsx";
import { ProgressBar } from "../campaigns/ProgressBar.tsx";
import { RaiseHistory } from "../campaigns/RaiseHistory.tsx";
import { RecentBackers } from "../campaigns/RecentBackers.tsx";
import { timingLabel } from "../campaigns/timing.ts";
import { useCampaign } from "../campaigns/useCampaign.ts";
import { formatAmount, formatBps } from "../lib/format.ts";
import "../campaigns/campaigns.css";

export default function Campaign() {
  const { address } = useParams();
  const valid = address !== undefined && isAddress(address, { strict: false });
  const query = useCampaign(valid ? address : undefined);
  const campaign = query.data?.campaign;
  const assetInfo = useAssetInfo(campaign ? [campaign.asset] : [])(campaign?.asset ?? "");

  if (!valid) return <Message title="Campaign not found" text={`"${address ?? ""}" is not a campaign address.`} />;
  if (query.isPending) return <p role="status">Loading the campaign…</p>;
  if (query.isError && !query.data) return <Message title="Campaign" text={`The campaign could not be loaded: ${query.error.message}`} alert />;
  if (!campaign) return <Message title="Campaign not found" text="There is no campaign of this platform at that address." />;

  const name = campaignName(campaign);
  const { description } = parseMetadataURI(campaign.metadataURI);
  const money = (value: string) => (assetInfo ? formatAmount(value, assetInfo.decimals, assetInfo.symbol) : "…");

  return (
    <article aria-labelledby="campaign-title">
      <div className="stack">
        <div className="campaign-header">
          <h1 id="campaign-title">{name}</h1>
          <PhaseBadge phase={campaign.phase} />
        </div>
        {description && <p className="campaign-line">{description}</p>}
        <ProgressBar bps={campaign.progressBps} label={`${name}: progress toward the goal`} />
        <p className="campaign-line">
          <strong>{money(campaign.raised)}</strong> raised of {money(campaign.goal)} ({formatBps(campaign.progressBps)}) · {timingLabel(campaign)}
        </p>
      </div>
      {assetInfo ? (
        <>
          <div className="campaign-columns">
            <BackerPanel campaign={campaign} assetInfo={assetInfo} />
            <CampaignTerms campaign={campaign} assetInfo={assetInfo} />
          </div>
          <RaiseHistory
            campaign={campaign.id}
            start={campaign.start}
            goal={campaign.goal}
            assetInfo={assetInfo}
            version={`${campaign.contributionCount}/${campaign.refundCount}`}
          />
          <RecentBackers contributions={campaign.contributions.items} assetInfo={assetInfo} total={campaign.contributionCount} />
          {campaign.poolInfo && <CampaignPool pool={campaign.poolInfo} campaignToken={campaign.token} tokenSymbol={campaign.tokenSymbol} />}
        </>
      ) : (
        <p role="status">Reading the campaign's asset…</p>
      )}
    </article>
  );
}

function Message({ title, text, alert = false }: { title: string; text: string; alert?: boolean }) {
  return (
    <section>
      <h1>{title}</h1>
      <p role={alert ? "alert" : undefined} className={alert ? "error" : undefined}>
        {text}
      </p>
    </section>
  );
}
