// The webhook signature helpers integrators are pointed to (README, "Merchants"), checked
// against DESIGN.md's scheme computed independently here.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "../src/api/merchants/webhook-signature.js";

const secret = "whsec_test";
const body = '{"id":"evt_1","type":"payment.settled"}';

describe("Crowdstake-Signature", () => {
  it("is t=<unix>,v1=<hex HMAC-SHA256 of 't.body'>", () => {
    const expected = createHmac("sha256", secret).update(`1700000000.${body}`).digest("hex");
    expect(signWebhook(secret, body, 1_700_000_000)).toBe(`t=1700000000,v1=${expected}`);
  });

  it("verifies a fresh signature and refuses a changed body, another secret or an old timestamp", () => {
    const now = 1_700_000_000;
    const header = signWebhook(secret, body, now);
    expect(verifyWebhookSignature(secret, header, body, 300, now + 10)).toBe(true);
    expect(verifyWebhookSignature(secret, header, body + " ", 300, now)).toBe(false);
    expect(verifyWebhookSignature("whsec_other", header, body, 300, now)).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, 300, now + 301)).toBe(false);
    expect(verifyWebhookSignature(secret, undefined, body, 300, now)).toBe(false);
    expect(verifyWebhookSignature(secret, "t=abc,v1=00", body, 300, now)).toBe(false);
  });
});
