// Where a merchant's webhooks may go. Off the local chain, an endpoint must resolve only to
// public addresses: the delivery worker would otherwise probe the platform's own network
// (loopback, private ranges, cloud metadata at 169.254.169.254) and report what it found in
// the attempt log. (A host that changes its DNS answer after this check is not caught here.)
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

const internal = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const) {
  internal.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 127], // :: and ::1
  ["fc00::", 7],
  ["fe80::", 10],
] as const) {
  internal.addSubnet(network, prefix, "ipv6");
}

/** True for an address the platform must not call on a merchant's behalf. */
export function isInternalAddress(address: string): boolean {
  // IPv4-mapped IPv6 is judged by its IPv4 form (BlockList also maps IPv4 onto IPv6 rules).
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return internal.check(mapped[1]!, "ipv4");
  const family = isIP(address);
  if (family === 0) return true;
  return internal.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Why `url` may not receive webhooks, or undefined when it may. */
export async function webhookUrlProblem(url: string): Promise<string | undefined> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return `${host} does not resolve`;
  }
  const blocked = addresses.find(isInternalAddress);
  return blocked ? `${host} resolves to ${blocked}, an internal address` : undefined;
}
