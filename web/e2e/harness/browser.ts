// Headless Debian Chromium driven by playwright-core (TOOLCHAIN.md: never a downloaded
// browser), one fresh profile per session, with the test wallet installed.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { TestWallet } from "./wallet.ts";
import { WEB_ROOT } from "./stack.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
/** Screenshots of every page land here (a CI artifact; gitignored). */
export const ARTIFACTS = path.join(WEB_ROOT, "e2e/artifacts");

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  wallet: TestWallet;
  /** Saves a full-page screenshot as e2e/artifacts/<name>.png. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openBrowser(options: { rpcUrl: string; account: number; chainId?: number; viewport?: { width: number; height: number } }): Promise<BrowserSession> {
  const profile = mkdtempSync(path.join(tmpdir(), "crowdstake-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  const wallet = new TestWallet(options.rpcUrl, options.account, options.chainId);
  await wallet.install(context);
  const page = context.pages()[0] ?? (await context.newPage());
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    context,
    page,
    wallet,
    screenshot: async (name) => {
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
    async close() {
      // The pages keep polling the API; a test's route handler may still be fetching when the
      // browser closes, and its "Response has been disposed" would be an unhandled rejection.
      await Promise.all([context, ...context.pages()].map((target) => target.unrouteAll({ behavior: "ignoreErrors" })));
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
