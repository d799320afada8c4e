// A merchant as the fault suites need one: signed in with SIWE, an API key, a webhook endpoint
// (the test receiver, given the endpoint's secret so it can verify each delivery), the platform
// signer authorised on-chain and a release delay (payments are held, so they can be confirmed).
import { createSiweMessage } from "viem/siwe";
import type { Hex } from "viem";
import { devStablecoinAbi, paymentEscrowAbi } from "../../../generated/crowdstake.js";
import type { Chain } from "../harness/chain.js";
import type { Indexer } from "../harness/indexer.js";
import type { WebhookReceiver } from "../merchants/webhook-receiver.js";

export interface Merchant {
  apiKey: string;
  session: string;
}

async function post(indexer: Indexer, method: string, path: string, body: unknown, token?: string): Promise<any> {
  const response = await indexer.request(path, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

export async function setUpMerchant(chain: Chain, indexer: Indexer, index: number, receiver: WebhookReceiver, releaseDelay: number): Promise<Merchant> {
  const account = chain.accounts[index]!;
  const { nonce } = await post(indexer, "POST", "/v1/auth/nonce", {});
  const message = createSiweMessage({ domain: "localhost:5173", address: account.address, uri: "http://localhost:5173", version: "1", chainId: 31337, nonce });
  const { token } = await post(indexer, "POST", "/v1/auth/verify", { message, signature: await chain.wallet(index).signMessage({ account, message }) });
  const { key } = await post(indexer, "POST", "/v1/api_keys", { label: "faults" }, token);
  const { secret } = await post(indexer, "PUT", "/v1/webhook_endpoint", { url: receiver.url }, token);
  receiver.secret = secret;
  await chain.write(index, { address: chain.addresses.PaymentEscrow, abi: paymentEscrowAbi, functionName: "setSigner", args: [chain.accounts[0]!.address, true] });
  await chain.write(index, { address: chain.addresses.PaymentEscrow, abi: paymentEscrowAbi, functionName: "setReleaseDelay", args: [releaseDelay] });
  return { apiKey: key, session: token };
}

export interface Session {
  id: Hex;
  intent: any;
  signature: Hex;
}

export function createSession(indexer: Indexer, merchant: Merchant, token: string, amount: bigint): Promise<Session> {
  return post(indexer, "POST", "/v1/payment_sessions", { token, amount: amount.toString() }, merchant.apiKey);
}

/** Pays a session's signed intent from account `payer` (mint, approve, pay: three blocks); the pay's block. */
export async function paySession(chain: Chain, payer: number, session: Session): Promise<bigint> {
  const intent = { ...session.intent, amount: BigInt(session.intent.amount), deadline: BigInt(session.intent.deadline) };
  const from = chain.accounts[payer]!.address;
  await chain.write(0, { address: chain.addresses.DevStablecoin, abi: devStablecoinAbi, functionName: "mint", args: [from, intent.amount] });
  await chain.write(payer, { address: chain.addresses.DevStablecoin, abi: devStablecoinAbi, functionName: "approve", args: [chain.addresses.PaymentEscrow, intent.amount] });
  return (await chain.write(payer, { address: chain.addresses.PaymentEscrow, abi: paymentEscrowAbi, functionName: "pay", args: [intent, session.signature] })).blockNumber;
}
