// The chain head once per GraphQL request, so every derived field of one answer uses the same
// block. It is the merchants module's head (confirmations never counted past the block Ponder
// has indexed; time never behind the wall clock), so GraphQL says what the webhooks say.
import { chainHead as currentHead } from "../merchants/onchain.js";
import type { ApiContext } from "../module.js";

export interface Head {
  /** Block number confirmations count to. */
  number: bigint;
  /** Unix seconds the next transaction would see. */
  timestamp: bigint;
}

const perRequest = new WeakMap<object, Promise<Head>>();

export function chainHead(api: ApiContext, request: object): Promise<Head> {
  let head = perRequest.get(request);
  if (!head) {
    head = currentHead(api).then(({ number, now }) => ({ number, timestamp: BigInt(Math.floor(now.getTime() / 1_000)) }));
    // A failed read is not cached: the next field of the request tries again.
    head.catch(() => perRequest.delete(request));
    perRequest.set(request, head);
  }
  return head;
}
