// Sends a contribution the cheapest way the asset allows, through useTx (so each step shows in
// <TxStatus> and a revert comes out as the contract's message):
//   native coin      → contributeNative{value}
//   allowance enough → contribute
//   EIP-2612 token   → sign a permit, contributeWithPermit (one transaction)
//   otherwise, or the permit could not be signed for a reason other than the user saying no
//                    → approve, then contribute
import { useCallback } from "react";
import { useConfig } from "wagmi";
import { getBlock, signTypedData } from "wagmi/actions";
import type { Address, Hash } from "viem";
import { useTx } from "../hooks/useTx.ts";
import { campaignAbi, erc20Abi } from "../lib/contracts.ts";
import { describeFailure } from "../lib/errors.ts";
import { PERMIT_LIFETIME, permitTypedData, signatureParts } from "../lib/permit.ts";
import { isNativeAsset } from "./assets.ts";
import type { WalletAsset } from "./useWalletAsset.ts";

type PermitOutcome = { signature: `0x${string}`; deadline: bigint } | { unsupported: true };

export function useContribute(campaign: Address, asset: string) {
  const wagmiConfig = useConfig();
  const { write, sign, state, busy, reset } = useTx();

  const contribute = useCallback(
    async (owner: Address, amount: bigint, wallet: WalletAsset): Promise<Hash | undefined> => {
      if (isNativeAsset(asset)) {
        return write("Contribute", { address: campaign, abi: campaignAbi, functionName: "contributeNative", value: amount });
      }
      const token = asset as Address;
      const plain = () => write("Contribute", { address: campaign, abi: campaignAbi, functionName: "contribute", args: [amount] });
      if (wallet.allowance !== undefined && wallet.allowance >= amount) return plain();

      if (wallet.permit) {
        const { domain, nonce } = wallet.permit;
        const outcome = await sign<PermitOutcome>("Sign the permit", async () => {
          const { timestamp } = await getBlock(wagmiConfig);
          const deadline = timestamp + PERMIT_LIFETIME;
          try {
            const signature = await signTypedData(wagmiConfig, { account: owner, ...permitTypedData(domain, { owner, spender: campaign, value: amount, nonce, deadline }) });
            return { signature, deadline };
          } catch (error) {
            // "No" from the user stops here (shown as cancelled); any other failure falls back.
            if (describeFailure(error).kind === "rejected") throw error;
            return { unsupported: true };
          }
        });
        if (outcome === undefined) return undefined;
        if ("signature" in outcome) {
          const { v, r, s } = signatureParts(outcome.signature);
          return write("Contribute", { address: campaign, abi: campaignAbi, functionName: "contributeWithPermit", args: [amount, outcome.deadline, v, r, s] });
        }
      }

      const approved = await write("Approve", { address: token, abi: erc20Abi, functionName: "approve", args: [campaign, amount] });
      return approved ? plain() : undefined;
    },
    [asset, campaign, write, sign, wagmiConfig],
  );

  return { contribute, state, busy, reset };
}
