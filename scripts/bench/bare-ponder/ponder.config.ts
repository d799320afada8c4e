// The bare Ponder app's configuration: the same chain, contracts, factory children, addresses and
// start blocks as indexer/ponder.config.ts (read the same way, from DEPLOYMENT_JSON or the
// generated module), so the benchmark compares handler work and nothing else.
import { readFileSync } from "node:fs";
import { createConfig, factory } from "ponder";
import { getAbiItem } from "viem";
import { campaignAbi, campaignFactoryAbi, deployments, paymentEscrowAbi, stakingPoolAbi } from "../../../generated/crowdstake.ts";

type Deployed = { address: `0x${string}`; startBlock: number };

const chainId = Number(process.env.PONDER_CHAIN_ID ?? 31337);
const rpcUrl = process.env.PONDER_RPC_URL ?? "http://127.0.0.1:8545";
const source = process.env.DEPLOYMENT_JSON
  ? (JSON.parse(readFileSync(process.env.DEPLOYMENT_JSON, "utf8")) as { contracts: Record<string, Deployed> }).contracts
  : (deployments as Record<string, { contracts: Record<string, Deployed> } | undefined>)[String(chainId)]?.contracts;
const CampaignFactory = source?.CampaignFactory;
const PaymentEscrow = source?.PaymentEscrow;
if (!CampaignFactory || !PaymentEscrow) throw new Error(`bare-ponder: no CampaignFactory/PaymentEscrow deployment for chain ${chainId}`);

export default createConfig({
  database: process.env.DATABASE_URL
    ? { kind: "postgres", connectionString: process.env.DATABASE_URL }
    : { kind: "pglite", directory: process.env.PGLITE_DIR ?? ".ponder/pglite" },
  chains: {
    main: {
      id: chainId,
      rpc: rpcUrl,
      pollingInterval: Number(process.env.PONDER_POLLING_MS ?? 1_000),
      disableCache: chainId === 31337,
    },
  },
  contracts: {
    CampaignFactory: { chain: "main", abi: campaignFactoryAbi, address: CampaignFactory.address, startBlock: CampaignFactory.startBlock },
    Campaign: {
      chain: "main",
      abi: campaignAbi,
      address: factory({ address: CampaignFactory.address, event: getAbiItem({ abi: campaignFactoryAbi, name: "CampaignCreated" }), parameter: "campaign" }),
      startBlock: CampaignFactory.startBlock,
    },
    StakingPool: {
      chain: "main",
      abi: stakingPoolAbi,
      address: factory({ address: CampaignFactory.address, event: getAbiItem({ abi: campaignFactoryAbi, name: "PoolCreated" }), parameter: "pool" }),
      startBlock: CampaignFactory.startBlock,
    },
    PaymentEscrow: { chain: "main", abi: paymentEscrowAbi, address: PaymentEscrow.address, startBlock: PaymentEscrow.startBlock },
  },
});
