// Pure logic of the merchant dashboard: the SIWE message, what can be done to a payment when,
// refund amounts, and the stored session.
import { afterEach, describe, expect, it } from "vitest";
import { recoverMessageAddress } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { parseSiweMessage, validateSiweMessage } from "viem/siwe";
import { buildSignInMessage, SIGN_IN_STATEMENT } from "../src/merchant/siwe.ts";
import { paymentActions } from "../src/merchant/paymentActions.ts";
import { checkRefundAmount } from "../src/merchant/RefundForm.tsx";
import { clearMerchantSession, loadMerchantSession, saveMerchantSession } from "../src/merchant/sessionStore.ts";

const merchant = privateKeyToAccount("0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a");

describe("Sign-In with Ethereum message", () => {
  const now = new Date("2030-01-01T00:00:00.000Z");
  const message = buildSignInMessage({
    address: merchant.address.toLowerCase() as `0x${string}`,
    chainId: 31337,
    nonce: "abcdef0123456789",
    host: "localhost:5173",
    origin: "http://localhost:5173",
    now,
  });

  it("names this app's host and origin, the chain, the nonce and the checksummed address", () => {
    const fields = parseSiweMessage(message);
    expect(fields).toMatchObject({
      address: merchant.address,
      chainId: 31337,
      domain: "localhost:5173",
      uri: "http://localhost:5173",
      nonce: "abcdef0123456789",
      version: "1",
      statement: SIGN_IN_STATEMENT,
    });
    expect(message.startsWith("localhost:5173 wants you to sign in with your Ethereum account:\n" + merchant.address)).toBe(true);
  });

  it("is valid for a few minutes only, as the API checks", () => {
    const fields = parseSiweMessage(message);
    const check = (at: string, domain = "localhost:5173") => validateSiweMessage({ message: fields, domain, nonce: "abcdef0123456789", time: new Date(at) });
    expect(check("2030-01-01T00:05:00.000Z")).toBe(true);
    expect(check("2030-01-01T00:11:00.000Z")).toBe(false);
    expect(check("2030-01-01T00:05:00.000Z", "evil.example")).toBe(false);
  });

  it("is what the wallet signs and the API recovers", async () => {
    const signature = await merchant.signMessage({ message });
    expect(await recoverMessageAddress({ message, signature })).toBe(merchant.address);
  });
});

describe("payment actions", () => {
  const releaseAt = 1_000n;
  const held = { state: "held", amount: 100n, refundedAmount: 0n, releaseAt };
  const merchantBefore = { isMerchant: true, now: 999n };
  const otherAfter = { isMerchant: false, now: 1_000n };

  it.each([
    // state, caller, release, refund, held, dispute window
    ["held, merchant, before releaseAt", held, merchantBefore, true, true, 100n, true],
    ["held, merchant, after releaseAt", held, { isMerchant: true, now: 2_000n }, true, true, 100n, false],
    ["held, someone else, before releaseAt", held, { isMerchant: false, now: 999n }, false, false, 100n, true],
    ["held, someone else, at releaseAt", held, otherAfter, true, false, 100n, false],
    ["held, partly refunded", { ...held, refundedAmount: 40n }, merchantBefore, true, true, 60n, true],
    ["disputed, merchant", { ...held, state: "disputed", refundedAmount: 10n }, merchantBefore, false, true, 90n, false],
    ["disputed, someone else after releaseAt", { ...held, state: "disputed" }, otherAfter, false, false, 100n, false],
    ["released", { ...held, state: "released" }, merchantBefore, false, false, 0n, false],
    ["refunded", { ...held, state: "refunded", refundedAmount: 100n }, merchantBefore, false, false, 0n, false],
    ["resolved", { ...held, state: "resolved" }, merchantBefore, false, false, 0n, false],
  ] as const)("%s", (_name, payment, caller, release, refund, heldAmount, disputeWindowOpen) => {
    const actions = paymentActions(payment, caller);
    expect(actions).toMatchObject({ release, refund, held: heldAmount, disputeWindowOpen });
  });

  it("says when anyone may release", () => {
    expect(paymentActions(held, otherAfter).releasableByAnyone).toBe(true);
    expect(paymentActions(held, merchantBefore).releasableByAnyone).toBe(false);
  });
});

describe("refund amount", () => {
  it("accepts up to what is held, in the token's decimals", () => {
    expect(checkRefundAmount("12.5", 12_500_000n, 6)).toEqual({ value: 12_500_000n });
    expect(checkRefundAmount("0.000001", 12_500_000n, 6)).toEqual({ value: 1n });
    expect(checkRefundAmount("12.500001", 12_500_000n, 6)).toEqual({ error: "At most 12.5 is held" });
    expect(checkRefundAmount("0", 12_500_000n, 6)).toEqual({ error: "The amount must be more than 0" });
    expect(checkRefundAmount("1.0000001", 12_500_000n, 6)).toEqual({ error: "At most 6 decimals" });
    expect(checkRefundAmount("-1", 12_500_000n, 6)).toHaveProperty("error");
  });
});

describe("stored merchant session", () => {
  afterEach(() => sessionStorage.clear());
  const session = { token: "css_abc", merchant: merchant.address.toLowerCase(), expiresAt: "2030-01-01T00:00:00.000Z" };

  it("comes back until it expires, then is dropped", () => {
    saveMerchantSession(session);
    expect(loadMerchantSession(Date.parse("2029-12-31T23:59:59.000Z"))).toEqual(session);
    expect(loadMerchantSession(Date.parse("2030-01-01T00:00:00.000Z"))).toBeUndefined();
    expect(sessionStorage.length).toBe(0);
  });

  it("ignores what is not a session and can be cleared", () => {
    sessionStorage.setItem("crowdstake.merchantSession", "{not json");
    expect(loadMerchantSession()).toBeUndefined();
    sessionStorage.setItem("crowdstake.merchantSession", JSON.stringify({ token: 1 }));
    expect(loadMerchantSession()).toBeUndefined();
    saveMerchantSession(session);
    clearMerchantSession();
    expect(loadMerchantSession(0)).toBeUndefined();
  });
});
