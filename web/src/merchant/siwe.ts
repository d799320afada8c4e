// The Sign-In with Ethereum message (EIP-4361) the API accepts: its domain and URI must be the
// web app's own host and origin (the API checks them against WEB_URL / CORS_ORIGINS), its chain
// the app's, and its nonce the single-use one the API just issued.
import { getAddress, type Address } from "viem";
import { createSiweMessage } from "viem/siwe";

export const SIGN_IN_STATEMENT = "Sign in to the Crowdstake merchant dashboard.";
/** The signed message is good for this long; the session the API returns lasts longer. */
const MESSAGE_TTL_MS = 10 * 60_000;

export interface SignInMessageInput {
  address: Address;
  chainId: number;
  nonce: string;
  /** window.location.host */
  host: string;
  /** window.location.origin */
  origin: string;
  now?: Date;
}

export function buildSignInMessage({ address, chainId, nonce, host, origin, now = new Date() }: SignInMessageInput): string {
  return createSiweMessage({
    address: getAddress(address),
    chainId,
    domain: host,
    uri: origin,
    nonce,
    version: "1",
    statement: SIGN_IN_STATEMENT,
    issuedAt: now,
    expirationTime: new Date(now.getTime() + MESSAGE_TTL_MS),
  });
}
