// Sign-In with Ethereum for the dashboard: a nonce from the API, the EIP-4361 message for this
// page's host and origin, the wallet's signature (through useTx().sign, so a rejection reads as
// "cancelled"), and the API's session token kept in sessionStorage. A token the API no longer
// accepts (expired, logged out elsewhere) signs the dashboard out.
import { useCallback, useEffect, useState } from "react";
import type { Address } from "viem";
import { useConfig } from "wagmi";
import { signMessage } from "wagmi/actions";
import { config } from "../config.ts";
import { useTx } from "../hooks/useTx.ts";
import { ApiError } from "../lib/api.ts";
import { merchantApi } from "./merchantApi.ts";
import { clearMerchantSession, loadMerchantSession, saveMerchantSession, type MerchantSession } from "./sessionStore.ts";
import { buildSignInMessage } from "./siwe.ts";

export function useMerchantSession() {
  const wagmiConfig = useConfig();
  const tx = useTx();
  const [session, setSession] = useState<MerchantSession | undefined>(() => loadMerchantSession());
  const [error, setError] = useState<string>();

  const end = useCallback((reason?: string) => {
    clearMerchantSession();
    setSession(undefined);
    setError(reason);
  }, []);

  /** Call with any API error: a 401 means the session is gone. */
  const handleApiError = useCallback(
    (failure: unknown) => {
      // REST answers 401; GraphQL answers 200 with an "authentication required" error.
      const signedOut = failure instanceof ApiError && (failure.status === 401 || failure.message.startsWith("authentication required"));
      if (signedOut) end("Your session has ended. Sign in again.");
    },
    [end],
  );

  // A stored token may have been revoked or expired on the server since it was saved.
  useEffect(() => {
    if (!session) return;
    merchantApi.me(session.token).catch(handleApiError);
  }, [session, handleApiError]);

  const signIn = useCallback(
    async (address: Address) => {
      setError(undefined);
      try {
        const { nonce } = await merchantApi.nonce();
        const message = buildSignInMessage({ address, chainId: config.chainId, nonce, host: window.location.host, origin: window.location.origin });
        const signature = await tx.sign("Sign in", () => signMessage(wagmiConfig, { account: address, message }));
        if (!signature) return;
        const signedIn = await merchantApi.verify(message, signature);
        const next = { token: signedIn.token, merchant: signedIn.merchant.toLowerCase(), expiresAt: signedIn.expiresAt };
        saveMerchantSession(next);
        setSession(next);
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
      }
    },
    [tx, wagmiConfig],
  );

  const signOut = useCallback(async () => {
    const token = session?.token;
    end();
    // The local session is gone either way; the API forgets the token too when it can.
    if (token) await merchantApi.logout(token).catch(() => undefined);
  }, [session, end]);

  return { session, signIn, signOut, handleApiError, error, tx };
}
