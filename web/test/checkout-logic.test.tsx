// Pure logic of the hosted checkout: the QR payload, countdown and expiry, redirect safety,
// status views, the payment path and the intent's arguments.
import { describe, expect, it } from "vitest";
import { chainClockSkewMs, formatCountdown, secondsLeft } from "../src/checkout/countdown.ts";
import { paymentQrValue } from "../src/checkout/qr.ts";
import { safeRedirectUrl } from "../src/checkout/redirect.ts";
import { isFinal, isPaid, isPaidAndConfirmed, statusView } from "../src/checkout/paymentStatus.ts";
import { choosePaymentPath, pathSteps } from "../src/checkout/paymentPath.ts";
import { signatureParts, permitTypedData } from "../src/lib/permit.ts";
import { intentArgs, isSessionId, payerAllowed } from "../src/checkout/session.ts";
import { privateKeyToAccount } from "viem/accounts";
import { recoverTypedDataAddress, serializeSignature, zeroAddress } from "viem";

const MERCHANT = "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65";
const TOKEN = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
const ESCROW = "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512";
const ID = `${MERCHANT}000000000000000000000001`;

describe("checkout QR payload", () => {
  it("is the hosted checkout URL the API gave", () => {
    expect(paymentQrValue(`https://pay.example/checkout/${ID}`, "http://localhost:5173/x")).toBe(`https://pay.example/checkout/${ID}`);
  });

  it("falls back to the page the payer is on, without its fragment", () => {
    expect(paymentQrValue(null, `http://localhost:5173/checkout/${ID}#qr`)).toBe(`http://localhost:5173/checkout/${ID}`);
    expect(paymentQrValue("not a url", `http://localhost:5173/checkout/${ID}`)).toBe(`http://localhost:5173/checkout/${ID}`);
  });

  it("never carries an ethereum: transfer (it would strand tokens in the escrow) or a script URL", () => {
    const transfer = `ethereum:${TOKEN}@31337/transfer?address=${ESCROW}&uint256=12500000`;
    expect(paymentQrValue(transfer, "https://pay.example/checkout/1")).toBe("https://pay.example/checkout/1");
    expect(() => paymentQrValue("javascript:alert(1)", transfer)).toThrow(/no http/);
  });
});

describe("countdown and expiry", () => {
  const expiresAt = "2030-01-01T00:10:00.000Z";
  const at = (iso: string) => Date.parse(iso);

  it("counts whole seconds down to the expiry and stops at zero", () => {
    expect(secondsLeft(expiresAt, at("2030-01-01T00:00:00.000Z"))).toBe(600);
    expect(secondsLeft(expiresAt, at("2030-01-01T00:09:59.500Z"))).toBe(0);
    expect(secondsLeft(expiresAt, at("2030-01-01T00:09:58.900Z"))).toBe(1);
    expect(secondsLeft(expiresAt, at("2030-01-01T01:00:00.000Z"))).toBe(0);
    expect(secondsLeft("garbage", 0)).toBe(0);
  });

  it("formats minutes, hours and days", () => {
    expect(formatCountdown(0)).toBe("0:00");
    expect(formatCountdown(65)).toBe("1:05");
    expect(formatCountdown(3_723)).toBe("1:02:03");
    expect(formatCountdown(2 * 86_400 + 3 * 3_600 + 59)).toBe("2d 3h");
  });

  it("follows a chain clock that runs ahead, never one that lags", () => {
    expect(chainClockSkewMs(1_000n, 400_000)).toBe(600_000);
    expect(chainClockSkewMs(100n, 400_000)).toBe(0);
  });
});

describe("redirect URL safety", () => {
  it("accepts absolute http and https URLs", () => {
    expect(safeRedirectUrl("https://shop.example/thanks?order=1")).toBe("https://shop.example/thanks?order=1");
    expect(safeRedirectUrl(" http://localhost:3000/ok ")).toBe("http://localhost:3000/ok");
  });

  it.each(["javascript:alert(document.cookie)", "JAVASCRIPT:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "ftp://files.example/x", "ethereum:0xabc", "/relative/path", "//evil.example", "", null, undefined])(
    "refuses %s",
    (url) => {
      expect(safeRedirectUrl(url)).toBeUndefined();
    },
  );
});

describe("payment statuses", () => {
  it("sends the payer back only once the payment is confirmed or settled", () => {
    expect(["pending", "expired", "detected", "confirmed", "settled", "refunded", "disputed", "failed"].filter(isPaidAndConfirmed)).toEqual(["confirmed", "settled"]);
    expect(isPaid("detected")).toBe(true);
    expect(isPaid("pending")).toBe(false);
    expect(isFinal("settled") && isFinal("refunded") && !isFinal("confirmed") && !isFinal("pending")).toBe(true);
  });

  it("labels every status, with a neutral fallback", () => {
    expect(statusView("detected")).toEqual({ label: "Detected", tone: "warn" });
    expect(statusView("mystery")).toEqual({ label: "mystery", tone: "neutral" });
  });
});

describe("payment path", () => {
  const base = { native: false, amount: 100n, allowance: 0n, permitSupported: false };
  it("chooses the fewest wallet prompts the token allows", () => {
    expect(choosePaymentPath({ ...base, native: true })).toBe("native");
    expect(choosePaymentPath({ ...base, allowance: 100n })).toBe("pay");
    expect(choosePaymentPath({ ...base, allowance: 99n, permitSupported: true })).toBe("permit");
    expect(choosePaymentPath({ ...base, allowance: undefined })).toBe("approve");
    expect(pathSteps("approve", "cUSD")).toEqual(["Approve cUSD for the escrow", "Confirm the payment in your wallet"]);
  });
});

describe("permit", () => {
  it("signs the token's own domain and splits the signature into v, r, s", async () => {
    const payer = privateKeyToAccount("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    const typed = permitTypedData({ name: "Crowdstake Dev USD", version: "1", chainId: 31337n, verifyingContract: TOKEN }, {
      owner: payer.address,
      spender: ESCROW,
      value: 12_500_000n,
      nonce: 0n,
      deadline: 2_000_000_000n,
    });
    const signature = await payer.signTypedData(typed);
    const { v, r, s } = signatureParts(signature);
    expect([27, 28]).toContain(v);
    expect(await recoverTypedDataAddress({ ...typed, signature: serializeSignature({ r, s, v: BigInt(v) }) })).toBe(payer.address);
    // A wallet that answers with yParity (0/1) instead of v gets the same v.
    const compact = (signature.slice(0, 130) + (v === 27 ? "00" : "01")) as `0x${string}`;
    expect(signatureParts(compact).v).toBe(v);
  });
});

describe("session helpers", () => {
  const intent = { id: ID, merchant: MERCHANT, token: TOKEN, amount: "12500000", deadline: "2000000000", payer: zeroAddress, splits: [{ recipient: ESCROW, bps: 250 }], metadataHash: `0x${"00".repeat(32)}` };

  it("turns the intent's strings into the escrow's struct, amounts as bigint", () => {
    const args = intentArgs(intent);
    expect(args.amount).toBe(12_500_000n);
    expect(args.deadline).toBe(2_000_000_000n);
    expect(args.merchant).toBe("0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65");
    expect(args.splits).toEqual([{ recipient: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", bps: 250 }]);
  });

  it("knows a session id and who may pay", () => {
    expect(isSessionId(ID)).toBe(true);
    expect(isSessionId("0x1234")).toBe(false);
    expect(isSessionId(undefined)).toBe(false);
    expect(payerAllowed(zeroAddress, undefined)).toBe(true);
    expect(payerAllowed(MERCHANT, "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65")).toBe(true);
    expect(payerAllowed(MERCHANT, ESCROW)).toBe(false);
  });
});
