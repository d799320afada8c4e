// The chain head (number and time) once per GraphQL request: every derived field of one answer
// is computed against the same block.
import type { ApiContext } from "../module.js";

export interface Head {
  number: bigint;
  timestamp: bigint;
}

const perRequest = new WeakMap<object, Promise<Head>>();

export function chainHead(api: ApiContext, request: object): Promise<Head> {
  let head = perRequest.get(request);
  if (!head) {
    head = api.client.getBlock({ blockTag: "latest" }).then((block) => ({ number: block.number, timestamp: block.timestamp }));
    // A failed read is not cached: the next field of the request tries again.
    head.catch(() => perRequest.delete(request));
    perRequest.set(request, head);
  }
  return head;
}
