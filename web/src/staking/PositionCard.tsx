// The connected account's position: stake, share, lock, and the live earned counter (read from
// the chain, then ticked every second on the chain's clock) with the claim button.
import type { Address } from "viem";
import { useTx } from "../hooks/useTx.ts";
import { TxStatus } from "../components/TxStatus.tsx";
import { formatAmount, formatBps, formatDuration } from "../lib/format.ts";
import { claimAvailability } from "./availability.ts";
import { accountRewardRate, projectEarned } from "./earned.ts";
import { poolWriteAbi } from "./abi.ts";
import { TimeLeft } from "./TimeLeft.tsx";
import type { AccountChainState, PoolChainState } from "./usePoolReads.ts";

interface Props {
  pool: Address;
  poolState: PoolChainState;
  account: AccountChainState;
  now: bigint;
}

const DAY = 86_400n;
/** Enough decimals for the counter to visibly tick, without 18 of them. */
const COUNTER_DECIMALS = 8;

export function PositionCard({ pool, poolState, account, now }: Props) {
  const tx = useTx();
  const { staking, rewards } = poolState;
  const { balance, coolingAmount, lockEnd } = account.facts;
  const earned = projectEarned(account.earned, now);
  const perDay = accountRewardRate(account.earned, now, DAY);
  const shareBps = poolState.totalSupply > 0n ? (balance * 10_000n) / poolState.totalSupply : 0n;
  const claim = claimAvailability(poolState.paused, earned);
  const vesting = poolState.vestingDuration > 0n;

  return (
    <section className="card" aria-labelledby="position-heading">
      <h2 id="position-heading">Your position</h2>
      <dl className="facts">
        <dt>Staked (earning)</dt>
        <dd>{formatAmount(balance, staking.decimals, staking.symbol)}</dd>
        {coolingAmount > 0n && (
          <>
            <dt>Cooling down</dt>
            <dd>{formatAmount(coolingAmount, staking.decimals, staking.symbol)}</dd>
          </>
        )}
        <dt>Share of the pool</dt>
        <dd>{formatBps(shareBps)}</dd>
        {lockEnd > now && (
          <>
            <dt>Locked until</dt>
            <dd><TimeLeft until={lockEnd} now={now} /></dd>
          </>
        )}
        <dt>Earned</dt>
        <dd>
          <strong data-testid="earned">{formatAmount(earned, rewards.decimals, rewards.symbol, Math.min(rewards.decimals, COUNTER_DECIMALS))}</strong>
        </dd>
        <dt>Earning now</dt>
        <dd>{perDay > 0n ? `${formatAmount(perDay, rewards.decimals, rewards.symbol)} per day` : "nothing"}</dd>
      </dl>
      {vesting && <p className="muted">Claimed rewards vest over {formatDuration(poolState.vestingDuration)}; what has vested is paid with each claim.</p>}
      {!claim.ok && <p className="muted">{claim.reason}</p>}
      <button
        type="button"
        className="button"
        disabled={!claim.ok || tx.busy}
        onClick={() => tx.write("Claim rewards", { address: pool, abi: poolWriteAbi, functionName: "getReward" })}
      >
        {vesting ? "Claim rewards (start vesting)" : "Claim rewards"}
      </button>
      <TxStatus state={tx.state} />
    </section>
  );
}
