// The six tables of the account page, each from its transform; empty states say what to do.
import { Link } from "react-router";
import { DataTable } from "./DataTable.tsx";
import { CampaignCell, DateCell, PoolCell, StatusBadge } from "./cells.tsx";
import type { ClaimOrRefundView, ContributionView, OnrampOrderView, PaymentView, PositionView, RewardView } from "./transforms.ts";

type Rows<T> = { rows: T[]; loading: boolean };

export function ContributionsTable({ rows, loading }: Rows<ContributionView>) {
  return (
    <DataTable
      title="Contributions"
      headers={["Campaign", "Amount", "Paid with", "Status", "Date"]}
      loading={loading}
      rows={rows.map((row) => ({
        key: row.key,
        cells: [<CampaignCell campaign={row.campaign} />, row.amount, row.via, <StatusBadge status={row.status} />, <DateCell seconds={row.timestamp} />],
      }))}
      empty={<>You have not backed a campaign yet. <Link to="/">Explore campaigns</Link> to back one.</>}
    />
  );
}

export function ClaimsAndRefundsTable({ rows, loading }: Rows<ClaimOrRefundView>) {
  return (
    <DataTable
      title="Token claims and refunds"
      headers={["What", "Campaign", "Amount", "Date"]}
      loading={loading}
      rows={rows.map((row) => ({ key: row.key, cells: [row.kind, <CampaignCell campaign={row.campaign} />, row.amount, <DateCell seconds={row.timestamp} />] }))}
      empty="Nothing claimed or refunded yet. When a campaign you backed succeeds, claim its tokens on the campaign's page; if it fails, take your refund there."
    />
  );
}

export function StakesTable({ rows, loading }: Rows<PositionView>) {
  return (
    <DataTable
      title="Stakes"
      headers={["Pool", "Staked", "Cooling down", "Earned", "Rewards claimed", "Vesting", "Unlocks"]}
      loading={loading}
      rows={rows.map((row) => ({
        key: row.key,
        cells: [<PoolCell pool={row.pool} name={row.name} />, row.staked, row.cooling, row.earned, row.rewardsClaimed, row.vesting, <DateCell seconds={row.unlocksAt} />],
      }))}
      empty={<>No stakes yet. <Link to="/staking">Browse staking pools</Link> to stake a campaign's token.</>}
    />
  );
}

export function RewardsTable({ rows, loading }: Rows<RewardView>) {
  return (
    <DataTable
      title="Rewards claimed"
      headers={["Pool", "What", "Amount", "Date"]}
      loading={loading}
      rows={rows.map((row) => ({ key: row.key, cells: [<PoolCell pool={row.pool} name={row.name} />, row.kind, row.amount, <DateCell seconds={row.timestamp} />] }))}
      empty="No rewards claimed yet. Claim what you have earned on a pool's page."
    />
  );
}

export function PaymentsTable({ rows, loading }: Rows<PaymentView>) {
  return (
    <DataTable
      title="Payments"
      headers={["Payment", "Merchant", "Amount", "Status", "Date"]}
      loading={loading}
      rows={rows.map((row) => ({
        key: row.key,
        cells: [
          <code>{row.id}</code>,
          row.merchant,
          row.refunded ? `${row.amount} (refunded ${row.refunded})` : row.amount,
          <StatusBadge status={row.status} />,
          <DateCell seconds={row.timestamp} />,
        ],
      }))}
      empty="No payments from this wallet yet. They appear here after you pay at a merchant's checkout."
    />
  );
}

export function OnrampOrdersTable({ rows, loading }: Rows<OnrampOrderView>) {
  return (
    <DataTable
      title="Card orders"
      headers={["For", "Provider", "Amount", "Card payment", "Status", "Date"]}
      loading={loading}
      rows={rows.map((row) => ({
        key: row.key,
        cells: [
          row.campaign ? <>Contribution to <CampaignCell campaign={row.campaign} /></> : row.what,
          row.provider,
          row.amount,
          row.paid,
          <>
            <StatusBadge status={row.status} />
            {row.error && <span className="error"> {row.error}</span>}
          </>,
          <DateCell seconds={row.timestamp} />,
        ],
      }))}
      empty="No card orders for this wallet. You can pay by card on a campaign's page or at a merchant's checkout."
    />
  );
}
