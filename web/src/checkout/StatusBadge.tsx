// A payment status as a coloured badge with its words (colour is never the only signal).
import { statusView } from "./paymentStatus.ts";

export function StatusBadge({ status }: { status: string }) {
  const { label, tone } = statusView(status);
  return <span className={tone === "neutral" ? "badge" : `badge ${tone}`}>{label}</span>;
}
