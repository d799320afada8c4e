// Off-chain demo data for the local stack, made through the API as a merchant and a card payer
// would: the merchant (test account #4) signs in with Ethereum and creates a payment session
// (the platform signs its intent), and bob pays 50 cUSD to the demo campaign by card through
// the simulated on-ramp, which the relayer settles on-chain. Prints what it made as JSON.
//   node scripts/dev/seed-offchain.ts <api url> <campaign address>
import { createSiweMessage } from "viem/siwe";
import { privateKeyToAccount } from "viem/accounts";

const MERCHANT_KEY = "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a"; // Hardhat #4
const BOB = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc"; // Hardhat #2

export interface OffchainSeed {
  merchantToken: string;
  sessionId: string;
  checkoutUrl: string;
  orderId: string;
  contributionId: string;
}

async function call(api: string, path: string, init: RequestInit = {}): Promise<any> {
  const response = await fetch(`${api}${path}`, { ...init, headers: { "content-type": "application/json", ...init.headers } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

async function graphql(api: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const { data, errors } = await call(api, "/graphql", { method: "POST", body: JSON.stringify({ query, variables }) });
  if (errors?.length) throw new Error(errors[0].message);
  return data;
}

export async function seedOffchain(api: string, campaign: string, stablecoin: string, webUrl = "http://localhost:5173"): Promise<OffchainSeed> {
  const merchant = privateKeyToAccount(MERCHANT_KEY);
  const { nonce } = await call(api, "/v1/auth/nonce", { method: "POST", body: "{}" });
  const web = new URL(webUrl);
  const message = createSiweMessage({ address: merchant.address, chainId: 31337, domain: web.host, nonce, uri: web.origin, version: "1", statement: "Sign in to Crowdstake" });
  const { token } = await call(api, "/v1/auth/verify", { method: "POST", body: JSON.stringify({ message, signature: await merchant.signMessage({ message }) }) });
  const session = await call(api, "/v1/payment_sessions", {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: JSON.stringify({ token: stablecoin, amount: "12500000", metadata: { order: "demo-1" } }),
  });

  const order = await call(api, "/v1/onramp/sessions", {
    method: "POST",
    body: JSON.stringify({ provider: "simulated", campaign, beneficiary: BOB, amount: "50000000" }),
  });
  const completed = await fetch(`${api}/onramp/simulated/checkout/${order.orderId}`, { method: "POST", body: new URLSearchParams({ outcome: "paid" }) });
  if (!completed.ok) throw new Error(`simulated checkout: ${completed.status}`);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { onrampOrder } = await graphql(api, "query ($id: ID!) { onrampOrder(id: $id) { status contribution { id } } }", { id: order.orderId });
    if (onrampOrder?.status === "settled" && onrampOrder.contribution) {
      return { merchantToken: token, sessionId: session.id, checkoutUrl: session.checkoutUrl, orderId: order.orderId, contributionId: onrampOrder.contribution.id };
    }
    if (onrampOrder?.status === "failed" || Date.now() > deadline) throw new Error(`on-ramp order ${order.orderId} did not settle: ${JSON.stringify(onrampOrder)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [api, campaign, stablecoin] = process.argv.slice(2);
  if (!api || !campaign || !stablecoin) throw new Error("usage: node scripts/dev/seed-offchain.ts <api url> <campaign> <stablecoin>");
  console.log(JSON.stringify(await seedOffchain(api, campaign, stablecoin), null, 2));
}
