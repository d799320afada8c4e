// The merchant API from Node, for setting a test up (the browser signs in on its own).
import { createSiweMessage } from "viem/siwe";
import type { TestStack } from "./context.ts";

/** Signs account `merchant` in with Ethereum, as the dashboard does; returns the API session token. */
export async function merchantSession(stack: TestStack, merchant: number): Promise<string> {
  const account = stack.chain.accounts[merchant]!;
  const call = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${stack.apiUrl}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const answer = await response.json();
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(answer)}`);
    return answer as T;
  };
  const { nonce } = await call<{ nonce: string }>("/v1/auth/nonce", {});
  const web = new URL(stack.webUrl);
  const message = createSiweMessage({ address: account.address, chainId: 31337, domain: web.host, uri: web.origin, nonce, version: "1" });
  const { token } = await call<{ token: string }>("/v1/auth/verify", { message, signature: await account.signMessage({ message }) });
  return token;
}
