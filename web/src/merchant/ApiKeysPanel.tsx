// API keys for the merchant's server (creating payment sessions): create one with a label and see
// the key once; list them by prefix; revoke one (it stops working at once). The full key is held
// only in this component's state until the merchant dismisses it.
import { useId, useState, type FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { formatDate } from "../lib/format.ts";
import type { MerchantAuth } from "./auth.ts";
import { ConfirmButton } from "./ConfirmButton.tsx";
import { merchantApi } from "./merchantApi.ts";
import { SecretOnce } from "./SecretOnce.tsx";
import { useApiAction, useReportApiError } from "./useApiAction.ts";
import { ScrollArea } from "./ScrollArea.tsx";

const iso = (value: string) => formatDate(Date.parse(value) / 1_000);

export function ApiKeysPanel({ auth }: { auth: MerchantAuth }) {
  const labelId = useId();
  const [label, setLabel] = useState("");
  const [revealed, setRevealed] = useState<{ key: string; name: string }>();
  const action = useApiAction(auth.onApiError);
  const keys = useQuery({ queryKey: ["merchant-api-keys", auth.token], queryFn: () => merchantApi.listApiKeys(auth.token) });
  useReportApiError(keys.error, auth.onApiError);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const created = await action.run(() => merchantApi.createApiKey(auth.token, label.trim()));
    if (!created) return;
    setRevealed({ key: created.key, name: created.label ?? created.prefix });
    setLabel("");
    await keys.refetch();
  };
  const revoke = async (id: string) => {
    if (await action.run(() => merchantApi.revokeApiKey(auth.token, id))) await keys.refetch();
  };

  return (
    <section className="card stack" aria-labelledby="api-keys-title" id="api-keys">
      <h2 id="api-keys-title">API keys</h2>
      <p className="muted">Your server sends a key as <code>Authorization: Bearer csk_…</code> to create payment sessions.</p>
      {revealed && <SecretOnce title={`New API key "${revealed.name}"`} secret={revealed.key} onDone={() => setRevealed(undefined)} />}
      <form onSubmit={create}>
        <label htmlFor={labelId}>Label for a new key</label>
        <div className="row">
          <input id={labelId} value={label} maxLength={100} placeholder="e.g. shop backend" onChange={(event) => setLabel(event.target.value)} />
          <button type="submit" className="button" disabled={action.busy}>
            Create API key
          </button>
        </div>
      </form>
      {action.error && <p className="error" role="alert">{action.error}</p>}
      {keys.isLoading && <p role="status">Loading keys…</p>}
      {keys.error && <p className="error" role="alert">Could not load keys: {keys.error.message}</p>}
      {keys.data && keys.data.items.length === 0 && <p>No API keys yet.</p>}
      {keys.data && keys.data.items.length > 0 && (
        <ScrollArea label="API keys">
          <table>
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">Key</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {keys.data.items.map((key) => (
                <tr key={key.id}>
                  <td>{key.label ?? <span className="muted">(no label)</span>}</td>
                  <td>
                    <code>{key.prefix}…</code>
                  </td>
                  <td>{iso(key.createdAt)}</td>
                  <td>{key.lastUsedAt ? iso(key.lastUsedAt) : <span className="muted">never</span>}</td>
                  <td>
                    {key.revokedAt ? (
                      <span className="badge bad">Revoked {iso(key.revokedAt)}</span>
                    ) : (
                      <ConfirmButton
                        question={`Revoke ${key.label ?? key.prefix}? It stops working at once.`}
                        confirmLabel="Revoke key"
                        ariaLabel={`Revoke API key ${key.label ?? key.prefix}`}
                        disabled={action.busy}
                        onConfirm={() => revoke(key.id)}
                      >
                        Revoke
                      </ConfirmButton>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
    </section>
  );
}
