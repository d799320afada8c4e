// Which chain and which contracts Ponder indexes. Addresses and start blocks come from the one
// generated deployment module (`npm run build` / `npx hardhat deployment export`), for the chain
// named by PONDER_CHAIN_ID (default: the local Hardhat chain, 31337). DEPLOYMENT_JSON points the
// indexer at another deployment without regenerating that module (tests, an existing chain).
import { readFileSync } from "node:fs";
import { createConfig, factory } from "ponder";
import { getAbiItem } from "viem";
import {
  campaignAbi,
  campaignFactoryAbi,
  deployments,
  paymentEscrowAbi,
  stakingPoolAbi,
} from "../generated/crowdstake";

type Deployed = { address: `0x${string}`; startBlock: number };

function fail(name: string, problem: string): never {
  throw new Error(`indexer configuration: ${name} ${problem}`);
}

const chainId = Number(process.env.PONDER_CHAIN_ID ?? 31337);
if (!Number.isSafeInteger(chainId) || chainId <= 0) fail("PONDER_CHAIN_ID", "must be a positive integer");
const rpcUrl = process.env.PONDER_RPC_URL ?? (chainId === 31337 ? "http://127.0.0.1:8545" : undefined);
if (!rpcUrl) fail("PONDER_RPC_URL", "is required for any chain but the local one (31337)");

function contractsOf(): Record<"CampaignFactory" | "PaymentEscrow", Deployed> {
  const file = process.env.DEPLOYMENT_JSON;
  const source = file
    ? (JSON.parse(readFileSync(file, "utf8")) as { contracts: Record<string, Deployed> }).contracts
    : (deployments as Record<string, { contracts: Record<string, Deployed> } | undefined>)[String(chainId)]?.contracts;
  if (!source) fail("PONDER_CHAIN_ID", `${chainId} has no deployment in generated/crowdstake.ts (deploy, then export)`);
  for (const name of ["CampaignFactory", "PaymentEscrow"] as const) {
    if (!source[name]) fail(file ? "DEPLOYMENT_JSON" : "generated/crowdstake.ts", `lacks ${name}`);
  }
  return { CampaignFactory: source.CampaignFactory!, PaymentEscrow: source.PaymentEscrow! };
}

const { CampaignFactory, PaymentEscrow } = contractsOf();

export default createConfig({
  database: process.env.DATABASE_URL
    ? { kind: "postgres", connectionString: process.env.DATABASE_URL }
    : { kind: "pglite", directory: process.env.PGLITE_DIR ?? ".ponder/pglite" },
  chains: {
    main: {
      id: chainId,
      rpc: rpcUrl,
      pollingInterval: Number(process.env.PONDER_POLLING_MS ?? 1_000),
      // A local node restarts as a new chain with the same id: a cached answer would be stale.
      disableCache: chainId === 31337,
    },
  },
  contracts: {
    CampaignFactory: {
      chain: "main",
      abi: campaignFactoryAbi,
      address: CampaignFactory.address,
      startBlock: CampaignFactory.startBlock,
    },
    Campaign: {
      chain: "main",
      abi: campaignAbi,
      address: factory({
        address: CampaignFactory.address,
        event: getAbiItem({ abi: campaignFactoryAbi, name: "CampaignCreated" }),
        parameter: "campaign",
      }),
      startBlock: CampaignFactory.startBlock,
    },
    StakingPool: {
      chain: "main",
      abi: stakingPoolAbi,
      address: factory({
        address: CampaignFactory.address,
        event: getAbiItem({ abi: campaignFactoryAbi, name: "PoolCreated" }),
        parameter: "pool",
      }),
      startBlock: CampaignFactory.startBlock,
    },
    PaymentEscrow: {
      chain: "main",
      abi: paymentEscrowAbi,
      address: PaymentEscrow.address,
      startBlock: PaymentEscrow.startBlock,
    },
  },
});
