// Contribute from the connected wallet: the amount is checked against the campaign's rules and
// the wallet's balance before any wallet prompt; balance and allowance come from the chain.
import { useId, useRef, useState, type FormEvent } from "react";
import type { Address } from "viem";
import { TxStatus } from "../components/TxStatus.tsx";
import { formatAmount, parseAmount } from "../lib/format.ts";
import { isNativeAsset, type AssetInfo } from "./assets.ts";
import { validateContribution, type ContributionRules } from "./contribution.ts";
import { CAMPAIGN_TOKEN_DECIMALS, tokensFor } from "./tokens.ts";
import { useContribute } from "./useContribute.ts";
import { useWalletAsset, type WalletAsset } from "./useWalletAsset.ts";

interface Props {
  campaign: Address;
  asset: string;
  assetInfo: AssetInfo;
  tokenSymbol: string;
  rate: bigint;
  rules: ContributionRules;
  account: Address;
  contributed: bigint;
}

export function ContributeForm({ campaign, asset, assetInfo, tokenSymbol, rate, rules, account, contributed }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const wallet = useWalletAsset(asset, account, campaign);
  const { contribute, state, busy } = useContribute(campaign, asset);
  const show = (value: bigint) => formatAmount(value, assetInfo.decimals, assetInfo.symbol);

  const preview = parseAmount(text, assetInfo.decimals);
  const tokens = "value" in preview ? tokensFor(preview.value, rate) : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateContribution(text, assetInfo, rules, { contributed, balance: wallet.balance });
    if ("error" in checked) {
      setError(checked.error);
      input.current?.focus();
      return;
    }
    setError(undefined);
    if (await contribute(account, checked.value, wallet)) setText("");
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Contribute from your wallet</h3>
      <label htmlFor={`${id}-amount`}>Amount ({assetInfo.symbol})</label>
      <input
        ref={input}
        id={`${id}-amount`}
        name="amount"
        inputMode="decimal"
        autoComplete="off"
        placeholder={formatAmount(rules.minContribution, assetInfo.decimals)}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setError(undefined);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
      />
      {error && (
        <p id={`${id}-error`} className="error campaign-line" role="alert">
          {error}
        </p>
      )}
      <p id={`${id}-hint`} className="muted field-hint campaign-line">
        Minimum {show(rules.minContribution)}
        {tokens !== undefined && ` · you get ${formatAmount(tokens, CAMPAIGN_TOKEN_DECIMALS, tokenSymbol)}`}
      </p>
      <p className="field-hint campaign-line" data-testid="wallet-asset">
        Your balance: {wallet.balance === undefined ? "…" : show(wallet.balance)}
        {!isNativeAsset(asset) && <> · allowance for this campaign: {wallet.allowance === undefined ? "…" : show(wallet.allowance)}</>}
      </p>
      <div className="row">
        {/* Until the wallet's reads answer, the way to contribute (permit or approve) is unknown. */}
        <button type="submit" className="button" disabled={busy || !wallet.ready}>
          Contribute
        </button>
        {!isNativeAsset(asset) && <span className="muted field-hint">{stepsHint(wallet, "value" in preview ? preview.value : undefined)}</span>}
      </div>
      <TxStatus state={state} />
    </form>
  );
}

/** What the wallet will be asked for, so two prompts in a row are no surprise. */
function stepsHint(wallet: WalletAsset, amount: bigint | undefined): string {
  if (amount !== undefined && wallet.allowance !== undefined && wallet.allowance >= amount) return "Your allowance covers it: one transaction.";
  return wallet.permit ? "You sign a permit, then send one transaction." : "You approve the amount, then contribute (two transactions).";
}
