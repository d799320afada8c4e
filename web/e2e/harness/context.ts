// What a browser test gets from the running stack (global-setup.ts): its URLs, viem clients for
// Hardhat's test accounts, a GraphQL helper, a wait for the indexer, and a way to make a fresh
// campaign so a test never depends on another's data.
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { decodeEventLog, parseUnits, type Address } from "viem";
import { campaignAbi, campaignFactoryAbi, devStablecoinAbi } from "../../../generated/crowdstake.ts";
import { connectChain, type ChainClients } from "../../../indexer/test/harness/chain.ts";
import { waitForIndexedBlock } from "../../../indexer/test/harness/indexer.ts";
import { NO_POOL, poolConfig } from "../../../scripts/lib/pool-config.ts";
import type { StackInfo } from "./stack.ts";

export interface TestStack extends StackInfo {
  chain: ChainClients;
  /** Waits until the indexer has indexed the chain's head (or `block`). */
  indexed(block?: bigint): Promise<void>;
  graphql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Creates (and by default launches) a cUSD campaign owned by account `owner`; returns its address and pool. */
  createCampaign(options?: CampaignOptions): Promise<{ campaign: Address; pool: Address | undefined }>;
  /** Moves the chain's clock on by `seconds` and mines a block. */
  increaseTime(seconds: number): Promise<void>;
  /** 1 cUSD = 10^6 base units. */
  cusd(whole: number | string): bigint;
}

export interface CampaignOptions {
  owner?: number;
  name?: string;
  goal?: bigint;
  cap?: bigint;
  minContribution?: bigint;
  durationSeconds?: number;
  native?: boolean;
  withPool?: boolean;
  launch?: boolean;
}

export function testStack(): TestStack {
  const info = inject("stack");
  const { contracts } = JSON.parse(readFileSync(info.deploymentJson, "utf8")) as { contracts: Record<string, { address: string }> };
  const chain = connectChain(info.rpcUrl, contracts);
  const cusd = (whole: number | string) => parseUnits(String(whole), 6);
  return {
    ...info,
    chain,
    cusd,
    indexed: (block) => waitForIndexedBlock(info.apiUrl, chain.public, block),
    async graphql(query, variables = {}) {
      const response = await fetch(`${info.apiUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((error) => error.message).join("; ")}`);
      return body.data;
    },
    async increaseTime(seconds) {
      await chain.test.increaseTime({ seconds });
      await chain.test.mine({ blocks: 1 });
    },
    async createCampaign(options = {}) {
      const owner = options.owner ?? 3;
      const ownerAddress = chain.accounts[owner]!.address;
      const now = (await chain.public.getBlock({ blockTag: "latest" })).timestamp;
      const goal = options.goal ?? cusd(1_000);
      const params = {
        owner: ownerAddress,
        start: now,
        asset: options.native ? "0x0000000000000000000000000000000000000000" : chain.addresses.DevStablecoin,
        end: now + BigInt(options.durationSeconds ?? 30 * 86_400),
        goal,
        cap: options.cap ?? goal * 5n,
        minContribution: options.minContribution ?? (options.native ? 10n ** 15n : cusd(1)),
        maxPerBacker: 0n,
        rate: options.native ? 100n * 10n ** 18n : 10n ** 32n,
        metadataURI: `data:application/json,${JSON.stringify({ name: options.name ?? "Test campaign", description: "Made by a browser test" })}`,
      } as const;
      const pool = options.withPool
        ? poolConfig({ rewardsToken: chain.addresses.DevStablecoin, admin: ownerAddress, rewardsDuration: 30n * 86_400n })
        : NO_POOL;
      const { hash } = await chain.write(0, {
        address: chain.addresses.CampaignFactory,
        abi: campaignFactoryAbi,
        functionName: "createCampaign",
        args: [params, options.name ?? "Test campaign", "TST", options.withPool ?? false, pool],
      });
      const receipt = await chain.public.getTransactionReceipt({ hash });
      let created: { campaign: Address; pool: Address } | undefined;
      for (const log of receipt.logs) {
        try {
          const event = decodeEventLog({ abi: campaignFactoryAbi, ...log });
          if (event.eventName === "CampaignCreated") created = event.args as unknown as { campaign: Address; pool: Address };
        } catch {
          // another contract's event
        }
      }
      if (!created) throw new Error("CampaignCreated was not emitted");
      if (options.launch ?? true) await chain.write(owner, { address: created.campaign, abi: campaignAbi, functionName: "launch" });
      const poolAddress = created.pool === "0x0000000000000000000000000000000000000000" ? undefined : created.pool;
      return { campaign: created.campaign, pool: poolAddress };
    },
  };
}

/** Gives account `index` cUSD from the dev stablecoin's open mint (the seed already gave 100,000 to #0–#9). */
export async function mintCusd(stack: TestStack, index: number, amount: bigint): Promise<void> {
  await stack.chain.write(0, { address: stack.chain.addresses.DevStablecoin, abi: devStablecoinAbi, functionName: "mint", args: [stack.chain.accounts[index]!.address, amount] });
}
