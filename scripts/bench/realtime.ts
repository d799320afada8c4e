// Realtime lag: from a transaction mined to its effect visible through /graphql, on a real
// `hardhat node` mining a block every second and the real indexer (`ponder start`). Transactions
// go one after another (a contribution, a stake, a payment, in turn); for each, one loop polls the
// node for its receipt and another polls GraphQL for its row, both every 20 ms.
import { hardhat } from "viem/chains";
import { erc20Abi, keccak256, maxUint256, toHex, type Address, type Hex } from "viem";
import { campaignAbi, paymentEscrowAbi, stakingPoolAbi } from "../../generated/crowdstake.ts";
import { INTENT_TYPES } from "../lib/eip712-types.ts";
import { startIndexer } from "../../indexer/test/harness/indexer.ts";
import { percentile, type BenchSection } from "./section.ts";
import { graphql, ms, pollUntil, sharedChain, table, type BenchChain } from "./stack-chain.ts";

const COUNT = Number(process.env.BENCH_REALTIME_TXS ?? 60);
const WARMUP = 3;
const BLOCK_MS = 1_000;
const POLL_MS = 20;
// Ponder's own default (what an indexer against a real chain runs with) and `npm start`'s 250 ms.
const POLLINGS = (process.env.BENCH_POLLING_MS ?? "1000,250").split(",").map(Number);

type Kind = "contribution" | "stake" | "payment";
const KINDS: Kind[] = ["contribution", "stake", "payment"];
const VISIBLE: Record<Kind, string> = {
  contribution: "query ($h: String!) { rows: contributions(where: { txHash: $h }) { items { id } } }",
  stake: "query ($h: String!) { rows: stakeEvents(where: { txHash: $h }) { items { id } } }",
  payment: "query ($h: String!) { rows: paymentEvents(where: { txHash: $h }) { items { id } } }",
};

interface Sample {
  kind: Kind;
  /** submission (eth_sendRawTransaction answered) → receipt seen */
  mineMs: number;
  /** receipt seen → row visible in GraphQL: the figure */
  lagMs: number;
}

const ALICE = 1;
const BOB = 2;
const MERCHANT = 4;

/** Allowances for every transaction to come (not timed). */
async function prepare(chain: BenchChain): Promise<{ bread: Address }> {
  const { solar, bakeryPool } = chain.seeded;
  const bread = (await chain.public.readContract({ address: bakeryPool, abi: stakingPoolAbi, functionName: "stakingToken" })) as Address;
  const approve = (index: number, token: Address, spender: Address) =>
    chain.write(index, { address: token, abi: erc20Abi, functionName: "approve", args: [spender, maxUint256] });
  await approve(ALICE, chain.addresses.DevStablecoin, solar);
  await approve(ALICE, bread, bakeryPool);
  await approve(BOB, chain.addresses.DevStablecoin, chain.addresses.PaymentEscrow);
  return { bread };
}

let salt = 0n;
async function send(chain: BenchChain, kind: Kind): Promise<Hex> {
  if (kind === "contribution") {
    return chain.wallet(ALICE).writeContract({ chain: hardhat, account: chain.accounts[ALICE]!, address: chain.seeded.solar, abi: campaignAbi, functionName: "contribute", args: [10_000_000n] });
  }
  if (kind === "stake") {
    return chain.wallet(ALICE).writeContract({ chain: hardhat, account: chain.accounts[ALICE]!, address: chain.seeded.bakeryPool, abi: stakingPoolAbi, functionName: "stake", args: [10n ** 18n] });
  }
  const merchant = chain.accounts[MERCHANT]!;
  salt += 1n;
  const now = (await chain.public.getBlock({ blockTag: "latest" })).timestamp;
  const intent = {
    id: `${merchant.address.toLowerCase()}${(0xbe4c0000n + salt).toString(16).padStart(24, "0")}` as Hex,
    merchant: merchant.address,
    token: chain.addresses.DevStablecoin,
    amount: 1_000_000n,
    deadline: now + 86_400n,
    payer: "0x0000000000000000000000000000000000000000" as Address,
    splits: [],
    metadataHash: keccak256(toHex(`bench-${salt}`)),
  };
  const domain = { name: "Crowdstake PaymentEscrow", version: "1", chainId: 31337, verifyingContract: chain.addresses.PaymentEscrow };
  const signature = await merchant.signTypedData({ domain, types: INTENT_TYPES, primaryType: "PaymentIntent", message: intent });
  return chain.wallet(BOB).writeContract({ chain: hardhat, account: chain.accounts[BOB]!, address: chain.addresses.PaymentEscrow, abi: paymentEscrowAbi, functionName: "pay", args: [intent, signature] });
}

async function measure(chain: BenchChain, apiUrl: string, kind: Kind): Promise<Sample> {
  const hash = await send(chain, kind);
  const submitted = performance.now();
  const [mined, visible] = await Promise.all([
    pollUntil(async () => (await chain.public.getTransactionReceipt({ hash }).catch(() => undefined)) !== undefined, `the receipt of ${hash}`, POLL_MS),
    pollUntil(async () => (await graphql<{ rows: { items: unknown[] } }>(apiUrl, VISIBLE[kind], { h: hash })).rows.items.length > 0, `${kind} ${hash} in GraphQL`, POLL_MS),
  ]);
  const receipt = await chain.public.getTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`bench: ${kind} ${hash} reverted`);
  return { kind, mineMs: mined - submitted, lagMs: visible - mined };
}

async function run(chain: BenchChain, pollingMs: number): Promise<Sample[]> {
  const indexer = await startIndexer(chain, { PONDER_POLLING_MS: String(pollingMs), WORKERS: "off" });
  try {
    await indexer.waitForBlock();
    const samples: Sample[] = [];
    for (let index = 0; index < WARMUP + COUNT; index++) {
      const sample = await measure(chain, indexer.url, KINDS[index % KINDS.length]!);
      if (index >= WARMUP) samples.push(sample);
    }
    return samples;
  } finally {
    await indexer.dispose();
  }
}

export async function benchRealtime(): Promise<BenchSection[]> {
  const chain = await sharedChain();
  await chain.setBlockTime(0);
  await prepare(chain);
  await chain.setBlockTime(BLOCK_MS);
  const runs: { pollingMs: number; samples: Sample[] }[] = [];
  try {
    for (const pollingMs of POLLINGS) {
      console.log(`realtime lag: ${COUNT} transactions, 1 s blocks, PONDER_POLLING_MS=${pollingMs}`);
      runs.push({ pollingMs, samples: await run(chain, pollingMs) });
    }
  } finally {
    await chain.setBlockTime(0);
  }
  const stats = (values: number[]) => [ms(percentile(values, 50)), ms(percentile(values, 95)), ms(Math.max(...values))];
  const rows = runs.flatMap(({ pollingMs, samples }) => [
    ...KINDS.map((kind) => [`${pollingMs} ms`, kind, samples.filter((sample) => sample.kind === kind).length, ...stats(samples.filter((sample) => sample.kind === kind).map((sample) => sample.lagMs))]),
    [`${pollingMs} ms`, "**all**", samples.length, ...stats(samples.map((sample) => sample.lagMs))],
  ]);
  const mineRows = runs.map(({ pollingMs, samples }) => [`${pollingMs} ms`, ...stats(samples.map((sample) => sample.mineMs))]);
  const figures = runs.flatMap(({ pollingMs, samples }) => {
    const lags = samples.map((sample) => sample.lagMs);
    return [
      { name: `Mined → visible in GraphQL, p50 (Ponder polling ${pollingMs} ms)`, value: ms(percentile(lags, 50)), unit: "ms" },
      { name: `Mined → visible in GraphQL, p95 (Ponder polling ${pollingMs} ms)`, value: ms(percentile(lags, 95)), unit: "ms" },
    ];
  });
  const body = [
    `Method: a real \`hardhat node\` mining a block every ${BLOCK_MS} ms (\`evm_setIntervalMining\`, automine off) with the local deployment and \`npm start\`'s demo seed; the real indexer (\`ponder start\`, PGlite, workers off) from the test harness, once per Ponder polling interval (\`PONDER_POLLING_MS\`: ${POLLINGS.join(" and ")} ms; Ponder's default, which an indexer against a real chain runs with, is 1,000 ms; \`npm start\` uses 250 ms). ${COUNT} transactions one after another (after ${WARMUP} untimed), in turn a cUSD contribution to Solar Coop (alice), a stake of 1 BREAD in Corner Bakery's pool (alice) and an escrow payment of 1 cUSD with a merchant-signed intent (bob).`,
    "",
    `Each is timed from the moment its receipt is seen (the node polled every ${POLL_MS} ms) until its row is returned by \`/graphql\` (\`contributions\` / \`stakeEvents\` / \`paymentEvents\` filtered by \`txHash\`, polled every ${POLL_MS} ms). Both polls run side by side; the receipt poll's own delay (up to one poll) is not subtracted, so the figure can read up to ~${POLL_MS} ms low. Nearest-rank percentiles.`,
    "",
    table(["Ponder polling", "transaction", "count", "p50 (ms)", "p95 (ms)", "max (ms)"], rows),
    "",
    "For reference, submission → receipt seen (waiting for the next 1 s block):",
    "",
    table(["Ponder polling", "p50 (ms)", "p95 (ms)", "max (ms)"], mineRows),
  ].join("\n");
  return [{ id: "realtime-lag", title: "Realtime lag (mined → visible in GraphQL)", figures, body }];
}
