// The landing page: launched campaigns with their progress, newest first, filterable by phase,
// a page at a time. Kept light: no chart library, one batched chain read for asset symbols.
import { useMemo } from "react";
import { useSearchParams } from "react-router";
import { useAssetInfo } from "../campaigns/assets.ts";
import { CampaignCard } from "../campaigns/CampaignCard.tsx";
import { isPhaseFilter, PHASE_LABEL, type PhaseFilter } from "../campaigns/phase.ts";
import { PhaseFilterSelect } from "../campaigns/PhaseFilterSelect.tsx";
import { useCampaignList } from "../campaigns/useCampaignList.ts";
import "../campaigns/campaigns.css";

export default function Explore() {
  const [params, setParams] = useSearchParams();
  const requested = params.get("phase");
  const filter: PhaseFilter = isPhaseFilter(requested) ? requested : "all";
  const list = useCampaignList(filter);
  const assets = useMemo(() => list.campaigns.map((campaign) => campaign.asset), [list.campaigns]);
  const assetInfo = useAssetInfo(assets);

  const choose = (next: PhaseFilter) => setParams(next === "all" ? {} : { phase: next }, { replace: true });

  return (
    <section aria-labelledby="explore-title">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1 id="explore-title">Campaigns</h1>
        <PhaseFilterSelect value={filter} onChange={choose} />
      </div>
      {list.isPending ? (
        <p role="status">Loading campaigns…</p>
      ) : list.isError && !list.data ? (
        <p role="alert" className="error">The campaigns could not be loaded: {list.error.message}</p>
      ) : list.campaigns.length === 0 ? (
        <p>{filter === "all" ? "No campaigns yet." : `No ${PHASE_LABEL[filter].toLowerCase()} campaigns${list.hasNextPage ? " so far: load more to look further." : "."}`}</p>
      ) : (
        <div className="grid">
          {list.campaigns.map((campaign) => (
            <CampaignCard key={campaign.id} campaign={campaign} asset={assetInfo(campaign.asset)} />
          ))}
        </div>
      )}
      {list.hasNextPage && (
        <p className="load-more">
          <button type="button" className="button secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        </p>
      )}
    </section>
  );
}
