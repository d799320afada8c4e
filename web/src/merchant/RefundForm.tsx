// A refund of a held or disputed payment: the whole amount still held by default, or a part.
import { useId, useState, type FormEvent } from "react";
import { formatUnits } from "viem";
import { formatAmount, parseAmount } from "../lib/format.ts";
import type { TokenInfo } from "../checkout/useTokenInfo.ts";

interface Props {
  held: bigint;
  token: TokenInfo;
  disabled: boolean;
  onRefund: (amount: bigint) => void;
  onCancel: () => void;
}

/** The refund amount a merchant typed, checked against what the escrow holds. */
export function checkRefundAmount(text: string, held: bigint, decimals: number): { value: bigint } | { error: string } {
  const parsed = parseAmount(text, decimals);
  if ("error" in parsed) return parsed;
  if (parsed.value > held) return { error: `At most ${formatAmount(held, decimals, undefined, decimals)} is held` };
  return parsed;
}

export function RefundForm({ held, token, disabled, onRefund, onCancel }: Props) {
  const id = useId();
  const [text, setText] = useState(() => formatUnits(held, token.decimals));
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkRefundAmount(text, held, token.decimals);
    if ("error" in checked) return setError(checked.error);
    setError(undefined);
    onRefund(checked.value);
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className="stack">
        <label htmlFor={id}>Refund amount ({token.symbol})</label>
        <input
          id={id}
          inputMode="decimal"
          autoComplete="off"
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      <button type="submit" className="button danger" disabled={disabled}>
        Refund
      </button>
      <button type="button" className="button secondary" onClick={onCancel}>
        Cancel
      </button>
      {error && (
        <p id={`${id}-error`} className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
