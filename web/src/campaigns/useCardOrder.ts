// The card order started from this campaign page: created through the API, remembered for the
// browser tab (a reload keeps showing its status), and followed live through GraphQL until it
// is settled or failed.
import { useCallback, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useGraphQL } from "../hooks/useGraphQL.ts";
import { apiRequest } from "../lib/api.ts";
import { isOrderDone, type CardSessionBody } from "./cardPayment.ts";
import { ONRAMP_ORDER_QUERY, type OnrampOrderResult } from "./queries.ts";

export interface CardCheckout {
  orderId: string;
  checkoutUrl: string;
}

const storageKey = (campaign: string) => `crowdstake:card-order:${campaign.toLowerCase()}`;

function remembered(campaign: string): CardCheckout | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(storageKey(campaign)) ?? "null") as CardCheckout | null;
    return value && typeof value.orderId === "string" && typeof value.checkoutUrl === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

export function useCardOrder(campaign: string) {
  const [checkout, setCheckout] = useState<CardCheckout | undefined>(() => remembered(campaign));
  const create = useMutation({
    mutationFn: (body: CardSessionBody) => apiRequest<CardCheckout>("/v1/onramp/sessions", { method: "POST", body: JSON.stringify(body) }),
    onSuccess: ({ orderId, checkoutUrl }) => {
      const next = { orderId, checkoutUrl };
      sessionStorage.setItem(storageKey(campaign), JSON.stringify(next));
      setCheckout(next);
    },
  });
  const order = useGraphQL<OnrampOrderResult>(["onrampOrder", checkout?.orderId], ONRAMP_ORDER_QUERY, { id: checkout?.orderId ?? "" }, {
    enabled: checkout !== undefined,
    refetchInterval: (query) => (isOrderDone(query.state.data?.onrampOrder) ? false : 2_000),
  });
  const resetCreate = create.reset;
  const forget = useCallback(() => {
    sessionStorage.removeItem(storageKey(campaign));
    setCheckout(undefined);
    resetCreate();
  }, [campaign, resetCreate]);
  return { checkout, order: order.data?.onrampOrder ?? undefined, create, forget };
}
