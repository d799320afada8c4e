// The APR of a pool in words (see apr.ts for when it is a percentage and when a rate).
import { formatAmount, formatBps } from "../lib/format.ts";
import type { AprView } from "./apr.ts";
import type { TokenInfo } from "./tokens.ts";

export function AprText({ view, staking, rewards }: { view: AprView; staking: TokenInfo; rewards: TokenInfo }) {
  switch (view.kind) {
    case "apr":
      return <>{formatBps(view.bps)}</>;
    case "rate":
      return (
        <>
          {formatAmount(view.perTokenPerYear, rewards.decimals, rewards.symbol, 6)} per {staking.symbol} per year
        </>
      );
    case "none":
      return <span className="muted">{view.reason}</span>;
  }
}
