// What the chain says now about a campaign and the connected backer: its status (the phase the
// actions follow, fresher than the indexer's), total raised, and the backer's contribution,
// claim and refund. Refreshed every few seconds (status follows the clock) and after each
// transaction (useTx invalidates every query).
import { useReadContracts } from "wagmi";
import type { Address } from "viem";
import { campaignAbi } from "../lib/contracts.ts";
import type { BackerPosition } from "./actions.ts";
import { phaseOfStatus, type Phase } from "./phase.ts";

export interface CampaignChainState {
  phase?: Phase;
  raised?: bigint;
  position?: BackerPosition;
}

export function useCampaignChain(campaign: Address, backer: Address | undefined): CampaignChainState {
  const campaignReads = useReadContracts({
    contracts: [
      { address: campaign, abi: campaignAbi, functionName: "status" },
      { address: campaign, abi: campaignAbi, functionName: "totalRaised" },
    ],
    allowFailure: false,
    query: { refetchInterval: 3_000 },
  });
  const backerReads = useReadContracts({
    contracts: backer
      ? [
          { address: campaign, abi: campaignAbi, functionName: "backerInfo", args: [backer] },
          { address: campaign, abi: campaignAbi, functionName: "claimableTokens", args: [backer] },
        ]
      : [],
    allowFailure: false,
    query: { enabled: backer !== undefined, refetchInterval: 3_000 },
  });
  const [status, raised] = campaignReads.data ?? [];
  const [info, claimable] = backerReads.data ?? [];
  return {
    phase: status === undefined ? undefined : phaseOfStatus(Number(status)),
    raised,
    position: info && claimable !== undefined ? { contributed: info[0], claimed: info[1], refunded: info[2], claimable } : undefined,
  };
}
