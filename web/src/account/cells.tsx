// Small cells shared by the account tables: a status badge, a date, a campaign or pool link.
import { Link } from "react-router";
import { formatDate } from "../lib/format.ts";
import type { CampaignLink, Status } from "./transforms.ts";

export function StatusBadge({ status }: { status: Status }) {
  return <span className={`badge ${status.tone === "neutral" ? "" : status.tone}`}>{status.label}</span>;
}

export function DateCell({ seconds }: { seconds: number }) {
  if (!seconds) return <>—</>;
  return <time dateTime={new Date(seconds * 1000).toISOString()}>{formatDate(seconds)}</time>;
}

export function CampaignCell({ campaign }: { campaign: CampaignLink }) {
  return <Link to={`/campaigns/${campaign.address}`}>{campaign.name}</Link>;
}

export function PoolCell({ pool, name }: { pool: string; name: string }) {
  return <Link to={`/staking/${pool}`}>{name}</Link>;
}
