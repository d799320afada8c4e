// A destructive action asked twice, in the page (no window.confirm): the first press shows what
// will happen and a second button does it.
import { useState, type ReactNode } from "react";

interface Props {
  children: ReactNode;
  confirmLabel: string;
  question: string;
  onConfirm: () => void | Promise<void>;
  disabled?: boolean;
  ariaLabel?: string;
}

export function ConfirmButton({ children, confirmLabel, question, onConfirm, disabled, ariaLabel }: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button secondary" disabled={disabled} aria-label={ariaLabel} onClick={() => setAsking(true)}>
        {children}
      </button>
    );
  }
  return (
    <span className="row" role="group" aria-label={question}>
      <span>{question}</span>
      <button
        type="button"
        className="button danger"
        disabled={disabled}
        autoFocus
        onClick={async () => {
          setAsking(false);
          await onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button secondary" onClick={() => setAsking(false)}>
        Keep
      </button>
    </span>
  );
}
