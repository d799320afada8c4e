// The latest contributions, newest first, with checksummed addresses; a card (on-ramp)
// contribution is marked as such.
import { zeroHash } from "viem";
import { checksum, formatAmount, formatDate } from "../lib/format.ts";
import type { AssetInfo } from "./assets.ts";
import type { ContributionRow } from "./queries.ts";

export function RecentBackers({ contributions, assetInfo, total }: { contributions: ContributionRow[]; assetInfo: AssetInfo; total: number }) {
  return (
    <section className="card campaign-section" aria-labelledby="recent-backers-title">
      <h2 id="recent-backers-title">Recent backers</h2>
      {contributions.length === 0 ? (
        <p className="campaign-line">No contributions yet.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="muted" style={{ textAlign: "left" }}>
              The latest {contributions.length} of {total} {total === 1 ? "contribution" : "contributions"}
            </caption>
            <thead>
              <tr>
                <th scope="col">Backer</th>
                <th scope="col">Amount</th>
                <th scope="col">When</th>
                <th scope="col">Paid with</th>
              </tr>
            </thead>
            <tbody>
              {contributions.map((row) => (
                <tr key={row.id}>
                  <td>
                    <code>{checksum(row.backer)}</code>
                  </td>
                  <td>{formatAmount(row.amount, assetInfo.decimals, assetInfo.symbol)}</td>
                  <td>{formatDate(row.timestamp)}</td>
                  <td>{row.onrampRef && row.onrampRef !== zeroHash ? "Card" : "Wallet"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
