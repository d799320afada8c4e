// The events the real indexer handles, read from its own `ponder.on("Contract:Event", …)` calls, so
// the bare Ponder app and the history's event count follow indexer/src/ without a copied list.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { toEventSelector, type Abi, type AbiEvent, type Hex } from "viem";
import { campaignAbi, campaignFactoryAbi, paymentEscrowAbi, stakingPoolAbi } from "../../generated/crowdstake.ts";

export type IndexedContract = "CampaignFactory" | "Campaign" | "StakingPool" | "PaymentEscrow";

export interface HandledEvent {
  contract: IndexedContract;
  event: string;
  /** topic0 of the event. */
  selector: Hex;
}

export const CONTRACT_ABIS: Record<IndexedContract, Abi> = {
  CampaignFactory: campaignFactoryAbi,
  Campaign: campaignAbi,
  StakingPool: stakingPoolAbi,
  PaymentEscrow: paymentEscrowAbi,
};

// fileURLToPath, not import.meta.dirname: the bare app loads this file through Ponder's vite-node.
const INDEXER_SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../indexer/src");

export function handledEvents(srcDir = INDEXER_SRC): HandledEvent[] {
  const seen = new Map<string, HandledEvent>();
  for (const file of readdirSync(srcDir).filter((name) => name.endsWith(".ts"))) {
    for (const match of readFileSync(path.join(srcDir, file), "utf8").matchAll(/ponder\.on\(\s*["'`](\w+):(\w+)["'`]/g)) {
      const contract = match[1] as IndexedContract;
      const event = match[2]!;
      const abi = CONTRACT_ABIS[contract];
      if (!abi) throw new Error(`${file}: handler for unknown contract ${contract}`);
      const item = abi.find((entry): entry is AbiEvent => entry.type === "event" && entry.name === event);
      if (!item) throw new Error(`${file}: ${contract} has no event ${event}`);
      seen.set(`${contract}:${event}`, { contract, event, selector: toEventSelector(item) });
    }
  }
  if (seen.size === 0) throw new Error(`no ponder.on(...) handlers found in ${srcDir}`);
  return [...seen.values()];
}
