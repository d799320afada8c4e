// Sends contract transactions the same way on every page: simulate first (so a revert is
// decoded to the contract's custom error before the wallet is asked), sign, wait for the
// receipt, then refresh every query so balances and indexed lists catch up. The state says
// what to show: signing, pending, confirmed, rejected (not an error) or failed with a message.
import { useCallback, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useConfig } from "wagmi";
import { simulateContract, waitForTransactionReceipt, writeContract, type SimulateContractParameters } from "wagmi/actions";
import type { Hash } from "viem";
import { describeFailure } from "../lib/errors.ts";

export type TxState =
  | { status: "idle" }
  | { status: "signing"; label: string }
  | { status: "pending"; label: string; hash: Hash }
  | { status: "confirmed"; label: string; hash: Hash }
  | { status: "rejected"; label: string; message: string }
  | { status: "failed"; label: string; message: string; errorName?: string };

export function useTx() {
  const wagmiConfig = useConfig();
  const queryClient = useQueryClient();
  const [state, setState] = useState<TxState>({ status: "idle" });

  /** Sends one call; resolves to its hash once confirmed, or undefined when it did not go through. */
  const write = useCallback(
    async (label: string, request: SimulateContractParameters): Promise<Hash | undefined> => {
      setState({ status: "signing", label });
      try {
        const { request: simulated } = await simulateContract(wagmiConfig, request as never);
        const hash = await writeContract(wagmiConfig, simulated as never);
        setState({ status: "pending", label, hash });
        const receipt = await waitForTransactionReceipt(wagmiConfig, { hash });
        if (receipt.status !== "success") {
          setState({ status: "failed", label, message: "The transaction was reverted on-chain." });
          return undefined;
        }
        setState({ status: "confirmed", label, hash });
        await queryClient.invalidateQueries();
        return hash;
      } catch (error) {
        const failure = describeFailure(error);
        setState(failure.kind === "rejected" ? { status: "rejected", label, message: failure.message } : { status: "failed", label, message: failure.message, errorName: "errorName" in failure ? failure.errorName : undefined });
        return undefined;
      }
    },
    [wagmiConfig, queryClient],
  );

  /** Runs a wallet signature (permit, sign-in) with the same states, minus the receipt. */
  const sign = useCallback(async <T,>(label: string, action: () => Promise<T>): Promise<T | undefined> => {
    setState({ status: "signing", label });
    try {
      const result = await action();
      setState({ status: "idle" });
      return result;
    } catch (error) {
      const failure = describeFailure(error);
      setState(failure.kind === "rejected" ? { status: "rejected", label, message: failure.message } : { status: "failed", label, message: failure.message });
      return undefined;
    }
  }, []);

  const reset = useCallback(() => setState({ status: "idle" }), []);
  const busy = state.status === "signing" || state.status === "pending";
  return { state, write, sign, reset, busy };
}
