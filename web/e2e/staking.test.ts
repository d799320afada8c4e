// Staking in a real browser against the whole stack: a fresh campaign whose pool has a one-day
// cooldown; the staker (#12) earns its token by backing the campaign to its cap, then stakes
// with a permit, watches earned rise, claims, requests an unstake, and withdraws once the chain's
// clock has been moved past the cooldown. A refused signature leaves the page usable.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { decodeEventLog, erc20Abi, getAddress, type Address } from "viem";
import type { Page } from "playwright-core";
import { campaignAbi, campaignFactoryAbi, stakingPoolAbi } from "../../generated/crowdstake.ts";
import { poolConfig } from "../../scripts/lib/pool-config.ts";
import { openBrowser, type BrowserSession } from "./harness/browser.ts";
import { connectWallet, expectAccessible, visit } from "./harness/app.ts";
import { mintCusd, testStack } from "./harness/context.ts";

const stack = testStack();
const STAKER = 12;
const OWNER = 3;
const DAY = 86_400;
const E18 = 10n ** 18n;
// This run's campaign name: a kept-running stack (E2E_STACK) still has the previous runs' pools.
const NAME = `Staking ${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
const TITLE = `${NAME} · stake STK`;
let session: BrowserSession | undefined;
let pool: Address;
let token: Address;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** A cUSD campaign whose pool has a cooldown, backed to its cap (so Successful) by `backer`, who claims its tokens; the pool is funded. */
async function fundedCooldownPool(backer: number): Promise<{ pool: Address; token: Address }> {
  const { chain, cusd } = stack;
  const owner = chain.accounts[OWNER]!.address;
  const now = (await chain.public.getBlock({ blockTag: "latest" })).timestamp;
  const goal = cusd(100);
  const params = {
    owner,
    start: now,
    asset: chain.addresses.DevStablecoin,
    end: now + 30n * 86_400n,
    goal,
    cap: goal,
    minContribution: cusd(1),
    maxPerBacker: 0n,
    rate: 10n ** 32n, // 100 tokens per cUSD
    metadataURI: `data:application/json,${JSON.stringify({ name: NAME, description: "Made by staking.test.ts" })}`,
  } as const;
  const config = poolConfig({ rewardsToken: chain.addresses.DevStablecoin, admin: owner, rewardsDuration: 30n * 86_400n, cooldown: BigInt(DAY) });
  const { hash } = await chain.write(0, { address: chain.addresses.CampaignFactory, abi: campaignFactoryAbi, functionName: "createCampaign", args: [params, NAME, "STK", true, config] });
  const receipt = await chain.public.getTransactionReceipt({ hash });
  let created: { campaign: Address; pool: Address; token: Address } | undefined;
  for (const log of receipt.logs) {
    try {
      const event = decodeEventLog({ abi: campaignFactoryAbi, ...log });
      if (event.eventName === "CampaignCreated") created = event.args as unknown as typeof created;
    } catch {
      // another contract's event
    }
  }
  if (!created) throw new Error("CampaignCreated was not emitted");
  await chain.write(OWNER, { address: created.campaign, abi: campaignAbi, functionName: "launch" });
  await mintCusd(stack, backer, goal);
  await chain.write(backer, { address: chain.addresses.DevStablecoin, abi: erc20Abi, functionName: "approve", args: [created.campaign, goal] });
  await chain.write(backer, { address: created.campaign, abi: campaignAbi, functionName: "contribute", args: [goal] });
  await chain.write(backer, { address: created.campaign, abi: campaignAbi, functionName: "claimTokens" });
  const stakingToken = (await chain.public.readContract({ address: created.pool, abi: stakingPoolAbi, functionName: "stakingToken" })) as Address;
  // 3,000 cUSD over 30 days: 100 cUSD a day, all of it to the only staker.
  const rewards = cusd(3_000);
  await chain.write(OWNER, { address: chain.addresses.DevStablecoin, abi: erc20Abi, functionName: "approve", args: [created.pool, rewards] });
  await chain.write(OWNER, { address: created.pool, abi: stakingPoolAbi, functionName: "notifyRewardAmount", args: [rewards] });
  return { pool: created.pool, token: stakingToken };
}

/** The earned counter's figure, in cUSD base units. */
async function earnedOnPage(page: Page): Promise<bigint> {
  const text = (await page.getByTestId("earned").innerText()).replace(/[^\d.]/g, "");
  const [whole, fraction = ""] = text.split(".");
  return BigInt(whole!) * 10n ** 6n + BigInt((fraction + "000000").slice(0, 6));
}

async function txConfirmed(page: Page, label: string): Promise<void> {
  await page.getByRole("status").filter({ hasText: `${label}: confirmed` }).waitFor({ timeout: 30_000 });
}

beforeAll(async () => {
  ({ pool, token } = await fundedCooldownPool(STAKER));
  await stack.indexed();
});

describe("staking", () => {
  it("lists the pool with its TVL, stakers and rate", async () => {
    session = await openBrowser({ rpcUrl: stack.rpcUrl, account: STAKER });
    const { page } = session;
    await visit(page, stack.webUrl, "/staking");
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: TITLE }) });
    await card.waitFor();
    await expect.poll(() => card.innerText()).toMatch(/Rewards streaming/);
    await expectAccessible(page);
    await session.screenshot("staking-list");
    await card.getByRole("link", { name: /Open pool/ }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await expect.poll(() => page.getByRole("main").innerText()).toMatch(/Connect your wallet \(top right\)/);
  });

  it("stakes with a permit, earns every second, claims, and a refused signature leaves the page usable", async () => {
    session = await openBrowser({ rpcUrl: stack.rpcUrl, account: STAKER });
    const { page, wallet } = session;
    await visit(page, stack.webUrl, `/staking/${pool}`);
    await connectWallet(page, wallet.address);
    const amount = page.getByRole("textbox", { name: "Amount to stake (STK)" });
    await amount.waitFor();
    await expect.poll(() => page.getByText("In your wallet: 10,000 STK").isVisible()).toBe(true);

    // Too much: refused on the page, before the wallet is asked.
    const before = wallet.requests.length;
    await amount.fill("20000");
    await page.getByRole("button", { name: "Approve and stake" }).or(page.getByRole("button", { name: "Stake", exact: true })).click();
    await page.getByRole("alert").filter({ hasText: "You can stake at most 10,000 STK." }).waitFor();
    expect(wallet.requests.slice(before).filter((m) => m === "eth_sendTransaction" || m === "eth_signTypedData_v4")).toEqual([]);

    // The permit is refused in the wallet: shown as cancelled, nothing sent, the form still works.
    await amount.fill("4000");
    await expect.poll(() => page.getByText(/sign a permit/).isVisible()).toBe(true);
    wallet.rejectNext();
    await page.getByRole("button", { name: "Stake", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "cancelled" }).waitFor();
    await expect.poll(() => page.getByRole("button", { name: "Stake", exact: true }).isEnabled()).toBe(true);

    // Permit + stakeWithPermit: one signature, one transaction, no approve.
    const sent = wallet.requests.length;
    await page.getByRole("button", { name: "Stake", exact: true }).click();
    await txConfirmed(page, "Stake");
    expect(wallet.requests.slice(sent).filter((m) => m === "eth_sendTransaction" || m === "eth_signTypedData_v4")).toEqual(["eth_signTypedData_v4", "eth_sendTransaction"]);
    const staked = await stack.chain.public.readContract({ address: pool, abi: stakingPoolAbi, functionName: "balanceOf", args: [wallet.address] });
    expect(staked).toBe(4_000n * E18);

    // The counter ticks up on its own between chain reads, then jumps when the chain's clock moves an hour.
    await expect.poll(() => page.getByText("Staked (earning)").isVisible()).toBe(true);
    const first = await earnedOnPage(page);
    await expect.poll(() => earnedOnPage(page), { timeout: 10_000 }).toBeGreaterThan(first);
    await stack.increaseTime(3_600);
    // 100 cUSD a day → about 4.17 cUSD an hour, all of it ours.
    await expect.poll(() => earnedOnPage(page), { timeout: 20_000 }).toBeGreaterThan(4_000_000n);
    await session.screenshot("staking-pool-earning");

    const cusdBefore = await stack.chain.public.readContract({ address: stack.chain.addresses.DevStablecoin, abi: erc20Abi, functionName: "balanceOf", args: [wallet.address] });
    await page.getByRole("button", { name: "Claim rewards" }).click();
    await txConfirmed(page, "Claim rewards");
    const cusdAfter = await stack.chain.public.readContract({ address: stack.chain.addresses.DevStablecoin, abi: erc20Abi, functionName: "balanceOf", args: [wallet.address] });
    expect(cusdAfter - cusdBefore).toBeGreaterThan(4_000_000n);
    await expect.poll(() => earnedOnPage(page), { timeout: 10_000 }).toBeLessThan(1_000_000n);
  });

  it("requests an unstake, shows the cooldown, and withdraws once the chain's clock has passed it", async () => {
    session = await openBrowser({ rpcUrl: stack.rpcUrl, account: STAKER });
    const { page, wallet } = session;
    await visit(page, stack.webUrl, `/staking/${pool}`);
    await connectWallet(page, wallet.address);
    const amount = page.getByRole("textbox", { name: "Amount to unstake (STK)" });
    await expect.poll(() => amount.isEnabled(), { timeout: 20_000 }).toBe(true);
    await amount.fill("1500");
    await page.getByRole("button", { name: "Request unstake" }).click();
    await txConfirmed(page, "Request unstake");

    const withdraw = page.getByRole("button", { name: "Withdraw 1,500 STK" });
    await withdraw.waitFor();
    expect(await withdraw.isDisabled()).toBe(true);
    await expect.poll(() => page.getByRole("main").innerText()).toMatch(/Unlocks[\s\S]*\(in (23h 59m|1d)\)[\s\S]*Your unstaked tokens are cooling down\./);
    await expectAccessible(page);
    await session.screenshot("staking-pool-cooldown");

    await stack.increaseTime(DAY + 60);
    await expect.poll(() => withdraw.isEnabled(), { timeout: 30_000 }).toBe(true);
    const tokensBefore = await stack.chain.public.readContract({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [wallet.address] });
    await withdraw.click();
    await txConfirmed(page, "Withdraw");
    const tokensAfter = await stack.chain.public.readContract({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [wallet.address] });
    expect(tokensAfter - tokensBefore).toBe(1_500n * E18);
    const [cooling] = await stack.chain.public.readContract({ address: pool, abi: stakingPoolAbi, functionName: "cooldownOf", args: [wallet.address] });
    expect(cooling).toBe(0n);
    await page.getByText("Request an unstake first").waitFor();
    await session.screenshot("staking-pool");
  });

  it("fits a phone-sized screen", async () => {
    session = await openBrowser({ rpcUrl: stack.rpcUrl, account: STAKER, viewport: { width: 375, height: 800 } });
    const { page, wallet } = session;
    await visit(page, stack.webUrl, `/staking/${getAddress(pool)}`);
    await connectWallet(page, wallet.address);
    await page.getByText("Staked (earning)").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await session.screenshot("staking-pool-phone");
  });
});
