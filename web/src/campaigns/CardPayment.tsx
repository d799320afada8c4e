// Pay by card: no wallet needed, only the address that receives the campaign tokens (the
// connected one by default). The API creates an order at the on-ramp provider; the person pays
// on the provider's page (a new tab) and this page follows the order until it is settled.
import { useId, useState, type FormEvent } from "react";
import type { Address } from "viem";
import { checksum } from "../lib/format.ts";
import type { AssetInfo } from "./assets.ts";
import { buildCardSession, FIAT_CURRENCY, type CardForm, type CardFormErrors } from "./cardPayment.ts";
import type { ContributionRules } from "./contribution.ts";
import { OrderStatus } from "./OrderStatus.tsx";
import { useCardOrder } from "./useCardOrder.ts";

interface Props {
  campaign: Address;
  assetInfo: AssetInfo;
  native: boolean;
  rules: ContributionRules;
  account: Address | undefined;
}

export function CardPayment({ campaign, assetInfo, native, rules, account }: Props) {
  const id = useId();
  const [form, setForm] = useState<Omit<CardForm, "beneficiary"> & { beneficiary?: string }>({ amount: "", fiatAmount: "" });
  const [errors, setErrors] = useState<CardFormErrors>({});
  const { checkout, order, create, forget } = useCardOrder(campaign);
  // Until the person types another address, the tokens go to the connected wallet.
  const beneficiary = form.beneficiary ?? (account ? checksum(account) : "");

  function submit(event: FormEvent) {
    event.preventDefault();
    const built = buildCardSession(campaign, { ...form, beneficiary }, { ...assetInfo, native }, rules);
    if ("errors" in built) {
      setErrors(built.errors);
      const first = (["amount", "fiatAmount", "beneficiary"] as const).find((field) => built.errors[field]);
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setErrors({});
    create.mutate(built.body);
  }

  const field = (name: keyof CardForm, label: string, extra: { hint?: string; inputMode?: "decimal" | "text" } = {}) => (
    <>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        name={name}
        inputMode={extra.inputMode ?? "text"}
        autoComplete="off"
        spellCheck={false}
        value={name === "beneficiary" ? beneficiary : form[name]}
        onChange={(event) => {
          setForm((current) => ({ ...current, [name]: event.target.value }));
          setErrors((current) => ({ ...current, [name]: undefined }));
        }}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={[extra.hint && `${id}-${name}-hint`, errors[name] && `${id}-${name}-error`].filter(Boolean).join(" ") || undefined}
      />
      {extra.hint && (
        <p id={`${id}-${name}-hint`} className="muted field-hint campaign-line">
          {extra.hint}
        </p>
      )}
      {errors[name] && (
        <p id={`${id}-${name}-error`} className="error campaign-line" role="alert">
          {errors[name]}
        </p>
      )}
    </>
  );

  if (checkout) {
    return (
      <div className="stack">
        <h3>Pay by card</h3>
        {order?.status === "received" || order === undefined ? (
          <p className="campaign-line">
            <a className="button" href={checkout.checkoutUrl} target="_blank" rel="noopener noreferrer">
              Pay at the card checkout (opens a new tab)
            </a>
          </p>
        ) : null}
        <OrderStatus order={order} assetInfo={assetInfo} />
        <div>
          <button type="button" className="button secondary" onClick={forget}>
            Start another card payment
          </button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Pay by card</h3>
      <p className="muted field-hint campaign-line">No crypto needed: pay with a card and the platform records the contribution for the address you give.</p>
      {field("amount", `Amount to pay by card (${assetInfo.symbol})`, { inputMode: "decimal" })}
      {native && field("fiatAmount", `Price you pay (${FIAT_CURRENCY})`, { inputMode: "decimal", hint: "The native coin has no fixed price: say what you pay for it." })}
      {field("beneficiary", "Tokens go to (address)", { hint: account ? "Your connected wallet, unless you enter another address." : undefined })}
      {create.isError && (
        <p className="error campaign-line" role="alert">
          The card payment could not be started: {create.error.message}
        </p>
      )}
      <div>
        <button type="submit" className="button secondary" disabled={create.isPending}>
          {create.isPending ? "Starting…" : "Continue to card payment"}
        </button>
      </div>
    </form>
  );
}
