// The hosted checkout in a real browser against the whole stack: a merchant (#18) creates a
// payment session through the API with an API key; a payer (#15) opens its checkout link, pays
// with the injected wallet (an EIP-2612 permit and one transaction), watches it go from detected to
// confirmed and is sent to the merchant's success URL. Also: an expired (cancelled) session, an
// unknown one, and the page on a phone-sized screen. Accounts per the harness README.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getAddress, type Hex } from "viem";
import { devStablecoinAbi, paymentEscrowAbi } from "../../generated/crowdstake.ts";
import { expectAccessible, expectConnected, visit } from "./harness/app.ts";
import { openBrowser, type BrowserSession } from "./harness/browser.ts";
import { mintCusd, testStack } from "./harness/context.ts";
import { merchantSession } from "./harness/merchant.ts";

const stack = testStack();
const PAYER = 15;
const MERCHANT = 18;
const merchant = stack.chain.accounts[MERCHANT]!;
let session: BrowserSession | undefined;
let apiKey: string;

// The merchant's shop: where the checkout sends the payer back.
const shopVisits: string[] = [];
let shop: Server;
let shopUrl: string;

async function api<T = any>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const { token, ...rest } = init;
  const response = await fetch(`${stack.apiUrl}${path}`, {
    ...rest,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`${rest.method ?? "GET"} ${path}: ${response.status} ${JSON.stringify(body)}`);
  return body as T;
}

/** The merchant signs in with Ethereum (as the dashboard does) and makes an API key for its server. */
async function merchantApiKey(): Promise<string> {
  const token = await merchantSession(stack, MERCHANT);
  const { key } = await api<{ key: string }>("/v1/api_keys", { method: "POST", token, body: JSON.stringify({ label: "shop server" }) });
  return key;
}

/** What the merchant's server does: POST /v1/payment_sessions with its API key. */
function createSession(body: Record<string, unknown>) {
  return api<{ id: Hex; checkoutUrl: string; status: string }>("/v1/payment_sessions", { method: "POST", token: apiKey, body: JSON.stringify(body) });
}

beforeAll(async () => {
  shop = createServer((request, response) => {
    shopVisits.push(request.url ?? "");
    response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Shop</title><h1>Thank you for your order</h1>");
  });
  await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;

  await mintCusd(stack, PAYER, stack.cusd(1_000));
  // On-chain, once: a one-day escrow window, and the platform (#0) may sign intents for the merchant.
  const escrow = stack.chain.addresses.PaymentEscrow;
  await stack.chain.write(MERCHANT, { address: escrow, abi: paymentEscrowAbi, functionName: "setReleaseDelay", args: [86_400] });
  await stack.chain.write(MERCHANT, { address: escrow, abi: paymentEscrowAbi, functionName: "setSigner", args: [stack.chain.accounts[0]!.address, true] });
  apiKey = await merchantApiKey();
});

afterAll(async () => {
  await new Promise((resolve) => shop?.close(resolve));
});

afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe("hosted checkout", () => {
  it("pays a session with a permit, follows its status and returns to the merchant's success URL", async () => {
    const order = `order-${Date.now().toString(36)}`;
    const created = await createSession({ token: stack.chain.addresses.DevStablecoin, amount: "12500000", successUrl: `${shopUrl}/thanks?order=${order}`, expiresIn: 3_600 });
    expect(created.checkoutUrl).toBe(`${stack.webUrl}/checkout/${created.id}`);

    session = await openBrowser({ rpcUrl: stack.rpcUrl, account: PAYER });
    const { page, wallet } = session;
    await visit(page, stack.webUrl, new URL(created.checkoutUrl).pathname);
    await page.getByText("12.5 cUSD", { exact: true }).waitFor();
    await page.getByText(getAddress(merchant.address), { exact: true }).waitFor();
    await page.getByRole("timer").waitFor();
    await page.getByRole("img", { name: /QR code/ }).waitFor();
    await expectAccessible(page);

    // Connect from the checkout itself (the wallet discovered by EIP-6963), then pay by keyboard.
    await page.getByRole("button", { name: "Connect Test Wallet" }).click();
    await expectConnected(page, wallet.address);
    const steps = page.getByRole("list", { name: "Steps" });
    await expect.poll(() => steps.innerText()).toMatch(/Sign a permit for cUSD/);
    await session.screenshot("checkout");
    const balanceBefore = await stack.chain.public.readContract({ address: stack.chain.addresses.DevStablecoin, abi: devStablecoinAbi, functionName: "balanceOf", args: [wallet.address] });
    const pay = page.getByRole("button", { name: "Pay 12.5 cUSD" });
    await expect.poll(() => pay.isEnabled()).toBe(true);
    await pay.focus();
    await page.keyboard.press("Enter");

    // Paid on-chain in one transaction after a permit; the indexer sees it, then one more block confirms it.
    await page.getByText("Detected", { exact: true }).waitFor({ timeout: 30_000 });
    expect(wallet.requests).toContain("eth_signTypedData_v4");
    expect(wallet.requests.filter((method) => method === "eth_sendTransaction")).toHaveLength(1);
    await page.getByText(/1 confirmation so far/).waitFor();
    await session.screenshot("checkout-detected");
    await stack.chain.test.mine({ blocks: 1 });
    await page.getByText("Paid ✓").waitFor({ timeout: 30_000 });
    await page.getByRole("link", { name: "Return to the merchant now" }).waitFor();
    await session.screenshot("checkout-paid");

    // …and a few seconds later, back at the shop.
    await page.waitForURL(`${shopUrl}/thanks?order=${order}`, { timeout: 20_000 });
    await page.getByRole("heading", { name: "Thank you for your order" }).waitFor();
    expect(shopVisits).toContain(`/thanks?order=${order}`);
    const balanceAfter = await stack.chain.public.readContract({ address: stack.chain.addresses.DevStablecoin, abi: devStablecoinAbi, functionName: "balanceOf", args: [wallet.address] });
    expect(balanceBefore - balanceAfter).toBe(12_500_000n);
    const { payment } = await stack.graphql("query ($id: String!) { payment(id: $id) { payer status } }", { id: created.id });
    expect(payment).toEqual({ payer: wallet.address.toLowerCase(), status: "confirmed" });
  });

  it("shows a cancelled session as expired and an unknown one as not found", async () => {
    const created = await createSession({ token: stack.chain.addresses.DevStablecoin, amount: "1000000", successUrl: `${shopUrl}/never`, cancelUrl: `${shopUrl}/cart` });
    const { blockNumber } = await stack.chain.write(MERCHANT, { address: stack.chain.addresses.PaymentEscrow, abi: paymentEscrowAbi, functionName: "cancelIntent", args: [created.id] });
    await stack.indexed(blockNumber);

    session = await openBrowser({ rpcUrl: stack.rpcUrl, account: PAYER });
    const { page } = session;
    await visit(page, stack.webUrl, `/checkout/${created.id}`);
    await page.getByText(/has expired and can no longer be paid/).waitFor();
    expect(await page.getByRole("button", { name: /^Pay/ }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Cancel and return to the merchant" }).getAttribute("href")).toBe(`${shopUrl}/cart`);
    await session.screenshot("checkout-expired");

    await visit(page, stack.webUrl, `/checkout/${merchant.address.toLowerCase()}${"ab".repeat(12)}`);
    await page.getByRole("heading", { name: "Payment not found" }).waitFor();
    await visit(page, stack.webUrl, "/checkout/not-a-session");
    await page.getByRole("heading", { name: "Payment not found" }).waitFor();
  });

  it("fits a phone-sized screen", async () => {
    const created = await createSession({ token: stack.chain.addresses.DevStablecoin, amount: "2500000", expiresIn: 3_600 });
    session = await openBrowser({ rpcUrl: stack.rpcUrl, account: PAYER, viewport: { width: 390, height: 844 } });
    const { page } = session;
    await visit(page, stack.webUrl, `/checkout/${created.id}`);
    await page.getByText("2.5 cUSD", { exact: true }).waitFor();
    await page.getByRole("img", { name: /QR code/ }).waitFor();
    // Nothing wider than the screen: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);
    await session.screenshot("checkout-phone");
  });
});
