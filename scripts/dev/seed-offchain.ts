// Off-chain demo data for the local stack, made through the API as a merchant, a payer and a card
// payer would (after scripts/dev/seed.ts, with the indexer running):
// - the merchant (test account #4) signs in with Ethereum for the web app's origin and makes an
//   API key ("demo") and two payment sessions: one bob pays through the escrow (needs the RPC
//   and the escrow's address), one left open for the hosted checkout page (valid 7 days);
// - bob pays 50 cUSD to an active stablecoin campaign by card through the simulated on-ramp,
//   which the relayer settles on-chain.
// Prints what it made as JSON when run on its own:
//   node scripts/dev/seed-offchain.ts <api url> [<campaign> <stablecoin>]
import { createSiweMessage } from "viem/siwe";
import { privateKeyToAccount } from "viem/accounts";
import { createPublicClient, createWalletClient, erc20Abi, http, zeroAddress, type Address, type Hex } from "viem";
import { hardhat } from "viem/chains";
import { TEST_ACCOUNTS } from "./accounts.ts";

const MERCHANT = TEST_ACCOUNTS[4]!;
const BOB = TEST_ACCOUNTS[2]!;

export interface OffchainSeed {
  /** the merchant's SIWE session token (`css_…`) */
  merchantToken: string;
  /** an API key of the merchant (`csk_…`), label "demo" */
  apiKey: string;
  /** the open session, for the checkout page */
  sessionId: string;
  checkoutUrl: string;
  /** the session bob paid through the escrow, when an RPC URL and the escrow were given */
  paidSessionId?: string;
  /** the settled card order, and the contribution that settled it */
  orderId: string;
  contributionId: string;
  /** the campaign the card order went to */
  campaign: string;
}

export interface OffchainSeedOptions {
  /** the web app's URL: the SIWE message names its host and origin (default http://localhost:5173) */
  webUrl?: string;
  /** JSON-RPC and escrow address: with both, bob pays one session on-chain */
  rpcUrl?: string;
  escrow?: string;
  /** how long to wait for each step to show in the API (default 60 s) */
  timeoutMs?: number;
}

async function call(api: string, path: string, init: RequestInit = {}): Promise<any> {
  const response = await fetch(`${api}${path}`, { ...init, headers: { "content-type": "application/json", ...init.headers } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

async function graphql(api: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const { data, errors } = await call(api, "/graphql", { method: "POST", body: JSON.stringify({ query, variables }) });
  if (errors?.length) throw new Error(errors[0].message);
  return data;
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`seed-offchain: ${what} did not happen within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The campaign for the card order: `preferred` if it is an active stablecoin campaign, else the
 * first one that is (the demo has several campaigns in several states).
 */
async function activeStablecoinCampaign(api: string, preferred?: string): Promise<{ id: string; asset: string }> {
  const { campaigns } = await graphql(api, "{ campaigns(limit: 100) { items { id asset phase } } }");
  const open = (campaigns.items as { id: string; asset: string; phase: string }[]).filter((c) => c.phase === "active" && c.asset !== zeroAddress);
  const chosen = open.find((c) => c.id.toLowerCase() === preferred?.toLowerCase()) ?? open[0];
  if (!chosen) throw new Error("seed-offchain: no active stablecoin campaign (run scripts/dev/seed.ts first)");
  return chosen;
}

export async function seedOffchain(api: string, campaign?: string, stablecoin?: string, options: OffchainSeedOptions = {}): Promise<OffchainSeed> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const target = await activeStablecoinCampaign(api, campaign);
  const token = stablecoin && stablecoin !== zeroAddress ? stablecoin : target.asset;

  // The merchant signs in as the web app's merchant dashboard does.
  const merchant = privateKeyToAccount(MERCHANT.key);
  const { nonce } = await call(api, "/v1/auth/nonce", { method: "POST", body: "{}" });
  const web = new URL(options.webUrl ?? "http://localhost:5173");
  const message = createSiweMessage({ address: merchant.address, chainId: hardhat.id, domain: web.host, nonce, uri: web.origin, version: "1", statement: "Sign in to Crowdstake" });
  const { token: merchantToken } = await call(api, "/v1/auth/verify", { method: "POST", body: JSON.stringify({ message, signature: await merchant.signMessage({ message }) }) });
  const asMerchant = { authorization: `Bearer ${merchantToken}` };
  const { key: apiKey } = await call(api, "/v1/api_keys", { method: "POST", headers: asMerchant, body: JSON.stringify({ label: "demo" }) });
  const withKey = { authorization: `Bearer ${apiKey}` };

  // A session bob pays from his wallet, through the escrow.
  let paidSessionId: string | undefined;
  if (options.rpcUrl && options.escrow) {
    const session = await call(api, "/v1/payment_sessions", {
      method: "POST",
      headers: withKey,
      body: JSON.stringify({ token, amount: "40000000", metadata: { order: "demo-paid", item: "Sourdough subscription" } }),
    });
    await payAsBob(options.rpcUrl, options.escrow as Address, session.intent, session.signature);
    paidSessionId = session.id as string;
    await until(`payment session ${session.id} to show as paid`, timeoutMs, async () => {
      const { paymentSession } = await graphql(api, "query ($id: String!) { paymentSession(id: $id) { status } }", { id: session.id });
      return paymentSession && paymentSession.status !== "pending" ? true : undefined;
    });
  }

  // A session left open for the hosted checkout page.
  const open = await call(api, "/v1/payment_sessions", {
    method: "POST",
    headers: withKey,
    body: JSON.stringify({ token, amount: "12500000", metadata: { order: "demo-1", item: "Two loaves and a coffee" }, expiresIn: 7 * 86_400 }),
  });

  // A card contribution through the simulated on-ramp, settled on-chain by the relayer.
  const order = await call(api, "/v1/onramp/sessions", {
    method: "POST",
    body: JSON.stringify({ provider: "simulated", campaign: target.id, beneficiary: BOB.address.toLowerCase(), amount: "50000000" }),
  });
  const completed = await fetch(`${api}/onramp/simulated/checkout/${order.orderId}`, { method: "POST", body: new URLSearchParams({ outcome: "paid" }) });
  if (!completed.ok) throw new Error(`simulated checkout: ${completed.status}`);
  const contributionId = await until(`on-ramp order ${order.orderId} to settle`, timeoutMs, async () => {
    const { onrampOrder } = await graphql(api, "query ($id: ID!) { onrampOrder(id: $id) { status error contribution { id } } }", { id: order.orderId });
    if (onrampOrder?.status === "failed") throw new Error(`on-ramp order ${order.orderId} failed: ${onrampOrder.error}`);
    return onrampOrder?.status === "settled" && onrampOrder.contribution ? (onrampOrder.contribution.id as string) : undefined;
  });

  return { merchantToken, apiKey, sessionId: open.id, checkoutUrl: open.checkoutUrl, paidSessionId, orderId: order.orderId, contributionId, campaign: target.id };
}

interface SignedIntent {
  id: Hex;
  merchant: Address;
  token: Address;
  amount: string;
  deadline: string;
  payer: Address;
  splits: { recipient: Address; bps: number }[];
  metadataHash: Hex;
}

/** Bob approves the escrow and pays a session's signed intent, as the checkout page would. */
async function payAsBob(rpcUrl: string, escrow: Address, intent: SignedIntent, signature: Hex): Promise<void> {
  const { paymentEscrowAbi } = await import("../../generated/crowdstake.ts");
  const account = privateKeyToAccount(BOB.key);
  const chain = { ...hardhat, rpcUrls: { default: { http: [rpcUrl] } } };
  const wallet = createWalletClient({ account, chain, transport: http(rpcUrl) });
  const client = createPublicClient({ chain, transport: http(rpcUrl) });
  const amount = BigInt(intent.amount);
  const approve = await wallet.writeContract({ address: intent.token, abi: erc20Abi, functionName: "approve", args: [escrow, amount] });
  await client.waitForTransactionReceipt({ hash: approve, pollingInterval: 100 });
  const pay = await wallet.writeContract({
    address: escrow,
    abi: paymentEscrowAbi,
    functionName: "pay",
    args: [{ ...intent, amount, deadline: BigInt(intent.deadline) }, signature],
  });
  const receipt = await client.waitForTransactionReceipt({ hash: pay, pollingInterval: 100 });
  if (receipt.status !== "success") throw new Error(`seed-offchain: bob's payment ${pay} reverted`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [api, campaign, stablecoin] = process.argv.slice(2);
  if (!api) throw new Error("usage: node scripts/dev/seed-offchain.ts <api url> [<campaign> <stablecoin>]");
  console.log(JSON.stringify(await seedOffchain(api, campaign, stablecoin), null, 2));
}
