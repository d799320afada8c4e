// Staking an amount in as few prompts as the token allows: stake() when the allowance already
// covers it; otherwise an EIP-2612 permit signature and stakeWithPermit() in one transaction when
// the token supports permits; otherwise approve() then stake(). Each step reports through useTx.
import { useCallback } from "react";
import { useConfig } from "wagmi";
import { signTypedData } from "wagmi/actions";
import type { Address } from "viem";
import { erc20Abi } from "../lib/contracts.ts";
import type { useTx } from "../hooks/useTx.ts";
import { PERMIT_LIFETIME, permitTypedData, signatureParts } from "../lib/permit.ts";
import { poolWriteAbi } from "./abi.ts";
import type { AccountChainState, PoolChainState } from "./usePoolReads.ts";

export type StakeMethod = "allowance" | "permit" | "approve";

/** Which path a stake of `amount` takes. */
export function stakeMethod(amount: bigint, allowance: bigint, permitSupported: boolean): StakeMethod {
  if (allowance >= amount) return "allowance";
  return permitSupported ? "permit" : "approve";
}

export function useStakeAction(tx: ReturnType<typeof useTx>, pool: Address, owner: Address, poolState: PoolChainState, account: AccountChainState, now: bigint) {
  const wagmiConfig = useConfig();
  return useCallback(
    async (amount: bigint): Promise<boolean> => {
      const stake = { address: pool, abi: poolWriteAbi, functionName: "stake", args: [amount] } as const;
      const method = stakeMethod(amount, account.allowance, !!account.permit);
      if (method === "allowance") return !!(await tx.write("Stake", stake));
      if (method === "permit" && account.permit) {
        // The deadline runs on the chain's clock, which a local node may have moved ahead.
        const deadline = now + PERMIT_LIFETIME;
        const typed = permitTypedData(account.permit.domain, { owner, spender: pool, value: amount, nonce: account.permit.nonce, deadline });
        const signature = await tx.sign(`Permit for ${poolState.staking.symbol}`, () => signTypedData(wagmiConfig, typed));
        if (!signature) return false;
        const { v, r, s } = signatureParts(signature);
        return !!(await tx.write("Stake", { address: pool, abi: poolWriteAbi, functionName: "stakeWithPermit", args: [amount, deadline, v, r, s] }));
      }
      const approved = await tx.write(`Approve ${poolState.staking.symbol}`, { address: poolState.stakingToken, abi: erc20Abi, functionName: "approve", args: [pool, amount] });
      if (!approved) return false;
      return !!(await tx.write("Stake", stake));
    },
    [tx, pool, owner, poolState, account, now, wagmiConfig],
  );
}
