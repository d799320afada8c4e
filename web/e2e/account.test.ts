// My account in a real browser: the wallet (#14) backs a campaign to its cap and claims its
// tokens, stakes them, pays a merchant's payment session and contributes by card through the
// simulated on-ramp; the account page then lists each of them, linked to its page.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { erc20Abi, getAddress, type Address, type Hex } from "viem";
import type { Locator, Page } from "playwright-core";
import { campaignAbi, paymentEscrowAbi, stakingPoolAbi } from "../../generated/crowdstake.ts";
import { openBrowser, type BrowserSession } from "./harness/browser.ts";
import { connectWallet, expectAccessible, visit } from "./harness/app.ts";
import { mintCusd, testStack } from "./harness/context.ts";

const stack = testStack();
const ME = 14;
const OWNER = 3;
const E18 = 10n ** 18n;
// Names of this run's campaigns: a kept-running stack (E2E_STACK) still has the previous runs'.
const RUN = Math.random().toString(36).slice(2, 6).toUpperCase();
const BACKED = `Backed ${RUN}`;
const CARD = `Card ${RUN}`;
let session: BrowserSession | undefined;
let backed: { campaign: Address; pool: Address };
let cardCampaign: Address;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function api<T>(path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${stack.apiUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Waits (on the API, not a sleep) until `probe` answers something. */
async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  const { chain, cusd } = stack;
  const me = chain.accounts[ME]!.address;
  await mintCusd(stack, ME, cusd(1_000));

  // A contribution that fills the campaign's cap (so it succeeds at once), its tokens claimed and staked.
  const created = await stack.createCampaign({ name: BACKED, goal: cusd(100), cap: cusd(100), withPool: true });
  backed = { campaign: created.campaign, pool: created.pool! };
  await chain.write(ME, { address: chain.addresses.DevStablecoin, abi: erc20Abi, functionName: "approve", args: [backed.campaign, cusd(100)] });
  await chain.write(ME, { address: backed.campaign, abi: campaignAbi, functionName: "contribute", args: [cusd(100)] });
  await chain.write(ME, { address: backed.campaign, abi: campaignAbi, functionName: "claimTokens" });
  const token = (await chain.public.readContract({ address: backed.pool, abi: stakingPoolAbi, functionName: "stakingToken" })) as Address;
  await chain.write(ME, { address: token, abi: erc20Abi, functionName: "approve", args: [backed.pool, 1_000n * E18] });
  await chain.write(ME, { address: backed.pool, abi: stakingPoolAbi, functionName: "stake", args: [1_000n * E18] });
  await chain.write(OWNER, { address: chain.addresses.DevStablecoin, abi: erc20Abi, functionName: "approve", args: [backed.pool, cusd(300)] });
  await chain.write(OWNER, { address: backed.pool, abi: stakingPoolAbi, functionName: "notifyRewardAmount", args: [cusd(300)] });

  // A payment: the demo merchant's session, paid from this wallet through the escrow.
  const session = await api<{ id: string; intent: { amount: string; deadline: string } & Record<string, unknown>; signature: Hex }>(
    "/v1/payment_sessions",
    { token: chain.addresses.DevStablecoin, amount: "7500000" },
    stack.demo.apiKey,
  );
  await chain.write(ME, { address: chain.addresses.DevStablecoin, abi: erc20Abi, functionName: "approve", args: [chain.addresses.PaymentEscrow, 7_500_000n] });
  await chain.write(ME, {
    address: chain.addresses.PaymentEscrow,
    abi: paymentEscrowAbi,
    functionName: "pay",
    args: [{ ...session.intent, amount: BigInt(session.intent.amount), deadline: BigInt(session.intent.deadline) }, session.signature],
  });

  // A card contribution through the simulated on-ramp, settled by the relayer for this wallet.
  cardCampaign = (await stack.createCampaign({ name: CARD, goal: cusd(1_000) })).campaign;
  const order = await api<{ orderId: string }>("/v1/onramp/sessions", { provider: "simulated", campaign: cardCampaign.toLowerCase(), beneficiary: me.toLowerCase(), amount: "20000000" });
  const paid = await fetch(`${stack.apiUrl}/onramp/simulated/checkout/${order.orderId}`, { method: "POST", body: new URLSearchParams({ outcome: "paid" }) });
  expect(paid.ok).toBe(true);
  await until(`card order ${order.orderId} to settle`, async () => {
    const { onrampOrder } = await stack.graphql("query ($id: ID!) { onrampOrder(id: $id) { status error } }", { id: order.orderId });
    if (onrampOrder?.status === "failed") throw new Error(`card order failed: ${onrampOrder.error}`);
    return onrampOrder?.status === "settled" ? true : undefined;
  });
  await stack.indexed();
});

/** The table under the heading `title`. */
function table(page: Page, title: string): Locator {
  return page.getByRole("region", { name: `${title} (scrolls sideways)` }).getByRole("table");
}

function row(page: Page, title: string, text: string | RegExp): Locator {
  return table(page, title).getByRole("row").filter({ hasText: text });
}

describe("my account", () => {
  it("asks to connect a wallet first", async () => {
    session = await openBrowser({ rpcUrl: stack.rpcUrl, account: ME });
    await visit(session.page, stack.webUrl, "/account");
    await session.page.getByText("Connect your wallet (top right)").waitFor();
  });

  it("lists the wallet's contribution, token claim, stake, payment and card order", async () => {
    session = await openBrowser({ rpcUrl: stack.rpcUrl, account: ME });
    const { page, wallet } = session;
    await visit(page, stack.webUrl, "/account");
    await connectWallet(page, wallet.address);
    await page.getByText(`Wallet ${getAddress(wallet.address)}`).waitFor();

    const contribution = row(page, "Contributions", BACKED);
    await contribution.waitFor({ timeout: 30_000 });
    await expect.poll(() => contribution.innerText()).toMatch(/100 cUSD\s+Wallet\s+Succeeded · tokens claimed/);
    expect(await contribution.getByRole("link", { name: BACKED }).getAttribute("href")).toBe(`/campaigns/${getAddress(backed.campaign)}`);
    await expect.poll(() => row(page, "Contributions", CARD).innerText()).toMatch(/20 cUSD\s+Card\s+Raising/);

    await expect.poll(() => row(page, "Token claims and refunds", BACKED).innerText()).toMatch(/Tokens claimed\s+\S+ \S+\s+10,000 TST/);

    const stake = row(page, "Stakes", BACKED);
    await stake.waitFor();
    await expect.poll(() => stake.innerText()).toMatch(/1,000 TST/);
    expect(await stake.getByRole("link", { name: BACKED }).getAttribute("href")).toBe(`/staking/${getAddress(backed.pool)}`);
    // Pending rewards come from the chain and grow.
    await expect.poll(async () => /\d[\d.,]* cUSD/.test((await stake.getByRole("cell").nth(3).innerText()) ?? "")).toBe(true);

    await expect.poll(() => row(page, "Payments", "7.5 cUSD").first().innerText()).toMatch(/0x15d3…6A65\s+7\.5 cUSD\s+(Detected|Held in escrow)/);
    await expect.poll(() => row(page, "Card orders", CARD).innerText()).toMatch(/Contribution to Card \w+\s+Simulated\s+20 cUSD\s+20(\.00)? \w+\s+Settled/);

    await expectAccessible(page);
    await session.screenshot("account");
  });

  it("fits a phone-sized screen (tables scroll on their own)", async () => {
    session = await openBrowser({ rpcUrl: stack.rpcUrl, account: ME, viewport: { width: 375, height: 800 } });
    const { page, wallet } = session;
    await visit(page, stack.webUrl, "/account");
    await connectWallet(page, wallet.address);
    await row(page, "Stakes", BACKED).waitFor({ timeout: 30_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await session.screenshot("account-phone");
  });
});
