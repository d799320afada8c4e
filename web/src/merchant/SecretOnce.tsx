// A secret the API returns once (an API key, a webhook signing secret): shown with a copy button
// until the merchant dismisses it, then gone for good. It lives only in the caller's React state:
// never in storage, a query cache or a log.
import { useEffect, useRef } from "react";
import { CopyButton } from "./CopyButton.tsx";

export function SecretOnce({ title, secret, onDone }: { title: string; secret: string; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card stack secret-once" aria-labelledby="secret-once-title">
      <h3 id="secret-once-title" ref={heading} tabIndex={-1}>
        {title}
      </h3>
      <p>Copy it now and store it safely: it will not be shown again.</p>
      <code className="secret-value" data-testid="secret-value">{secret}</code>
      <div className="row">
        <CopyButton value={secret} />
        <button type="button" className="button" onClick={onDone}>
          I have saved it
        </button>
      </div>
    </section>
  );
}
