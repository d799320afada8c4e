// Copies a value to the clipboard and says so; where the clipboard is unavailable (an insecure
// origin) the value stays selectable on screen.
import { useState } from "react";

export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [copied, setCopied] = useState<"yes" | "no">();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  };
  return (
    <>
      <button type="button" className="button secondary" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="muted">
        {copied === "yes" ? "Copied" : copied === "no" ? "Copy failed: select the text and copy it" : ""}
      </span>
    </>
  );
}
