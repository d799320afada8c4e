// Thousands of events on the suite's chain in seconds: native-coin contributions signed locally
// (viem, Hardhat's funded accounts, nonces counted here), sent as JSON-RPC batches with automine
// off, and mined `perBlock` to a block with evm_mine. One Contributed event per transaction.
import { encodeFunctionData, parseGwei, type Address, type Hex } from "viem";
import { campaignAbi } from "../../../generated/crowdstake.js";
import type { Chain } from "../harness/chain.js";

export interface Load {
  /** Contributed events mined, per campaign. */
  perCampaign: Map<Address, { count: number; total: bigint }>;
  firstBlock: bigint;
  lastBlock: bigint;
}

async function rpc(url: string, calls: { method: string; params: unknown[] }[]): Promise<unknown[]> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(calls.map((call, id) => ({ jsonrpc: "2.0", id, ...call }))),
  });
  const answers = (await response.json()) as { id: number; result?: unknown; error?: { message: string } }[];
  const failed = answers.find((answer) => answer.error);
  if (failed) throw new Error(`JSON-RPC batch failed: ${failed.error!.message}`);
  return answers.sort((a, b) => a.id - b.id).map((answer) => answer.result);
}

/** Mines `blocks` blocks of `perBlock` contributeNative() calls, round-robin over `campaigns` and accounts 1..19. */
export async function contributeInBulk(chain: Chain, campaigns: Address[], blocks: number, perBlock: number): Promise<Load> {
  const senders = chain.accounts.slice(1, 20);
  const nonces = await Promise.all(senders.map((account) => chain.public.getTransactionCount({ address: account.address, blockTag: "pending" })));
  const perCampaign = new Map(campaigns.map((campaign) => [campaign, { count: 0, total: 0n }]));
  const data = encodeFunctionData({ abi: campaignAbi, functionName: "contributeNative" });
  const firstBlock = (await chain.public.getBlockNumber({ cacheTime: 0 })) + 1n;
  await chain.test.setAutomine(false);
  try {
    let n = 0;
    for (let block = 0; block < blocks; block += 1) {
      const signed: Hex[] = [];
      for (let i = 0; i < perBlock; i += 1, n += 1) {
        const sender = n % senders.length;
        const campaign = campaigns[n % campaigns.length]!;
        const value = 10n ** 15n + BigInt(n); // distinct amounts: a misplaced row shows in the totals
        signed.push(
          await senders[sender]!.signTransaction({
            chainId: 31337, type: "eip1559", to: campaign, data, value, nonce: nonces[sender]!++,
            gas: 300_000n, maxFeePerGas: parseGwei("20"), maxPriorityFeePerGas: parseGwei("1"),
          }),
        );
        const entry = perCampaign.get(campaign)!;
        entry.count += 1;
        entry.total += value;
      }
      await rpc(chain.rpcUrl, signed.map((tx) => ({ method: "eth_sendRawTransaction", params: [tx] })));
      await rpc(chain.rpcUrl, [{ method: "evm_mine", params: [] }]);
    }
  } finally {
    await chain.test.setAutomine(true);
  }
  const lastBlock = await chain.public.getBlockNumber({ cacheTime: 0 });
  // Every transaction in its own batch's block, none left pending or reverted.
  const mined = await chain.public.getBlock({ blockNumber: lastBlock });
  if (lastBlock - firstBlock + 1n !== BigInt(blocks) || mined.transactions.length !== perBlock) {
    throw new Error(`expected ${blocks} blocks of ${perBlock} transactions from ${firstBlock}, got up to ${lastBlock} (${mined.transactions.length} in the last)`);
  }
  return { perCampaign, firstBlock, lastBlock };
}
