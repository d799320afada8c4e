// A checkout link made from the dashboard (POST /v1/payment_sessions with the sign-in session):
// handy for a one-off invoice; a shop's server does the same with an API key. The API answers 409
// with what to do until the merchant has authorised the platform signer on-chain.
import { useId, useState, type FormEvent } from "react";
import { isAddress, zeroAddress } from "viem";
import { contractAddress } from "../config.ts";
import { parseAmount } from "../lib/format.ts";
import { NATIVE_TOKEN, useTokenInfo } from "../checkout/useTokenInfo.ts";
import { safeRedirectUrl } from "../checkout/redirect.ts";
import type { MerchantAuth } from "./auth.ts";
import { merchantApi } from "./merchantApi.ts";
import { useApiAction } from "./useApiAction.ts";

const OTHER = "other";

export function CreateSessionForm({ auth, onCreated }: { auth: MerchantAuth; onCreated: (checkoutUrl: string) => void }) {
  const ids = { token: useId(), custom: useId(), amount: useId(), success: useId(), minutes: useId() };
  const stablecoin = contractAddress("DevStablecoin");
  const [tokenChoice, setTokenChoice] = useState<string>(stablecoin ?? zeroAddress);
  const [customToken, setCustomToken] = useState("");
  const [amount, setAmount] = useState("");
  const [successUrl, setSuccessUrl] = useState("");
  const [minutes, setMinutes] = useState("60");
  const [problem, setProblem] = useState<string>();
  const action = useApiAction(auth.onApiError);
  const token = tokenChoice === OTHER ? customToken.trim() : tokenChoice;
  const { byToken } = useTokenInfo(isAddress(token) ? [token] : []);
  const info = isAddress(token) ? byToken[token.toLowerCase()] : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isAddress(token)) return setProblem("Enter the token's 0x address.");
    if (!info) return setProblem("That address is not an ERC-20 token on this network.");
    const parsed = parseAmount(amount, info.decimals);
    if ("error" in parsed) return setProblem(parsed.error);
    if (successUrl.trim() && !safeRedirectUrl(successUrl)) return setProblem("The success URL must be an http(s) URL.");
    const expiresIn = Math.round(Number(minutes) * 60);
    if (!Number.isFinite(expiresIn) || expiresIn < 60) return setProblem("Expiry must be at least 1 minute.");
    setProblem(undefined);
    const created = await action.run(() =>
      merchantApi.createPaymentSession(auth.token, { token, amount: parsed.value.toString(), successUrl: successUrl.trim() || undefined, expiresIn }),
    );
    if (created) {
      setAmount("");
      onCreated(created.checkoutUrl);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="create-session-title">
      <h3 id="create-session-title">New checkout link</h3>
      <div className="stack">
        <label htmlFor={ids.token}>Token</label>
        <select id={ids.token} value={tokenChoice} onChange={(event) => setTokenChoice(event.target.value)}>
          {stablecoin && <option value={stablecoin}>cUSD (dev stablecoin)</option>}
          <option value={zeroAddress}>{NATIVE_TOKEN.symbol} (native coin)</option>
          <option value={OTHER}>Another ERC-20…</option>
        </select>
      </div>
      {tokenChoice === OTHER && (
        <div className="stack">
          <label htmlFor={ids.custom}>Token address</label>
          <input id={ids.custom} value={customToken} autoComplete="off" spellCheck={false} placeholder="0x…" onChange={(event) => setCustomToken(event.target.value)} />
        </div>
      )}
      <div className="stack">
        <label htmlFor={ids.amount}>Amount{info ? ` (${info.symbol})` : ""}</label>
        <input id={ids.amount} inputMode="decimal" autoComplete="off" value={amount} placeholder="12.50" onChange={(event) => setAmount(event.target.value)} />
      </div>
      <div className="stack">
        <label htmlFor={ids.success}>Success URL (optional)</label>
        <input id={ids.success} type="url" value={successUrl} placeholder="https://shop.example/thanks" onChange={(event) => setSuccessUrl(event.target.value)} />
      </div>
      <div className="stack">
        <label htmlFor={ids.minutes}>Expires after (minutes)</label>
        <input id={ids.minutes} type="number" min={1} max={43_200} value={minutes} onChange={(event) => setMinutes(event.target.value)} />
      </div>
      <button type="submit" className="button" disabled={action.busy}>
        Create checkout link
      </button>
      {(problem ?? action.error) && <p className="error" role="alert">{problem ?? action.error}</p>}
    </form>
  );
}
