// A merchant's webhook endpoint for tests: a real HTTP server on a free port that verifies each
// delivery's signature and answers as scripted (fail with 500, hang, or 200 by default).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createHmac, timingSafeEqual } from "node:crypto";

export type Behaviour = "ok" | "fail" | "hang";

export interface Received {
  eventId: string;
  type: string;
  body: any;
  verified: boolean;
  answered: Behaviour;
}

export interface WebhookReceiver {
  url: string;
  secret: string;
  /** Behaviours for the next requests, in order; afterwards every request gets 200. */
  script: Behaviour[];
  received: Received[];
  /** Events answered 200 with a valid signature. */
  delivered(): Received[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const hanging = new Set<ServerResponse>();
  const receiver: WebhookReceiver = {
    url: "",
    secret: "",
    script: [],
    received: [],
    delivered: () => receiver.received.filter((entry) => entry.verified && entry.answered === "ok"),
    close: () =>
      new Promise((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    let raw = "";
    for await (const chunk of request) raw += chunk;
    const behaviour = receiver.script.shift() ?? "ok";
    // Checked here from DESIGN.md's scheme, not with the module that signs: a wrong scheme on
    // both sides must not pass.
    const verified = checkSignature(receiver.secret, request.headers["crowdstake-signature"] as string | undefined, raw);
    let body: any = undefined;
    try {
      body = JSON.parse(raw);
    } catch {
      // recorded as is
    }
    receiver.received.push({ eventId: body?.id, type: body?.type, body, verified, answered: behaviour });
    if (behaviour === "hang") return void hanging.add(response);
    response.statusCode = behaviour === "fail" ? 500 : verified ? 200 : 400;
    response.end(behaviour === "fail" ? "boom" : "ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hooks`;
  return receiver;
}

/** `Crowdstake-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, at most 5 minutes old. */
function checkSignature(secret: string, header: string | undefined, body: string): boolean {
  const parts = Object.fromEntries((header ?? "").split(",").map((part) => part.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300 || !parts.v1) return false;
  const expected = createHmac("sha256", secret).update(`${parts.t}.${body}`).digest("hex");
  return parts.v1.length === expected.length && timingSafeEqual(Buffer.from(parts.v1), Buffer.from(expected));
}
