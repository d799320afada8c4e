// Formatting for people: amounts from bigint base units, addresses checksummed, durations.
import { formatUnits, getAddress, parseUnits } from "viem";

/** "1,234.5 cUSD" from base units; at most `maxFraction` decimals, trailing zeros dropped. */
export function formatAmount(value: bigint | string, decimals: number, symbol?: string, maxFraction = 4): string {
  const [whole, fraction = ""] = formatUnits(BigInt(value), decimals).split(".");
  const grouped = BigInt(whole!).toLocaleString("en-US");
  const cut = fraction.slice(0, maxFraction).replace(/0+$/, "");
  const text = cut ? `${grouped}.${cut}` : grouped;
  return symbol ? `${text} ${symbol}` : text;
}

/** Base units from what a person typed ("12.5"), or an error message. */
export function parseAmount(text: string, decimals: number): { value: bigint } | { error: string } {
  const trimmed = text.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return { error: "Enter an amount, like 25 or 12.5" };
  const [, fraction = ""] = trimmed.split(".");
  if (fraction.length > decimals) return { error: `At most ${decimals} decimals` };
  const value = parseUnits(trimmed, decimals);
  if (value === 0n) return { error: "The amount must be more than 0" };
  return { value };
}

export function checksum(address: string): string {
  return getAddress(address);
}

/** 0x1234…abcd, checksummed. */
export function shortAddress(address: string): string {
  const sum = getAddress(address);
  return `${sum.slice(0, 6)}…${sum.slice(-4)}`;
}

/** "3d 4h", "5h 2m", "42s" — the two largest units. */
export function formatDuration(seconds: number | bigint): string {
  let left = Math.max(0, Math.floor(Number(seconds)));
  const units: [string, number][] = [["d", 86_400], ["h", 3_600], ["m", 60], ["s", 1]];
  const parts: string[] = [];
  for (const [unit, size] of units) {
    if (parts.length === 2) break;
    const count = Math.floor(left / size);
    left -= count * size;
    if (count > 0 || (parts.length > 0)) parts.push(`${count}${unit}`);
  }
  return parts.length ? parts.filter((part) => !part.startsWith("0")).join(" ") || "0s" : "0s";
}

/** A date from unix seconds, in the reader's locale. */
export function formatDate(seconds: number | bigint | string): string {
  return new Date(Number(seconds) * 1000).toLocaleString();
}

/** Basis points as a percentage: 1234 → "12.34%". */
export function formatBps(bps: number | bigint | string): string {
  return `${(Number(bps) / 100).toLocaleString("en-US", { maximumFractionDigits: 2 })}%`;
}
