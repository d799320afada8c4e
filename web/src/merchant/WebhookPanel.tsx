// The merchant's webhook endpoint: set its URL (the signing secret is shown once, when the
// endpoint is created), rotate the secret (shown once again), or delete it. Below it, the log of
// every delivery.
import { useEffect, useId, useState, type FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { ApiError } from "../lib/api.ts";
import { formatDate } from "../lib/format.ts";
import type { MerchantAuth } from "./auth.ts";
import { ConfirmButton } from "./ConfirmButton.tsx";
import { DeliveryLog } from "./DeliveryLog.tsx";
import { merchantApi } from "./merchantApi.ts";
import { SecretOnce } from "./SecretOnce.tsx";
import { useApiAction, useReportApiError } from "./useApiAction.ts";

/** The endpoint, or null when the merchant has none (the API answers 404). */
async function currentEndpoint(token: string) {
  try {
    return await merchantApi.getWebhookEndpoint(token);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function WebhookPanel({ auth }: { auth: MerchantAuth }) {
  const urlId = useId();
  const endpoint = useQuery({ queryKey: ["merchant-webhook-endpoint", auth.token], queryFn: () => currentEndpoint(auth.token) });
  useReportApiError(endpoint.error, auth.onApiError);
  const action = useApiAction(auth.onApiError);
  const [url, setUrl] = useState("");
  const [secret, setSecret] = useState<{ title: string; value: string }>();
  const [notice, setNotice] = useState<string>();
  const current = endpoint.data?.url;
  useEffect(() => {
    if (current) setUrl(current);
  }, [current]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    const saved = await action.run(() => merchantApi.setWebhookEndpoint(auth.token, url.trim()));
    if (!saved) return;
    if (saved.secret) setSecret({ title: "Webhook signing secret", value: saved.secret });
    else setNotice("Webhook URL updated. The signing secret is unchanged.");
    await endpoint.refetch();
  };
  const rotate = async () => {
    setNotice(undefined);
    const rotated = await action.run(() => merchantApi.rotateWebhookSecret(auth.token));
    if (rotated?.secret) setSecret({ title: "New webhook signing secret", value: rotated.secret });
  };
  const remove = async () => {
    setNotice(undefined);
    if (await action.run(() => merchantApi.deleteWebhookEndpoint(auth.token))) {
      setUrl("");
      setNotice("Webhook endpoint deleted.");
      await endpoint.refetch();
    }
  };

  return (
    <section className="card stack" aria-labelledby="webhook-title" id="webhooks">
      <h2 id="webhook-title">Webhooks</h2>
      <p className="muted">
        Every status change of your payments is POSTed as JSON to this URL, signed in the <code>Crowdstake-Signature</code> header with the secret.
      </p>
      {secret && <SecretOnce title={secret.title} secret={secret.value} onDone={() => setSecret(undefined)} />}
      {endpoint.isLoading && <p role="status">Loading the webhook endpoint…</p>}
      {endpoint.error && <p className="error" role="alert">Could not load the webhook endpoint: {endpoint.error.message}</p>}
      {endpoint.data && (
        <p>
          Current endpoint: <code>{endpoint.data.url}</code> <span className="muted">(since {formatDate(Date.parse(endpoint.data.createdAt) / 1_000)})</span>
        </p>
      )}
      {endpoint.data === null && <p>No webhook endpoint yet.</p>}
      <form onSubmit={save}>
        <label htmlFor={urlId}>Endpoint URL</label>
        <div className="row">
          <input id={urlId} type="url" required value={url} placeholder="https://shop.example/webhooks/crowdstake" onChange={(event) => setUrl(event.target.value)} size={40} />
          <button type="submit" className="button" disabled={action.busy || url.trim() === ""}>
            {endpoint.data ? "Update URL" : "Set endpoint"}
          </button>
        </div>
      </form>
      {endpoint.data && (
        <div className="row">
          <ConfirmButton question="Rotate the secret? The old one stops verifying at once." confirmLabel="Rotate secret" disabled={action.busy} onConfirm={rotate}>
            Rotate secret
          </ConfirmButton>
          <ConfirmButton question="Delete the endpoint? No more webhooks will be sent." confirmLabel="Delete endpoint" disabled={action.busy} onConfirm={remove}>
            Delete endpoint
          </ConfirmButton>
        </div>
      )}
      {notice && <p role="status">{notice}</p>}
      {action.error && <p className="error" role="alert">{action.error}</p>}
      <DeliveryLog auth={auth} />
    </section>
  );
}
