// `npm run bench:web`: what a visitor's browser pays for each page of the built app, measured on
// the local preview (`vite preview` of web/dist) against the whole stack with its demo data, in
// headless Debian Chromium. Prints the figures against their targets and rewrites the web
// section of docs/benchmarks.md. A benchmark, not a test: it never fails on a missed target.
//   - JS loaded by the landing page, gzipped (target ≤ 250 kB)
//   - largest contentful paint of each page, cold cache (target ≤ 1.5 s; median of 3 loads)
//   - axe-core violations of serious or critical impact on each page (target 0)
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../e2e/harness/browser.ts";
import { startStack, type Stack } from "../e2e/harness/stack.ts";

const DOCS = path.resolve(import.meta.dirname, "../../docs/benchmarks.md");
const LOADS = 3;
const TARGETS = { landingJsKb: 250, lcpMs: 1_500, axe: 0 };

interface PageFigures {
  name: string;
  path: string;
  lcpMs: number;
  jsKb: number;
  axe: { serious: number; critical: number; rules: string[] };
}

async function graphql<T>(stack: Stack, query: string): Promise<T> {
  const response = await fetch(`${stack.apiUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return ((await response.json()) as { data: T }).data;
}

/** One cold load: LCP (the last largest-contentful-paint entry once the page is idle) and the gzipped JS it fetched. */
async function load(browser: Browser, url: string): Promise<{ lcpMs: number; jsBytes: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const scripts: Promise<number>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.body().then((body) => gzipSync(body).length, () => 0));
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState("networkidle");
  const lcpMs = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(entries[entries.length - 1]!.startTime);
        }).observe({ type: "largest-contentful-paint", buffered: true });
      }),
  );
  const jsBytes = (await Promise.all(scripts)).reduce((sum, size) => sum + size, 0);
  await context.close();
  return { lcpMs, jsBytes };
}

async function axe(browser: Browser, url: string): Promise<PageFigures["axe"]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "networkidle" });
  await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 30_000 });
  const { violations } = await new AxeBuilder({ page: page as never }).analyze();
  await context.close();
  const bad = violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  return {
    serious: bad.filter((violation) => violation.impact === "serious").length,
    critical: bad.filter((violation) => violation.impact === "critical").length,
    rules: bad.map((violation) => `${violation.id} (${violation.nodes.length})`),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function table(figures: PageFigures[]): string {
  const rows = figures.map((page) => {
    const axeText = page.axe.serious + page.axe.critical === 0 ? "0" : `${page.axe.serious + page.axe.critical}: ${page.axe.rules.join(", ")}`;
    return `| ${page.name} | \`${page.path}\` | ${page.jsKb.toFixed(1)} | ${page.lcpMs.toFixed(0)} | ${axeText} |`;
  });
  return ["| page | path | JS loaded, gzipped (kB) | LCP (ms, median of 3) | axe serious + critical |", "|---|---|---:|---:|---|", ...rows].join("\n");
}

function writeDocs(section: string): void {
  const start = "<!-- bench:web:start -->";
  const end = "<!-- bench:web:end -->";
  const block = `${start}\n${section}\n${end}`;
  const current = existsSync(DOCS) ? readFileSync(DOCS, "utf8") : "# Benchmarks\n\nFigures measured on this project's own machine by its benchmark scripts; each section is rewritten by the script named in it.\n";
  const next = current.includes(start) ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(DOCS, next);
}

const stack = await startStack();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
try {
  const { campaigns, pools } = await graphql<{ campaigns: { items: { id: string; phase: string }[] }; pools: { items: { id: string }[] } }>(
    stack,
    "{ campaigns(limit: 100) { items { id phase } } pools(limit: 1) { items { id } } }",
  );
  const active = campaigns.items.find((campaign) => campaign.phase === "active") ?? campaigns.items[0];
  const pages = [
    { name: "Explore (landing)", path: "/" },
    { name: "Campaign", path: `/campaigns/${active?.id}` },
    { name: "Staking", path: "/staking" },
    { name: "Pool", path: `/staking/${pools.items[0]?.id}` },
    { name: "Checkout", path: `/checkout/${stack.demo.sessionId}` },
    { name: "Merchant", path: "/merchant" },
    { name: "My account", path: "/account" },
  ];
  const figures: PageFigures[] = [];
  for (const page of pages) {
    const url = `${stack.webUrl}${page.path}`;
    const loads = [];
    for (let run = 0; run < LOADS; run++) loads.push(await load(browser, url));
    figures.push({ ...page, lcpMs: median(loads.map((one) => one.lcpMs)), jsKb: median(loads.map((one) => one.jsBytes)) / 1024, axe: await axe(browser, url) });
    const last = figures[figures.length - 1]!;
    console.log(`${page.name.padEnd(18)} JS ${last.jsKb.toFixed(1).padStart(6)} kB gz   LCP ${last.lcpMs.toFixed(0).padStart(5)} ms   axe serious+critical ${last.axe.serious + last.axe.critical}`);
  }
  const landing = figures[0]!;
  const worstLcp = Math.max(...figures.map((page) => page.lcpMs));
  const axeTotal = figures.reduce((sum, page) => sum + page.axe.serious + page.axe.critical, 0);
  const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
  const summary = [
    `- JS loaded by the landing page: **${landing.jsKb.toFixed(1)} kB** gzipped (target ≤ ${TARGETS.landingJsKb} kB: ${verdict(landing.jsKb <= TARGETS.landingJsKb)})`,
    `- Largest contentful paint, slowest page: **${worstLcp.toFixed(0)} ms** (target ≤ ${TARGETS.lcpMs} ms: ${verdict(worstLcp <= TARGETS.lcpMs)})`,
    `- axe-core serious + critical violations, all pages: **${axeTotal}** (target ${TARGETS.axe}: ${verdict(axeTotal === TARGETS.axe)})`,
  ];
  console.log(`\n${summary.join("\n")}`);
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Chromium ${browser.version()}, Node ${process.version}`;
  writeDocs(
    [
      "## Web app (`npm run bench:web`)",
      "",
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}: the built app (\`vite preview\` of web/dist) against the local stack with the demo data, headless Chromium, a 1280×900 window, a cold cache for every load, no wallet connected. JS is every script response of the page's load, gzipped (level 6) here; LCP is the median of ${LOADS} loads; axe-core runs its default rules on the loaded page.`,
      "",
      ...summary,
      "",
      table(figures),
    ].join("\n"),
  );
  console.log(`\nwrote ${path.relative(process.cwd(), DOCS)}`);
} finally {
  await browser.close();
  await stack.stop();
}
