// Unix seconds by the chain's clock, refreshed every few seconds: enough for release times.
import { useChainNow } from "../checkout/useChainNow.ts";

export function useChainSeconds(): bigint {
  return BigInt(Math.floor(useChainNow(5_000) / 1_000));
}
