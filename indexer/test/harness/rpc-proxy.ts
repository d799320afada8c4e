// A JSON-RPC endpoint between the processes under test and the suite's node, that a test can
// cut like a network: "forward" passes requests on; "refuse" closes the listening socket (new
// connections get ECONNREFUSED, open ones are reset); "drop" accepts and resets each request
// without an answer; "hang" accepts and never answers (until the mode changes, then resets).
// cutAfter() forwards one chosen call to the node and then cuts before its answer returns: the
// node acted (e.g. took a transaction) but the caller never hears of it.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

export type ProxyMode = "forward" | "refuse" | "drop" | "hang";

export interface RpcProxy {
  url: string;
  readonly mode: ProxyMode;
  setMode(mode: ProxyMode): Promise<void>;
  /** Arms a trap: the next call of `method` reaches the node, then the proxy switches to `mode` and the caller gets no answer. Resolves once sprung. */
  cutAfter(method: string, mode: Exclude<ProxyMode, "forward">): Promise<void>;
  /** Requests answered by the node, and requests refused, dropped or held while cut. */
  counts: { forwarded: number; cut: number };
  close(): Promise<void>;
}

/** The JSON-RPC method names in a body (a single call or a batch). */
function methodsOf(raw: string): string[] {
  try {
    const body = JSON.parse(raw) as { method?: string } | { method?: string }[];
    return (Array.isArray(body) ? body : [body]).map((call) => String(call.method));
  } catch {
    return [];
  }
}

export async function startRpcProxy(target: string): Promise<RpcProxy> {
  let mode: ProxyMode = "forward";
  let trap: { method: string; mode: Exclude<ProxyMode, "forward">; sprung: () => void } | undefined;
  const sockets = new Set<Socket>();
  const held = new Set<ServerResponse>();
  const counts = { forwarded: 0, cut: 0 };

  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    let raw = "";
    for await (const chunk of request) raw += chunk;
    if (mode === "drop") {
      counts.cut += 1;
      return void request.socket.destroy();
    }
    if (mode === "hang") {
      counts.cut += 1;
      return void held.add(response);
    }
    const sprung = trap && methodsOf(raw).includes(trap.method) ? trap : undefined;
    if (sprung) trap = undefined;
    let status = 502;
    let answer = "";
    try {
      const reply = await fetch(target, { method: "POST", headers: { "content-type": "application/json" }, body: raw });
      status = reply.status;
      answer = await reply.text();
    } catch {
      // the node itself is down: a 502, as a gateway answers
    }
    if (sprung) {
      counts.cut += 1;
      await proxy.setMode(sprung.mode);
      request.socket.destroy();
      return sprung.sprung();
    }
    // Cut while the node was answering: the answer is lost like the connection.
    if (mode !== "forward" || response.destroyed) return void request.socket.destroy();
    counts.forwarded += 1;
    response.writeHead(status, { "content-type": "application/json" });
    response.end(answer);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };

  const resetAll = () => {
    held.clear();
    for (const socket of sockets) socket.destroy();
  };
  const listening = () => server.listening;

  const proxy: RpcProxy = {
    url: `http://127.0.0.1:${port}`,
    get mode() {
      return mode;
    },
    counts,
    async setMode(next) {
      if (next === mode) return;
      const previous = mode;
      mode = next;
      // Requests held by "hang" are reset when it ends, as when a partition heals.
      if (previous === "hang" || next === "refuse") resetAll();
      if (next === "refuse" && listening()) {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      } else if (next !== "refuse" && !listening()) {
        // The same port again: the processes under test keep their configured URL.
        await new Promise<void>((resolve, reject) => {
          server.once("error", reject);
          server.listen(port, "127.0.0.1", () => {
            server.off("error", reject);
            resolve();
          });
        });
      }
    },
    cutAfter(method, cutMode) {
      return new Promise<void>((resolve) => {
        trap = { method, mode: cutMode, sprung: resolve };
      });
    },
    async close() {
      trap = undefined;
      resetAll();
      if (listening()) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}
