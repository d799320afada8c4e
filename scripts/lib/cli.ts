// Argument parsing and output for the admin CLIs (Hardhat tasks in scripts/tasks/). Every
// parser names the option it rejects, so a bad call says exactly what to fix.
import { HardhatPluginError } from "hardhat/plugins";
import { getAddress, isAddress, parseUnits } from "ethers";

const PLUGIN = "crowdstake";

/** A user-facing error: Hardhat prints its message without a stack trace. */
export function cliError(message: string): HardhatPluginError {
  return new HardhatPluginError(PLUGIN, message);
}

/** Throws unless the option was given (Hardhat passes "" for an absent string option). */
export function required(name: string, value: string): string {
  if (value.trim() === "") throw cliError(`--${name} is required`);
  return value.trim();
}

/** A checksummed address; "" is allowed only when `optional`. */
export function parseAddress(name: string, value: string, optional = false): string {
  if (value === "" && optional) return "";
  if (!isAddress(value)) throw cliError(`--${name}: "${value}" is not an address (0x followed by 40 hex digits)`);
  return getAddress(value);
}

/** A decimal amount in whole units ("12.5") turned into base units with `decimals`. */
export function parseAmount(name: string, value: string, decimals: number): bigint {
  if (!/^\d+(\.\d+)?$/.test(value)) throw cliError(`--${name}: "${value}" is not a non-negative decimal amount`);
  try {
    return parseUnits(value, decimals);
  } catch {
    throw cliError(`--${name}: "${value}" has more than ${decimals} decimals`);
  }
}

const UNIT_SECONDS: Record<string, bigint> = { s: 1n, m: 60n, h: 3600n, d: 86400n, w: 604800n };

/** A duration: seconds ("3600") or with a unit ("90s", "30m", "12h", "7d", "2w"). */
export function parseDuration(name: string, value: string): bigint {
  const match = /^(\d+)([smhdw]?)$/.exec(value);
  if (!match) throw cliError(`--${name}: "${value}" is not a duration (e.g. 3600, 30m, 12h, 7d)`);
  return BigInt(match[1]!) * (UNIT_SECONDS[match[2] || "s"] ?? 1n);
}

/**
 * A point in time as a unix timestamp: seconds ("1767225600"), an ISO date
 * ("2026-12-01T00:00:00Z"), or relative to the chain's current time ("+1h", "+7d", "now").
 */
export function parseTime(name: string, value: string, chainNow: bigint): bigint {
  if (value === "now") return chainNow;
  if (value.startsWith("+")) return chainNow + parseDuration(name, value.slice(1));
  if (/^\d+$/.test(value)) return BigInt(value);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw cliError(`--${name}: "${value}" is not a time (unix seconds, ISO date, "now" or "+7d")`);
  return BigInt(Math.floor(ms / 1000));
}

/** One line per fact, aligned, so output reads as a receipt and greps well. */
export function printReport(title: string, facts: Record<string, string | bigint | number | boolean>): void {
  console.log(title);
  const width = Math.max(...Object.keys(facts).map((key) => key.length));
  for (const [key, value] of Object.entries(facts)) console.log(`  ${key.padEnd(width)}  ${String(value)}`);
}
