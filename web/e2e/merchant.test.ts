// The merchant dashboard in a real browser against the whole stack: Sign-In with Ethereum from
// the injected wallet; release, partial and full refunds, and a refund of a disputed payment;
// an API key created (shown once, works) and revoked (stops working); a webhook endpoint set, its
// secret shown once, and a signed delivery arriving and showing in the log. Merchant #16 and payer
// #17 (harness README); every test makes its own payments.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getAddress, zeroAddress, zeroHash, type Hex } from "viem";
import type { Locator, Page } from "playwright-core";
import { devStablecoinAbi, paymentEscrowAbi } from "../../generated/crowdstake.ts";
import { verifyWebhookSignature } from "../../indexer/src/api/merchants/webhook-signature.ts";
import { INTENT_TYPES } from "../../scripts/lib/eip712-types.ts";
import { expectAccessible, expectConnected, visit } from "./harness/app.ts";
import { openBrowser, type BrowserSession } from "./harness/browser.ts";
import { mintCusd, testStack } from "./harness/context.ts";
import { merchantSession } from "./harness/merchant.ts";

const stack = testStack();
const MERCHANT = 16;
const PAYER = 17;
const merchant = stack.chain.accounts[MERCHANT]!;
const escrow = stack.chain.addresses.PaymentEscrow;
const cusd = stack.chain.addresses.DevStablecoin;
const DAY = 86_400;
let session: BrowserSession | undefined;

// The merchant's webhook receiver.
const deliveries: { headers: IncomingHttpHeaders; body: string }[] = [];
let receiver: Server;
let receiverUrl: string;

/** The payer pays an intent the merchant signed itself (approve + pay); returns its id once indexed. */
async function payMerchant(amount: bigint): Promise<Hex> {
  const now = (await stack.chain.public.getBlock()).timestamp;
  const intent = {
    id: `${merchant.address.toLowerCase()}${randomBytes(12).toString("hex")}` as Hex,
    merchant: merchant.address,
    token: cusd,
    amount,
    deadline: now + 3_600n,
    payer: zeroAddress,
    splits: [],
    metadataHash: zeroHash,
  };
  const signature = await merchant.signTypedData({
    domain: { name: "Crowdstake PaymentEscrow", version: "1", chainId: 31337, verifyingContract: escrow },
    types: INTENT_TYPES,
    primaryType: "PaymentIntent",
    message: intent,
  });
  await stack.chain.write(PAYER, { address: cusd, abi: devStablecoinAbi, functionName: "approve", args: [escrow, amount] });
  const { blockNumber } = await stack.chain.write(PAYER, { address: escrow, abi: paymentEscrowAbi, functionName: "pay", args: [intent, signature] });
  await stack.indexed(blockNumber);
  return intent.id;
}

async function escrowStatus(id: Hex): Promise<number> {
  const info = await stack.chain.public.readContract({ address: escrow, abi: paymentEscrowAbi, functionName: "payments", args: [id] });
  return Number(info.status); // 1 Held, 2 Disputed, 3 Released, 4 Refunded
}

/** A SIWE session from Node, for setting up (the browser signs in on its own). */
const apiSession = () => merchantSession(stack, MERCHANT);

async function graphqlWith(token: string, query: string): Promise<{ data?: any; errors?: { message: string }[] }> {
  const response = await fetch(`${stack.apiUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
  return response.json();
}

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      deliveries.push({ headers: request.headers, body });
      response.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/crowdstake`;

  await mintCusd(stack, PAYER, stack.cusd(10_000));
  await stack.chain.write(MERCHANT, { address: escrow, abi: paymentEscrowAbi, functionName: "setReleaseDelay", args: [DAY] });
  // A clean start when the stack outlives a run (E2E_STACK): no webhook endpoint yet.
  await fetch(`${stack.apiUrl}/v1/webhook_endpoint`, { method: "DELETE", headers: { authorization: `Bearer ${await apiSession()}` } });
});

afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
});

afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** Opens the dashboard as the merchant, connects the wallet and signs in with Ethereum. */
async function signIn(viewport?: { width: number; height: number }): Promise<Page> {
  session = await openBrowser({ rpcUrl: stack.rpcUrl, account: MERCHANT, viewport });
  const { page, wallet } = session;
  await visit(page, stack.webUrl, "/merchant");
  await page.getByRole("button", { name: "Connect Test Wallet" }).click();
  await expectConnected(page, wallet.address);
  await page.getByRole("button", { name: "Sign in with Ethereum" }).click();
  await page.getByText(`Signed in as ${getAddress(merchant.address)}`).waitFor({ timeout: 20_000 });
  expect(wallet.requests).toContain("personal_sign");
  return page;
}

const paymentRow = (page: Page, region: string, id: Hex): Locator => page.getByRole("region", { name: region }).locator(`tr[data-payment-id="${id}"]`);
const txConfirmed = (row: Locator, label: string) => row.getByRole("status").filter({ hasText: `${label}: confirmed` }).waitFor({ timeout: 30_000 });

describe("merchant dashboard", () => {
  it("signs in with Ethereum, keeps the session on reload and signs out", async () => {
    const page = await signIn();
    await page.getByRole("heading", { name: "Payments" }).waitFor();
    await page.reload();
    await page.getByText(`Signed in as ${getAddress(merchant.address)}`).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign in with Ethereum" }).waitFor();
  });

  it("releases a payment, refunds one in part then in full, and refunds a disputed one", async () => {
    const released = await payMerchant(stack.cusd(30));
    const refunded = await payMerchant(stack.cusd(20));
    const disputed = await payMerchant(stack.cusd(10));
    const page = await signIn();

    // Release: the merchant may release before the escrow window ends.
    const releaseRow = paymentRow(page, "Payments", released);
    await releaseRow.getByText("30 cUSD", { exact: true }).waitFor({ timeout: 20_000 });
    await session!.screenshot("merchant");
    await releaseRow.getByRole("button", { name: /^Release/ }).click();
    await txConfirmed(releaseRow, "Release");
    expect(await escrowStatus(released)).toBe(3);
    await stack.chain.test.mine({ blocks: 1 });
    await releaseRow.getByText("Settled", { exact: true }).waitFor({ timeout: 20_000 });

    // Refund 5 of 20, then the 15 left (the form offers what is still held).
    const refundRow = paymentRow(page, "Payments", refunded);
    await refundRow.getByRole("button", { name: /^Refund/ }).click();
    await refundRow.getByLabel("Refund amount (cUSD)").fill("5");
    await refundRow.getByRole("button", { name: "Refund", exact: true }).click();
    await txConfirmed(refundRow, "Partial refund");
    await refundRow.getByText("refunded 5 cUSD").waitFor({ timeout: 20_000 });
    expect(await escrowStatus(refunded)).toBe(1);
    await refundRow.getByText("History").click();
    await refundRow.getByText("Refunded: 5 cUSD").waitFor();
    await refundRow.getByRole("button", { name: /^Refund/ }).click();
    expect(await refundRow.getByLabel("Refund amount (cUSD)").inputValue()).toBe("15");
    await refundRow.getByRole("button", { name: "Refund", exact: true }).click();
    await txConfirmed(refundRow, "Full refund");
    await refundRow.getByText("Refunded", { exact: true }).waitFor({ timeout: 20_000 });
    expect(await escrowStatus(refunded)).toBe(4);

    // The payer disputes: the payment is frozen (no release), and the merchant refunds it.
    const { blockNumber } = await stack.chain.write(PAYER, { address: escrow, abi: paymentEscrowAbi, functionName: "openDispute", args: [disputed] });
    await stack.indexed(blockNumber);
    const disputeRow = paymentRow(page, "Disputes", disputed);
    await disputeRow.getByText("Frozen by a dispute").waitFor({ timeout: 20_000 });
    expect(await disputeRow.getByRole("button", { name: /^Release/ }).count()).toBe(0);
    await session!.screenshot("merchant-dispute");
    await disputeRow.getByRole("button", { name: /^Refund/ }).click();
    await disputeRow.getByRole("button", { name: "Refund", exact: true }).click();
    // Once refunded it is no longer disputed, and leaves the Disputes list (with its status line).
    await expect.poll(() => escrowStatus(disputed), { timeout: 30_000 }).toBe(4);
    await disputeRow.waitFor({ state: "detached", timeout: 20_000 });
    await paymentRow(page, "Payments", disputed).getByText("Refunded", { exact: true }).waitFor({ timeout: 20_000 });
  });

  it("creates an API key, shows it once, and revokes it", async () => {
    const page = await signIn();
    const label = `e2e key ${Date.now().toString(36)}`;
    const keys = page.getByRole("region", { name: "API keys" });
    await keys.getByLabel("Label for a new key").fill(label);
    await keys.getByRole("button", { name: "Create API key" }).click();
    const secret = keys.getByTestId("secret-value");
    const key = (await secret.innerText()).trim();
    expect(key).toMatch(/^csk_/);
    // The key works for the merchant's server…
    expect((await graphqlWith(key, "{ paymentSessions(first: 1) { items { id } } }")).errors).toBeUndefined();
    await session!.screenshot("merchant-api-key");
    await keys.getByRole("button", { name: "I have saved it" }).click();
    await secret.waitFor({ state: "detached" });
    expect(await page.content()).not.toContain(key);
    // …until it is revoked.
    const row = keys.locator("tr", { hasText: label });
    await row.getByRole("button", { name: `Revoke API key ${label}` }).click();
    await row.getByRole("button", { name: "Revoke key" }).click();
    await row.getByText(/^Revoked/).waitFor();
    expect((await graphqlWith(key, "{ paymentSessions(first: 1) { items { id } } }")).errors?.[0]?.message).toMatch(/authentication required/);
  });

  it("sets the webhook endpoint, shows its secret once, and logs a signed delivery", async () => {
    const page = await signIn();
    const hooks = page.getByRole("region", { name: "Webhooks" });
    await hooks.getByText("No webhook endpoint yet.").waitFor();
    await hooks.getByLabel("Endpoint URL").fill(receiverUrl);
    await hooks.getByRole("button", { name: "Set endpoint" }).click();
    const secret = (await hooks.getByTestId("secret-value").innerText()).trim();
    expect(secret).toMatch(/^whsec_/);
    await hooks.getByRole("button", { name: "I have saved it" }).click();
    await hooks.getByText(`Current endpoint: ${receiverUrl}`).waitFor();

    // A new payment: the merchant's receiver gets payment.detected, signed with that secret.
    const id = await payMerchant(stack.cusd(3));
    await expect.poll(() => deliveries.some((delivery) => delivery.body.includes(id)), { timeout: 30_000 }).toBe(true);
    const delivery = deliveries.find((each) => each.body.includes(id))!;
    expect(JSON.parse(delivery.body)).toMatchObject({ type: "payment.detected" });
    expect(verifyWebhookSignature(secret, delivery.headers["crowdstake-signature"] as string, delivery.body)).toBe(true);
    const logRow = hooks.locator("tr", { hasText: id.slice(0, 10) }).filter({ hasText: "payment.detected" });
    await logRow.getByText("delivered").waitFor({ timeout: 20_000 });
    await logRow.getByText("200").waitFor();
    await session!.screenshot("merchant-webhooks");

    // Rotating gives a new secret, shown once.
    await hooks.getByRole("button", { name: "Rotate secret" }).click();
    await hooks.getByRole("button", { name: "Rotate secret" }).click();
    const rotated = (await hooks.getByTestId("secret-value").innerText()).trim();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
  });

  it("fits a phone-sized screen", async () => {
    const page = await signIn({ width: 390, height: 844 });
    await page.getByRole("heading", { name: "Payments" }).waitFor();
    await page.getByRole("region", { name: "Payments" }).locator("tr[data-payment-id]").first().waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);
    await session!.screenshot("merchant-phone");
  });
});
