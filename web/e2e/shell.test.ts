// The frame every page shares, in a real browser: connecting the injected wallet through
// RainbowKit, the prompt to switch a wallet on another network, a refused connection that
// leaves the page usable, and the landing page on a phone-sized screen.
import { afterEach, describe, expect, it } from "vitest";
import { openBrowser, type BrowserSession } from "./harness/browser.ts";
import { connectWallet, expectConnected, visit } from "./harness/app.ts";
import { testStack } from "./harness/context.ts";

const stack = testStack();
let session: BrowserSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe("the app's frame", () => {
  it("connects the injected wallet through RainbowKit", async () => {
    session = await openBrowser({ rpcUrl: stack.rpcUrl, account: 1 });
    const { page, wallet } = session;
    await visit(page, stack.webUrl, "/");
    await session.screenshot("landing");
    await connectWallet(page, wallet.address);
    expect(wallet.requests).toContain("eth_requestAccounts");
    // The connection survives a reload (wagmi reconnects to the same wallet).
    await page.reload();
    await expectConnected(page, wallet.address);
  });

  it("asks a wallet on another network to switch, and the prompt goes once it has", async () => {
    session = await openBrowser({ rpcUrl: stack.rpcUrl, account: 1 });
    const { page, wallet } = session;
    await visit(page, stack.webUrl, "/");
    await connectWallet(page, wallet.address);
    await wallet.setChain(1); // the user picks Ethereum mainnet in their wallet
    const prompt = page.getByRole("alert").filter({ hasText: "another network" });
    await prompt.waitFor();
    await session.screenshot("wrong-network");
    await prompt.getByRole("button", { name: /Switch to/ }).click();
    await prompt.waitFor({ state: "detached" });
    expect(wallet.chainId).toBe(31337);
  });

  it("keeps the page usable when the user refuses the connection", async () => {
    session = await openBrowser({ rpcUrl: stack.rpcUrl, account: 2 });
    const { page, wallet } = session;
    await visit(page, stack.webUrl, "/");
    wallet.rejectNext();
    await page.getByRole("button", { name: "Connect wallet" }).first().click();
    await page.getByRole("button", { name: /Test Wallet/ }).click();
    await expect.poll(() => wallet.refused.length).toBe(1);
    expect(await page.getByRole("banner").innerText()).not.toMatch(new RegExp(wallet.address.slice(-4), "i"));
    // Nothing broke: close RainbowKit's modal and connect again, this time accepting.
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await connectWallet(page, wallet.address);
  });

  it("works by keyboard: skip link, navigation, and the wallet modal opened and closed with keys", async () => {
    session = await openBrowser({ rpcUrl: stack.rpcUrl, account: 1 });
    const { page } = session;
    await visit(page, stack.webUrl, "/");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Staking" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/staking");
    await page.getByRole("button", { name: "Connect wallet" }).first().focus();
    await page.keyboard.press("Enter");
    const modal = page.getByRole("dialog");
    await modal.waitFor();
    await page.keyboard.press("Escape");
    await modal.waitFor({ state: "detached" });
  });

  it("fits a phone-sized screen and answers an unknown path with a page, not a blank", async () => {
    session = await openBrowser({ rpcUrl: stack.rpcUrl, account: 1, viewport: { width: 390, height: 844 } });
    const { page } = session;
    await visit(page, stack.webUrl, "/");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await session.screenshot("landing-phone");
    await visit(page, stack.webUrl, "/no/such/page");
    await expect.poll(() => page.getByRole("heading", { name: "Page not found" }).isVisible()).toBe(true);
  });
});
