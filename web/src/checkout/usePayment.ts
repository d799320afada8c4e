// Paying a session's intent from the connected wallet: reads what the payer has (balance,
// allowance, permit support), picks the path (paymentPath.ts) and runs it through useTx so every
// step shows as pending, confirmed, cancelled or failed with the contract's reason.
import { useCallback, useMemo, useState } from "react";
import { erc20Abi, type Address, type Hash, type Hex } from "viem";
import { useAccount, useBalance, useConfig, useReadContracts } from "wagmi";
import { signTypedData } from "wagmi/actions";
import { paymentEscrowAbi } from "../lib/contracts.ts";
import { useTx } from "../hooks/useTx.ts";
import { permitReads, permitSupport, permitTypedData, signatureParts } from "../lib/permit.ts";
import { chain } from "../wagmi.ts";
import { choosePaymentPath, type PaymentPath } from "./paymentPath.ts";
import type { IntentArgs } from "./session.ts";

export interface PaymentReadiness {
  path: PaymentPath | undefined;
  balance: bigint | undefined;
  /** Still reading the payer's balance or allowance. */
  loading: boolean;
}

export function usePayment(intent: IntentArgs, signature: Hex, escrow: Address | undefined) {
  const { address } = useAccount();
  const wagmiConfig = useConfig();
  const tx = useTx();
  const [paidHash, setPaidHash] = useState<Hash>();
  const native = /^0x0{40}$/i.test(intent.token);
  const owner = address ?? "0x0000000000000000000000000000000000000000";

  const nativeBalance = useBalance({ address, query: { enabled: native && address !== undefined } });
  const reads = useReadContracts({
    allowFailure: true,
    contracts: [
      { address: intent.token, abi: erc20Abi, functionName: "balanceOf", args: [owner] },
      { address: intent.token, abi: erc20Abi, functionName: "allowance", args: [owner, escrow ?? owner] },
      ...permitReads(intent.token, owner),
    ],
    query: { enabled: !native && address !== undefined && escrow !== undefined },
  });
  const [balanceRead, allowanceRead] = reads.data ?? [];
  const permit = useMemo(() => permitSupport(reads.data?.slice(2) ?? [], intent.token, chain.id), [reads.data, intent.token]);
  const permitSupported = permit !== undefined;
  const allowance = allowanceRead?.status === "success" ? (allowanceRead.result as bigint) : undefined;

  const readiness: PaymentReadiness = native
    ? { path: "native", balance: nativeBalance.data?.value, loading: nativeBalance.isLoading }
    : {
        path: reads.data ? choosePaymentPath({ native, amount: intent.amount, allowance, permitSupported }) : undefined,
        balance: balanceRead?.status === "success" ? (balanceRead.result as bigint) : undefined,
        loading: reads.isLoading,
      };

  const pay = useCallback(async () => {
    if (!address || !escrow || !readiness.path) return;
    const escrowCall = { address: escrow, abi: paymentEscrowAbi, account: address } as const;
    let hash: Hash | undefined;
    switch (readiness.path) {
      case "native":
        hash = await tx.write("Pay", { ...escrowCall, functionName: "pay", args: [intent, signature], value: intent.amount });
        break;
      case "pay":
        hash = await tx.write("Pay", { ...escrowCall, functionName: "pay", args: [intent, signature] });
        break;
      case "approve": {
        const approved = await tx.write("Approve", { address: intent.token, abi: erc20Abi, functionName: "approve", args: [escrow, intent.amount], account: address });
        if (approved) hash = await tx.write("Pay", { ...escrowCall, functionName: "pay", args: [intent, signature] });
        break;
      }
      case "permit": {
        if (!permit) break;
        const typedData = permitTypedData(permit.domain, {
          owner: address,
          spender: escrow,
          value: intent.amount,
          nonce: permit.nonce,
          // The intent cannot be paid after its deadline, so the permit need not outlive it.
          deadline: intent.deadline,
        });
        const permitSignature = await tx.sign("Sign the permit", () => signTypedData(wagmiConfig, { account: address, ...typedData }));
        if (!permitSignature) break;
        const { v, r, s } = signatureParts(permitSignature);
        hash = await tx.write("Pay", { ...escrowCall, functionName: "payWithPermit", args: [intent, signature, intent.deadline, v, r, s] });
        break;
      }
    }
    if (hash) setPaidHash(hash);
    else await reads.refetch(); // an approval may have gone through: the next try starts from it
  }, [address, escrow, readiness.path, tx, intent, signature, permit, wagmiConfig, reads]);

  return { readiness, pay, paidHash, tx };
}
