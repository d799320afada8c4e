// The campaign pages in a real browser against the whole stack: Explore, a campaign's page,
// contributing with a permit, claiming after success, a refund after failure, a card payment
// through the simulated on-ramp, a revert's human message and a refused signature. Accounts
// #10 and #11 (harness README); every test makes its own campaigns.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getAddress, type Address } from "viem";
import type { Page } from "playwright-core";
import { campaignAbi, devStablecoinAbi } from "../../generated/crowdstake.ts";
import { connectWallet, expectAccessible, visit } from "./harness/app.ts";
import { openBrowser, type BrowserSession } from "./harness/browser.ts";
import { mintCusd, testStack } from "./harness/context.ts";

const stack = testStack();
const BACKER = 10;
const OTHER_BACKER = 11;
const HOUR = 3_600;
let session: BrowserSession | undefined;

beforeAll(async () => {
  await mintCusd(stack, BACKER, stack.cusd(10_000));
  await mintCusd(stack, OTHER_BACKER, stack.cusd(10_000));
});

afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** A name no earlier run used (with E2E_STACK the chain outlives a run). */
const unique = (name: string) => `${name} ${Date.now().toString(36)}`;

/** Contributes from `account` straight on the chain (approve + contribute), as another backer would. */
async function contributeOnChain(campaign: Address, account: number, amount: bigint): Promise<void> {
  await stack.chain.write(account, { address: stack.chain.addresses.DevStablecoin, abi: devStablecoinAbi, functionName: "approve", args: [campaign, amount] });
  await stack.chain.write(account, { address: campaign, abi: campaignAbi, functionName: "contribute", args: [amount] });
}

async function openCampaign(campaign: Address, account: number, options: { connect?: boolean } = {}): Promise<{ page: Page; session: BrowserSession }> {
  await stack.indexed();
  session = await openBrowser({ rpcUrl: stack.rpcUrl, account });
  await visit(session.page, stack.webUrl, `/campaigns/${campaign}`);
  if (options.connect ?? true) await connectWallet(session.page, session.wallet.address);
  return { page: session.page, session };
}

const status = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });

describe("campaign pages", () => {
  it("lists campaigns on Explore and contributes cUSD with a permit", async () => {
    const name = unique("Permit Garden");
    const { campaign } = await stack.createCampaign({ name, goal: stack.cusd(1_000), withPool: true });
    await stack.indexed();
    session = await openBrowser({ rpcUrl: stack.rpcUrl, account: BACKER });
    const { page, wallet } = session;
    await visit(page, stack.webUrl, "/");
    const link = page.getByRole("link", { name });
    await link.waitFor();
    const card = page.locator("article", { has: link });
    await expect.poll(() => card.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0");
    await expect.poll(() => card.innerText()).toMatch(/0 cUSD raised of 1,000 cUSD/);
    await page.getByRole("progressbar").first().waitFor();
    await session.screenshot("campaigns-explore");
    await expectAccessible(page);

    await link.click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    await page.getByTestId("connect-prompt").waitFor();
    await connectWallet(page, wallet.address);
    const amount = page.getByLabel("Amount (cUSD)", { exact: true });
    await expect.poll(() => page.getByTestId("wallet-asset").innerText()).toMatch(/Your balance: [\d,]+ cUSD · allowance for this campaign: 0 cUSD/);
    await amount.fill("25");
    await page.getByRole("button", { name: "Contribute", exact: true }).click();
    await status(page, "Contribute: confirmed").waitFor({ timeout: 30_000 });
    expect(wallet.requests).toContain("eth_signTypedData_v4");
    // one transaction: the permit replaced the approval
    expect(wallet.requests.filter((method) => method === "eth_sendTransaction")).toHaveLength(1);
    await expect.poll(() => page.getByTestId("your-contribution").innerText()).toMatch(/Your contribution: 25 cUSD/);
    // the indexer catches up: recent backers lists the checksummed address
    await page.getByRole("cell", { name: getAddress(wallet.address) }).waitFor({ timeout: 30_000 });
    await page.getByRole("link", { name: "Stake in this pool" }).waitFor();
    // the chart follows the new contribution
    await page.getByText(/25 cUSD raised by .*, from 1 contribution\./).waitFor({ timeout: 30_000 });
    await page.locator(".campaign-chart svg").first().waitFor({ timeout: 30_000 });
    await session.screenshot("campaigns-campaign");
    await expectAccessible(page);
  });

  it("claims the tokens of a campaign that succeeded", async () => {
    const { campaign } = await stack.createCampaign({ name: unique("Claim Orchard"), goal: stack.cusd(10), durationSeconds: HOUR });
    await contributeOnChain(campaign, OTHER_BACKER, stack.cusd(20));
    await stack.increaseTime(HOUR + 60);
    const { page } = await openCampaign(campaign, OTHER_BACKER);
    const claim = page.getByRole("button", { name: "Claim 2,000 TST" });
    await claim.waitFor();
    await expect.poll(() => page.getByTestId("your-contribution").innerText()).toMatch(/20 cUSD \(worth 2,000 TST\)/);
    await session!.screenshot("campaigns-claim");
    await claim.click();
    await status(page, "Claim tokens: confirmed").waitFor({ timeout: 30_000 });
    await page.getByText("You have claimed your tokens.").waitFor();
    const claimable = await stack.chain.public.readContract({ address: campaign, abi: campaignAbi, functionName: "claimableTokens", args: [stack.chain.accounts[OTHER_BACKER]!.address] });
    expect(claimable).toBe(0n);
  });

  it("refunds a backer of a campaign that failed", async () => {
    const { campaign } = await stack.createCampaign({ name: unique("Refund Meadow"), goal: stack.cusd(1_000), durationSeconds: HOUR });
    await contributeOnChain(campaign, OTHER_BACKER, stack.cusd(5));
    await stack.increaseTime(HOUR + 60);
    const { page } = await openCampaign(campaign, OTHER_BACKER);
    const refund = page.getByRole("button", { name: "Refund 5 cUSD" });
    await refund.waitFor();
    await page.getByText("The campaign did not reach its goal.", { exact: false }).waitFor();
    await refund.click();
    await status(page, "Refund: confirmed").waitFor({ timeout: 30_000 });
    await page.getByText("Your contribution has been refunded.").waitFor();
    await session!.screenshot("campaigns-refund");
  });

  it("pays by card through the simulated provider and shows the settled contribution", async () => {
    const { campaign } = await stack.createCampaign({ name: unique("Card Commons"), goal: stack.cusd(1_000) });
    const { page, session: opened } = await openCampaign(campaign, BACKER);
    const form = page.locator("form", { has: page.getByRole("heading", { name: "Pay by card" }) });
    await expect.poll(() => form.getByLabel("Tokens go to (address)").inputValue()).toBe(getAddress(opened.wallet.address));
    await form.getByLabel("Amount to pay by card (cUSD)").fill("15");
    await form.getByRole("button", { name: "Continue to card payment" }).click();
    const checkout = page.getByRole("link", { name: /Pay at the card checkout/ });
    await checkout.waitFor();
    await page.getByTestId("card-order").filter({ hasText: "received" }).waitFor();
    const [provider] = await Promise.all([page.waitForEvent("popup"), checkout.click()]);
    await provider.getByRole("button", { name: "Pay 15.00 USD" }).click();
    await provider.getByRole("heading", { name: "Payment completed" }).waitFor();
    await provider.close();
    const order = page.getByTestId("card-order");
    await order.filter({ hasText: `Contribution of 15 cUSD booked for ${getAddress(opened.wallet.address)}` }).waitFor({ timeout: 60_000 });
    expect(await order.innerText()).toMatch(/settled/);
    await page.getByRole("row", { name: /15 cUSD.*Card/ }).waitFor({ timeout: 30_000 });
    await opened.screenshot("campaigns-card");
  });

  it("shows a reverted transaction's human message when the form's data is stale", async () => {
    const { campaign } = await stack.createCampaign({ name: unique("Stale Quarry"), goal: stack.cusd(1_000), minContribution: stack.cusd(10) });
    await stack.indexed();
    session = await openBrowser({ rpcUrl: stack.rpcUrl, account: BACKER });
    const { page, wallet } = session;
    // An indexer that has not caught up with the campaign's terms: the form lets 0.5 cUSD through,
    // the contract refuses it.
    await page.route(`${stack.apiUrl}/graphql`, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { data?: { campaign?: { minContribution: string } } };
      if (body.data?.campaign) body.data.campaign.minContribution = "1";
      await route.fulfill({ response, json: body });
    });
    await visit(page, stack.webUrl, `/campaigns/${campaign}`);
    await connectWallet(page, wallet.address);
    await page.getByLabel("Amount (cUSD)", { exact: true }).fill("0.5");
    await page.getByRole("button", { name: "Contribute", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "Contribute failed: The amount is below this campaign's minimum contribution." }).waitFor({ timeout: 30_000 });
    // the permit was signed, the contribution refused before it was sent
    expect(wallet.requests).toContain("eth_signTypedData_v4");
    expect(wallet.requests).not.toContain("eth_sendTransaction");
    await expect.poll(() => page.getByRole("button", { name: "Contribute", exact: true }).isEnabled()).toBe(true);
  });

  it("keeps the form usable after the wallet refuses the permit signature, on a phone", async () => {
    const { campaign } = await stack.createCampaign({ name: unique("Refused Pier"), goal: stack.cusd(1_000) });
    await stack.indexed();
    session = await openBrowser({ rpcUrl: stack.rpcUrl, account: BACKER, viewport: { width: 390, height: 844 } });
    const { page, wallet } = session;
    await visit(page, stack.webUrl, `/campaigns/${campaign}`);
    await connectWallet(page, wallet.address);
    const amount = page.getByLabel("Amount (cUSD)", { exact: true });
    const contribute = page.getByRole("button", { name: "Contribute", exact: true });
    await amount.fill("5");
    wallet.rejectNext();
    await contribute.click();
    await status(page, "Sign the permit: You cancelled the request in your wallet.").waitFor({ timeout: 30_000 });
    expect(await contribute.isEnabled()).toBe(true);
    expect(await amount.inputValue()).toBe("5");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await session.screenshot("campaigns-campaign-phone");
    // the same form, tried again, goes through
    await contribute.click();
    await status(page, "Contribute: confirmed").waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId("your-contribution").innerText()).toMatch(/Your contribution: 5 cUSD/);
  });
});
