// The merchant's SIWE session token, kept in sessionStorage: it survives a reload but not the
// tab, and is dropped once expired. (API keys are never stored anywhere: see ApiKeysPanel.)
export interface MerchantSession {
  token: string;
  /** lower-case address the API signed in */
  merchant: string;
  expiresAt: string;
}

const KEY = "crowdstake.merchantSession";

export function loadMerchantSession(now = Date.now()): MerchantSession | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return undefined;
    const session = JSON.parse(raw) as Partial<MerchantSession>;
    if (typeof session.token !== "string" || typeof session.merchant !== "string" || typeof session.expiresAt !== "string") return undefined;
    if (!(Date.parse(session.expiresAt) > now)) {
      sessionStorage.removeItem(KEY);
      return undefined;
    }
    return session as MerchantSession;
  } catch {
    return undefined;
  }
}

export function saveMerchantSession(session: MerchantSession): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearMerchantSession(): void {
  sessionStorage.removeItem(KEY);
}
