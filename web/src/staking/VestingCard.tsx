// Vesting pools: claimed rewards that have vested (releaseVested pays them) and those still
// vesting, with the date everything is vested.
import type { Address } from "viem";
import { useTx } from "../hooks/useTx.ts";
import { TxStatus } from "../components/TxStatus.tsx";
import { formatAmount } from "../lib/format.ts";
import { claimAvailability } from "./availability.ts";
import { vestingView } from "./vesting.ts";
import { poolWriteAbi } from "./abi.ts";
import { TimeLeft } from "./TimeLeft.tsx";
import type { AccountChainState, PoolChainState } from "./usePoolReads.ts";

interface Props {
  pool: Address;
  poolState: PoolChainState;
  account: AccountChainState;
  now: bigint;
}

export function VestingCard({ pool, poolState, account, now }: Props) {
  const tx = useTx();
  const { decimals, symbol } = poolState.rewards;
  const view = vestingView(account.vesting, now);
  const release = claimAvailability(poolState.paused, view.releasable, "Nothing has vested since your last release.");
  return (
    <section className="card" aria-labelledby="vesting-heading">
      <h2 id="vesting-heading">Vesting rewards</h2>
      {account.vesting.amount === 0n ? (
        <p className="muted">Nothing is vesting. Rewards you claim vest here.</p>
      ) : (
        <dl className="facts">
          <dt>Vested, ready to release</dt>
          <dd>{formatAmount(view.releasable, decimals, symbol, decimals)}</dd>
          <dt>Still vesting</dt>
          <dd>{formatAmount(view.locked, decimals, symbol, decimals)}</dd>
          <dt>Fully vested</dt>
          <dd><TimeLeft until={view.fullyVestedAt} now={now} /></dd>
        </dl>
      )}
      {!release.ok && account.vesting.amount > 0n && <p className="muted">{release.reason}</p>}
      <button
        type="button"
        className="button"
        disabled={!release.ok || tx.busy}
        onClick={() => tx.write("Release vested rewards", { address: pool, abi: poolWriteAbi, functionName: "releaseVested" })}
      >
        Release vested rewards
      </button>
      <TxStatus state={tx.state} />
    </section>
  );
}
