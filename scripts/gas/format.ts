// One Markdown table format for every gas figure, used by the report and by each area's
// script when it is run alone.
import type { GasRow } from "./types.js";

const fmt = (value: bigint) => value.toLocaleString("en-US");

/** A Markdown table: operation, gas, the target and its source, and how far within it. */
export function formatGasTable(rows: GasRow[]): string {
  const lines = ["| operation | gas | target | vs target |", "|---|---:|---|---:|"];
  for (const row of rows) {
    const target = row.target === undefined ? "" : `${fmt(row.target)} (${row.targetLabel ?? ""})`;
    let delta = "";
    if (row.target !== undefined) {
      const diff = row.gas - row.target;
      const pct = Number((diff * 10_000n) / row.target) / 100;
      delta = diff <= 0n ? `${fmt(-diff)} under (${pct.toFixed(1)}%)` : `**${fmt(diff)} over (+${pct.toFixed(1)}%)**`;
    }
    lines.push(`| ${row.operation} | ${fmt(row.gas)} | ${target} | ${delta} |`);
  }
  return lines.join("\n");
}
