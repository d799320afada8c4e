// A minimal JSON-RPC client for the benchmark's history generator: single calls and batches
// (one HTTP request for hundreds of calls), so the node spends its time executing, not parsing
// HTTP. viem's transport would add a request per call. One connection per request: a kept-alive
// socket that the node closes after 5 s idle can fail a request ("other side closed"), and a
// retried evm_mine would mine twice.
import { request } from "node:http";

export interface RpcCall {
  method: string;
  params?: unknown[];
}

export interface Rpc {
  url: string;
  call<T = unknown>(method: string, params?: unknown[]): Promise<T>;
  /** Sends the calls in one request; throws on the first error, answers in call order. */
  batch<T = unknown>(calls: RpcCall[]): Promise<T[]>;
}

interface RpcAnswer {
  id: number;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export function createRpc(url: string): Rpc {
  let nextId = 1;
  const post = (body: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const payload = JSON.stringify(body);
      const outgoing = request(url, { method: "POST", agent: false, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if (response.statusCode !== 200) return reject(new Error(`JSON-RPC ${url} answered HTTP ${response.statusCode}: ${text.slice(0, 500)}`));
          try {
            resolve(JSON.parse(text));
          } catch (error) {
            reject(error);
          }
        });
      });
      outgoing.on("error", reject);
      outgoing.end(payload);
    });
  const unwrap = (answer: RpcAnswer, call: RpcCall): unknown => {
    if (answer.error) throw new Error(`${call.method} failed: ${answer.error.message}${answer.error.data ? ` (${JSON.stringify(answer.error.data).slice(0, 300)})` : ""}`);
    return answer.result;
  };
  return {
    url,
    async call<T>(method: string, params: unknown[] = []) {
      const answer = (await post({ jsonrpc: "2.0", id: nextId++, method, params })) as RpcAnswer;
      return unwrap(answer, { method, params }) as T;
    },
    async batch<T>(calls: RpcCall[]) {
      if (calls.length === 0) return [];
      const first = nextId;
      nextId += calls.length;
      const answers = (await post(calls.map((call, index) => ({ jsonrpc: "2.0", id: first + index, method: call.method, params: call.params ?? [] })))) as RpcAnswer[];
      const byId = new Map(answers.map((answer) => [answer.id, answer]));
      return calls.map((call, index) => {
        const answer = byId.get(first + index);
        if (!answer) throw new Error(`${call.method}: no answer in the batch`);
        return unwrap(answer, call) as T;
      });
    },
  };
}
