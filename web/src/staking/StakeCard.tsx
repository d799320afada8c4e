// Stake: the amount is checked (format, wallet balance, the pool's caps, pause) before the
// wallet is asked for anything.
import { useState, type FormEvent } from "react";
import type { Address } from "viem";
import { useTx } from "../hooks/useTx.ts";
import { TxStatus } from "../components/TxStatus.tsx";
import { formatAmount, formatDuration, parseAmount } from "../lib/format.ts";
import { AmountField } from "./AmountField.tsx";
import { stakeAvailability, stakeLimitError, validateAmount } from "./availability.ts";
import { stakeMethod, useStakeAction } from "./useStakeAction.ts";
import type { AccountChainState, PoolChainState } from "./usePoolReads.ts";

interface Props {
  pool: Address;
  owner: Address;
  poolState: PoolChainState;
  account: AccountChainState;
  now: bigint;
}

export function StakeCard({ pool, owner, poolState, account, now }: Props) {
  const tx = useTx();
  const stake = useStakeAction(tx, pool, owner, poolState, account, now);
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const { symbol, decimals } = poolState.staking;
  const availability = stakeAvailability(poolState, account.walletBalance);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!availability.ok) return;
    const checked = validateAmount(text, decimals, account.walletBalance, symbol, "stake");
    if ("error" in checked) return setError(checked.error);
    const limit = stakeLimitError(checked.value, account.facts.balance, poolState.totalSupply, poolState.limits, decimals, symbol);
    if (limit) return setError(limit);
    setError(undefined);
    if (await stake(checked.value)) setText("");
  }

  const parsed = parseAmount(text, decimals);
  const method = "value" in parsed ? stakeMethod(parsed.value, account.allowance, !!account.permit) : undefined;
  return (
    <section className="card" aria-labelledby="stake-heading">
      <h2 id="stake-heading">Stake</h2>
      <form onSubmit={onSubmit} noValidate>
        <AmountField
          label={`Amount to stake (${symbol})`}
          value={text}
          onChange={(value) => {
            setText(value);
            setError(undefined);
          }}
          max={account.walletBalance}
          decimals={decimals}
          hint={`In your wallet: ${formatAmount(account.walletBalance, decimals, symbol)}`}
          error={error}
          disabled={tx.busy}
        />
        {poolState.minStakePeriod > 0n && (
          <p className="muted">Each stake locks your whole stake for {formatDuration(poolState.minStakePeriod)}.</p>
        )}
        {!availability.ok && <p className="muted">{availability.reason}</p>}
        <button type="submit" className="button" disabled={!availability.ok || tx.busy}>
          {method === "approve" ? "Approve and stake" : "Stake"}
        </button>
        {method === "permit" && <p className="muted">You will sign a permit, then send one transaction.</p>}
      </form>
      <TxStatus state={tx.state} />
    </section>
  );
}
