// Getting principal back. With a cooldown: requestUnstake (stops earning at once), then withdraw
// once the cooldown has passed; without one: withdraw directly once the lock has ended. Buttons
// stay disabled with the reason and a countdown until the chain would accept them.
import { useState, type FormEvent } from "react";
import type { Address } from "viem";
import { useTx } from "../hooks/useTx.ts";
import { TxStatus } from "../components/TxStatus.tsx";
import { formatAmount, formatDuration } from "../lib/format.ts";
import { AmountField } from "./AmountField.tsx";
import { requestUnstakeAvailability, validateAmount, withdrawAvailability, type Availability } from "./availability.ts";
import { poolWriteAbi } from "./abi.ts";
import { TimeLeft } from "./TimeLeft.tsx";
import type { AccountChainState, PoolChainState } from "./usePoolReads.ts";

interface Props {
  pool: Address;
  poolState: PoolChainState;
  account: AccountChainState;
  now: bigint;
}

/** Why an action is not possible yet, and from when it is (unless the card already shows that time). */
function Blocked({ availability, now, showUntil = true }: { availability: Availability; now: bigint; showUntil?: boolean }) {
  if (availability.ok) return null;
  return (
    <p className="muted">
      {availability.reason}
      {showUntil && availability.until !== undefined && (
        <>
          {" "}Available from <TimeLeft until={availability.until} now={now} />.
        </>
      )}
    </p>
  );
}

/** An amount form for requestUnstake (cooldown pools) or withdraw (pools without one). */
function AmountAction(props: Props & { action: "requestUnstake" | "withdraw"; availability: Availability; label: string; verb: string }) {
  const { pool, poolState, availability, action, label, verb, now } = props;
  const tx = useTx();
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const { symbol, decimals } = poolState.staking;
  const max = availability.ok ? availability.max : 0n;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!availability.ok) return;
    const checked = validateAmount(text, decimals, max, symbol, verb);
    if ("error" in checked) return setError(checked.error);
    setError(undefined);
    if (await tx.write(label, { address: pool, abi: poolWriteAbi, functionName: action, args: [checked.value] })) setText("");
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <AmountField
        label={`Amount to ${verb} (${symbol})`}
        value={text}
        onChange={(value) => {
          setText(value);
          setError(undefined);
        }}
        max={max}
        decimals={decimals}
        hint={`Staked and earning: ${formatAmount(props.account.facts.balance, decimals, symbol)}`}
        error={error}
        disabled={!availability.ok || tx.busy}
      />
      <Blocked availability={availability} now={now} />
      <button type="submit" className="button" disabled={!availability.ok || tx.busy}>
        {label}
      </button>
      <TxStatus state={tx.state} />
    </form>
  );
}

/** Withdraw the whole cooled-down stake (cooldown pools). */
function WithdrawCooled({ pool, poolState, account, now }: Props) {
  const tx = useTx();
  const { symbol, decimals } = poolState.staking;
  const { coolingAmount, coolingUnlock } = account.facts;
  const availability = withdrawAvailability(account.facts, now);
  return (
    <div className="stack staking-section">
      <h3>Withdraw</h3>
      {coolingAmount > 0n && (
        <dl className="facts">
          <dt>Cooling down</dt>
          <dd>{formatAmount(coolingAmount, decimals, symbol)}</dd>
          <dt>Unlocks</dt>
          <dd><TimeLeft until={coolingUnlock} now={now} /></dd>
        </dl>
      )}
      <Blocked availability={availability} now={now} showUntil={coolingAmount === 0n} />
      <button
        type="button"
        className="button"
        disabled={!availability.ok || tx.busy}
        onClick={() => availability.ok && tx.write("Withdraw", { address: pool, abi: poolWriteAbi, functionName: "withdraw", args: [availability.max] })}
      >
        {coolingAmount > 0n ? `Withdraw ${formatAmount(coolingAmount, decimals, symbol)}` : "Withdraw"}
      </button>
      <TxStatus state={tx.state} />
    </div>
  );
}

export function UnstakeCard(props: Props) {
  const { poolState, account, now } = props;
  if (poolState.cooldown === 0n) {
    return (
      <section className="card" aria-labelledby="unstake-heading">
        <h2 id="unstake-heading">Withdraw</h2>
        <AmountAction {...props} action="withdraw" availability={withdrawAvailability(account.facts, now)} label="Withdraw" verb="withdraw" />
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="unstake-heading">
      <h2 id="unstake-heading">Unstake</h2>
      <p className="muted">
        Unstaked tokens stop earning at once and can be withdrawn after a {formatDuration(poolState.cooldown)} cooldown. A new request
        restarts the cooldown for everything cooling.
      </p>
      <h3>Request unstake</h3>
      <AmountAction {...props} action="requestUnstake" availability={requestUnstakeAvailability(account.facts, now)} label="Request unstake" verb="unstake" />
      <WithdrawCooled {...props} />
    </section>
  );
}
