// What `npm start` prints once everything is up: the web app with a link to a page of each kind,
// the APIs, the chain, the test accounts (LOCAL ONLY) and how to add the chain to a wallet.
import { TEST_ACCOUNTS, TEST_BALANCES } from "../accounts.ts";
import { graphql } from "./http.ts";

export const PHASES = ["draft", "scheduled", "active", "successful", "failed", "cancelled"] as const;
export type Phase = (typeof PHASES)[number];

export interface DemoLinks {
  campaigns: Partial<Record<Phase, { id: string; name: string; native: boolean }>>;
  campaignCount: number;
  pool?: { id: string; stakerCount: number; name?: string };
}

function nameOf(metadataURI: string, symbol: string): string {
  const match = /^data:application\/json,(.*)$/s.exec(metadataURI);
  if (match) {
    for (const text of [match[1]!, safeDecode(match[1]!)]) {
      try {
        const name = (JSON.parse(text) as { name?: unknown }).name;
        if (typeof name === "string" && name.trim() !== "") return name.trim().slice(0, 40);
      } catch {
        // not JSON
      }
    }
  }
  return symbol;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A campaign of each state (the first one created) and the pool with the most stakers. */
export async function demoLinks(apiUrl: string): Promise<DemoLinks> {
  const data = await graphql(
    apiUrl,
    `{ campaigns(limit: 100, orderBy: "index", orderDirection: "asc") { items { id phase metadataURI tokenSymbol isNative } }
       pools(limit: 100, orderBy: "stakerCount", orderDirection: "desc") { items { id stakerCount campaignInfo { metadataURI tokenSymbol } } } }`,
  );
  const links: DemoLinks = { campaigns: {}, campaignCount: data.campaigns.items.length };
  for (const campaign of data.campaigns.items as { id: string; phase: Phase; metadataURI: string; tokenSymbol: string; isNative: boolean }[]) {
    links.campaigns[campaign.phase] ??= { id: campaign.id, name: nameOf(campaign.metadataURI, campaign.tokenSymbol), native: campaign.isNative };
  }
  const pool = data.pools.items[0] as { id: string; stakerCount: number; campaignInfo?: { metadataURI: string; tokenSymbol: string } } | undefined;
  if (pool) {
    links.pool = { id: pool.id, stakerCount: pool.stakerCount, name: pool.campaignInfo ? nameOf(pool.campaignInfo.metadataURI, pool.campaignInfo.tokenSymbol) : undefined };
  }
  return links;
}

export interface BannerInput {
  mode: "local" | "existing";
  readyInMs: number;
  webUrl: string;
  apiUrl: string;
  rpcUrl: string;
  chainId: number;
  deployment: { file: string; contracts: Record<string, { address: string }> };
  links: DemoLinks;
  checkout?: { sessionId: string; paidSessionId?: string; apiKey: string; orderId: string };
  logDir: string;
  pids: Record<string, number>;
}

const PHASE_LABEL: Record<Phase, string> = {
  draft: "draft",
  scheduled: "scheduled",
  active: "active",
  successful: "succeeded",
  failed: "failed",
  cancelled: "cancelled",
};

export function printBanner(input: BannerInput, log: (line: string) => void = console.log): void {
  const { webUrl, apiUrl, rpcUrl, links } = input;
  const pad = (text: string, width: number) => text.padEnd(width);
  log("");
  log(`✔ Crowdstake is running (ready in ${(input.readyInMs / 1000).toFixed(1)} s)`);
  log("");
  log(`  Web app    ${webUrl}`);
  for (const phase of PHASES) {
    const campaign = links.campaigns[phase];
    if (campaign) log(`    ${pad(`campaign, ${PHASE_LABEL[phase]}`, 22)} ${webUrl}/campaigns/${campaign.id}  ${campaign.name}${campaign.native ? " (ETH)" : ""}`);
  }
  if (links.pool) {
    log(`    ${pad("staking pool", 22)} ${webUrl}/staking/${links.pool.id}  ${links.pool.name ? `${links.pool.name}, ` : ""}${links.pool.stakerCount} stakers`);
  }
  if (input.checkout) log(`    ${pad("checkout (open)", 22)} ${webUrl}/checkout/${input.checkout.sessionId}`);
  log(`    ${pad("merchant dashboard", 22)} ${webUrl}/merchant${input.mode === "local" ? "  (sign in with account #4)" : ""}`);
  log(`    ${pad("my account", 22)} ${webUrl}/account`);
  if (links.campaignCount === 0) log("    (no campaigns on this deployment yet)");
  log(`  GraphQL    ${apiUrl}/graphql  (POST queries; docs/graphql.md)`);
  log(`  REST API   ${apiUrl}/v1/…  (README: "Merchants", "On-ramp providers")`);
  log(`  JSON-RPC   ${rpcUrl}  (chain id ${input.chainId})`);
  const shown = ["CampaignFactory", "PaymentEscrow", "DevStablecoin"].filter((name) => input.deployment.contracts[name]);
  log(`  Contracts  ${shown.map((name) => `${name} ${input.deployment.contracts[name]!.address}`).join(", ")}`);
  log(`             all of them in ${input.deployment.file}${input.mode === "local" ? " and generated/crowdstake.ts" : ""}`);
  if (input.checkout) {
    log(`  Demo       merchant API key (label "demo") ${input.checkout.apiKey}`);
    log(`             card order ${input.checkout.orderId} (settled)${input.checkout.paidSessionId ? `, paid session ${input.checkout.paidSessionId}` : ""}`);
  }
  log(`  Logs       ${input.logDir}`);
  log(`  Processes  ${Object.entries(input.pids).map(([name, pid]) => `${name} ${pid}`).join(", ")}`);

  if (input.mode === "local") {
    log("");
    log("  Add the chain to your browser wallet: network name \"Crowdstake local\", RPC URL");
    log(`  ${rpcUrl}, chain id ${input.chainId}, currency symbol ETH. Then import a test account's key.`);
    log("");
    log(`  Test accounts (${TEST_BALANCES}).`);
    log("  LOCAL ONLY: these keys are public (Hardhat's test mnemonic). Never use them on a real network.");
    for (const account of TEST_ACCOUNTS) {
      log(`  #${account.index} ${pad(account.name, 8)} ${account.address}  ${account.key}`);
      log(`     ${account.role}`);
    }
    log("  (#7-#19 of the node hold ETH too.) A fresh chain each start: reset your wallet's account");
    log("  activity (nonce) after a restart.");
  }
  log("");
  log("  Ctrl-C stops everything.");
  log("");
}
