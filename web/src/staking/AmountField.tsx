// An amount input with its label, a "Max" button, a hint (what is available) and the validation
// message, all bound for screen readers.
import { useId } from "react";
import { formatUnits } from "viem";

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  max: bigint;
  decimals: number;
  hint: string;
  error?: string;
  disabled?: boolean;
}

export function AmountField({ label, value, onChange, max, decimals, hint, error, disabled }: Props) {
  const id = useId();
  return (
    <div className="stack">
      <label htmlFor={`${id}-input`}>{label}</label>
      <div className="row">
        <input
          id={`${id}-input`}
          inputMode="decimal"
          autoComplete="off"
          placeholder="0.0"
          value={value}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        />
        <button
          type="button"
          className="button secondary"
          aria-label={`Max: ${label.toLowerCase()}`}
          disabled={disabled || max === 0n}
          onClick={() => onChange(formatUnits(max, decimals))}
        >
          Max
        </button>
      </div>
      <span id={`${id}-hint`} className="muted">{hint}</span>
      {error && <span id={`${id}-error`} className="error" role="alert">{error}</span>}
    </div>
  );
}
