// Steps in the web app that many tests share, done the way a person does them.
import { expect } from "vitest";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

/** Connects the injected test wallet through RainbowKit's modal ("Installed" → Test Wallet). */
export async function connectWallet(page: Page, address: string): Promise<void> {
  await page.getByRole("button", { name: "Connect wallet" }).first().click();
  await page.getByRole("button", { name: /Test Wallet/ }).click();
  await expectConnected(page, address);
}

/** The header's wallet button shows the account (RainbowKit and our light button both end it with its last 4 hex digits). */
export async function expectConnected(page: Page, address: string): Promise<void> {
  const tail = new RegExp(`${address.slice(-4)}`, "i");
  await expect.poll(async () => tail.test((await page.getByRole("banner").innerText()) ?? ""), { timeout: 20_000 }).toBe(true);
}

/** Opens a path of the app and waits for its first heading. */
export async function visit(page: Page, webUrl: string, pathname: string): Promise<void> {
  await page.goto(`${webUrl}${pathname}`);
  await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 20_000 });
}

/** The page's serious and critical axe violations as it is now, each with the elements it found. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

/** No serious or critical axe violations on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}
