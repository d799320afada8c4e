import { describe, expect, it } from "vitest";
import { formatAmount, formatBps, formatDuration, parseAmount, shortAddress } from "../src/lib/format.ts";

describe("formatAmount", () => {
  it("groups thousands, trims trailing zeros and cuts to the given decimals", () => {
    expect(formatAmount(1_234_500_000n, 6, "cUSD")).toBe("1,234.5 cUSD");
    expect(formatAmount("1000000000000000000", 18)).toBe("1");
    expect(formatAmount(123_456_789n, 6, undefined, 2)).toBe("123.45");
    expect(formatAmount(0n, 6, "cUSD")).toBe("0 cUSD");
  });
  it("keeps precision past 2^53 (bigint all the way)", () => {
    expect(formatAmount(2n ** 64n, 0)).toBe("18,446,744,073,709,551,616");
  });
});

describe("parseAmount", () => {
  it("parses decimals exactly into base units", () => {
    expect(parseAmount("12.5", 6)).toEqual({ value: 12_500_000n });
    expect(parseAmount(" 0.000001 ", 6)).toEqual({ value: 1n });
  });
  it("refuses what is not an amount, too many decimals and zero, with a message", () => {
    expect(parseAmount("abc", 6)).toHaveProperty("error");
    expect(parseAmount("-1", 6)).toHaveProperty("error");
    expect(parseAmount("1e6", 6)).toHaveProperty("error");
    expect(parseAmount("0.0000001", 6)).toEqual({ error: "At most 6 decimals" });
    expect(parseAmount("0", 6)).toEqual({ error: "The amount must be more than 0" });
  });
});

describe("formatDuration, shortAddress, formatBps", () => {
  it("shows the two largest units", () => {
    expect(formatDuration(3 * 86_400 + 4 * 3_600 + 5)).toBe("3d 4h");
    expect(formatDuration(3_720)).toBe("1h 2m");
    expect(formatDuration(42)).toBe("42s");
    expect(formatDuration(-5)).toBe("0s");
  });
  it("checksums and shortens addresses", () => {
    expect(shortAddress("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266")).toBe("0xf39F…2266");
  });
  it("shows basis points as a percentage", () => {
    expect(formatBps(1234)).toBe("12.34%");
    expect(formatBps("50")).toBe("0.5%");
  });
});
