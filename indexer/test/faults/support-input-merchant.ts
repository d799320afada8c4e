// Merchant fixtures shared by the fault suites: a JSON client for the REST API, Sign-In with
// Ethereum for a test account, the on-chain authorisation of the platform signer, a payment
// session and its payment on-chain (what makes the webhook worker send an event).
import type { Hex } from "viem";
import { createSiweMessage } from "viem/siwe";
import { devStablecoinAbi, paymentEscrowAbi } from "../../../generated/crowdstake.js";
import type { Chain } from "../harness/chain.js";
import type { Indexer } from "../harness/indexer.js";

/** The web app's origin the suites configure (WEB_URL): SIWE messages name its host. */
export const WEB = "http://localhost:5173";

export type Json = (method: string, path: string, body?: unknown, token?: string, headers?: Record<string, string>) => Promise<Response>;

/** A JSON request to the API; a string body is sent as is (for malformed JSON). */
export function jsonClient(indexer: Indexer): Json {
  return (method, path, body, token, headers = {}) =>
    indexer.request(path, {
      method,
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
}

/** A SIWE session token (css_…) for test account `account`. */
export async function signIn(indexer: Indexer, chain: Chain, account: number): Promise<string> {
  const json = jsonClient(indexer);
  const { nonce } = (await (await json("POST", "/v1/auth/nonce")).json()) as { nonce: string };
  const message = createSiweMessage({ domain: new URL(WEB).host, address: chain.accounts[account]!.address, uri: WEB, version: "1", chainId: 31337, nonce });
  const signature = await chain.wallet(account).signMessage({ account: chain.accounts[account]!, message });
  const response = await json("POST", "/v1/auth/verify", { message, signature });
  if (response.status !== 200) throw new Error(`sign-in of account ${account} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** The merchant lets the platform (account 0) sign its payment intents (PaymentEscrow.setSigner). */
export async function authorisePlatformSigner(chain: Chain, merchant: number): Promise<void> {
  await chain.write(merchant, { address: chain.addresses.PaymentEscrow, abi: paymentEscrowAbi, functionName: "setSigner", args: [chain.accounts[0]!.address, true] });
}

export interface CreatedSession {
  id: Hex;
  intent: Record<string, unknown> & { amount: string; deadline: string };
  signature: Hex;
  status: string;
}

export async function createPaymentSession(indexer: Indexer, token: string, body: Record<string, unknown>): Promise<CreatedSession> {
  const response = await jsonClient(indexer)("POST", "/v1/payment_sessions", body, token);
  if (response.status !== 201) throw new Error(`payment session refused: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreatedSession;
}

/** `payer` pays the signed intent in cUSD (minted for it first); resolves once mined. */
export async function payIntent(chain: Chain, payer: number, created: CreatedSession) {
  const intent = { ...created.intent, amount: BigInt(created.intent.amount), deadline: BigInt(created.intent.deadline) };
  await chain.write(0, { address: chain.addresses.DevStablecoin, abi: devStablecoinAbi, functionName: "mint", args: [chain.accounts[payer]!.address, intent.amount] });
  await chain.write(payer, { address: chain.addresses.DevStablecoin, abi: devStablecoinAbi, functionName: "approve", args: [chain.addresses.PaymentEscrow, intent.amount] });
  return chain.write(payer, { address: chain.addresses.PaymentEscrow, abi: paymentEscrowAbi, functionName: "pay", args: [intent, created.signature] });
}
