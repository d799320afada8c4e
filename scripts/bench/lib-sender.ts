// Fast transaction submission for the generated history: transactions are signed here (viem,
// local keys, nonces tracked here), packed into blocks by their gas limits and sent as raw
// transactions in JSON-RPC batches with automine off, then each block is mined alone with
// evm_mine at a chosen timestamp (`hardhat_mine` with a count > 1 makes blocks Ponder cannot
// index). Signing the next block overlaps with the node executing the previous one.
import { keccak256, toHex, type Address, type Hex } from "viem";
import { privateKeyToAccount, type PrivateKeyAccount } from "viem/accounts";
import type { Rpc } from "./lib-rpc.ts";

export interface Wallet {
  key: Hex;
  address: Address;
  account: PrivateKeyAccount;
  nonce: number;
}

/** A deterministic key per label, so every run generates the same accounts. */
export function benchKey(label: string): Hex {
  return keccak256(toHex(`crowdstake-bench:${label}`));
}

export function walletOf(key: Hex): Wallet {
  const account = privateKeyToAccount(key);
  return { key, address: account.address, account, nonce: 0 };
}

export interface SenderOptions {
  /** The chain's block gas limit; blocks are filled to 90% of it by gas limits. */
  blockGasLimit: bigint;
  /** Seconds between consecutive blocks. */
  blockSpacing: number;
  /** The timestamp of the last mined block. */
  startTime: bigint;
  /** Raw transactions per HTTP request. */
  batchSize?: number;
}

export interface Sender {
  /** Signs and queues a transaction; closes and submits the block when it is full. */
  send(from: Wallet, to: Address, data: Hex, gas: bigint, value?: bigint): Promise<void>;
  /** Submits what is queued as a block (if any) and waits until every block is mined. */
  flush(): Promise<void>;
  /** Moves the next block's timestamp forward (on top of the block spacing). */
  advance(seconds: number): void;
  /** The timestamp the next block will get. */
  nextTime(): bigint;
  stats(): { transactions: number; blocks: number };
}

const GAS_PRICE = 2_000_000_000n; // 2 gwei; the base fee is pinned to 1 gwei before each block
const BASE_FEE = "0x3b9aca00";
const MAX_IN_FLIGHT = 2; // blocks signed ahead of the node

export function createSender(rpc: Rpc, options: SenderOptions): Sender {
  const capacity = (options.blockGasLimit * 9n) / 10n;
  const batchSize = options.batchSize ?? 250;
  let time = options.startTime;
  let extra = 0n;
  let queue: Hex[] = [];
  let queuedGas = 0n;
  let transactions = 0;
  let blocks = 0;
  let tail: Promise<void> = Promise.resolve();
  /** Blocks closed and not yet mined, oldest first. */
  const inFlight: Promise<void>[] = [];

  async function submit(raw: Hex[], timestamp: bigint): Promise<void> {
    // Full blocks would raise the base fee 12.5% a block: pin it so the fixed gas price holds.
    await rpc.call("hardhat_setNextBlockBaseFeePerGas", [BASE_FEE]);
    for (let index = 0; index < raw.length; index += batchSize) {
      await rpc.batch(raw.slice(index, index + batchSize).map((tx) => ({ method: "eth_sendRawTransaction", params: [tx] })));
    }
    await rpc.call("evm_mine", [Number(timestamp)]);
    const included = Number(await rpc.call<Hex>("eth_getBlockTransactionCountByNumber", ["latest"]));
    if (included !== raw.length) throw new Error(`block at ${timestamp}: ${included} of ${raw.length} transactions included`);
    blocks += 1;
  }

  function close(): void {
    if (queue.length === 0) return;
    const raw = queue;
    time += BigInt(options.blockSpacing) + extra;
    extra = 0n;
    const timestamp = time;
    queue = [];
    queuedGas = 0n;
    const done = tail.then(() => submit(raw, timestamp));
    done.catch(() => undefined); // surfaced by flush() (through `tail`), not as an unhandled rejection
    inFlight.push(done);
    done.finally(() => inFlight.splice(inFlight.indexOf(done), 1)).catch(() => undefined);
    tail = done;
  }

  return {
    async send(from, to, data, gas, value = 0n) {
      if (queuedGas + gas > capacity) {
        close();
        // Let the request go out, and keep at most MAX_IN_FLIGHT blocks ahead of the node.
        await new Promise((resolve) => setImmediate(resolve));
        while (inFlight.length > MAX_IN_FLIGHT) await inFlight[0];
      }
      const raw = await from.account.signTransaction({
        chainId: 31337,
        type: "eip1559",
        nonce: from.nonce,
        to,
        data,
        value,
        gas,
        maxFeePerGas: GAS_PRICE,
        maxPriorityFeePerGas: 1n,
      });
      from.nonce += 1;
      queue.push(raw);
      queuedGas += gas;
      transactions += 1;
    },
    async flush() {
      close();
      await tail;
    },
    advance(seconds) {
      extra += BigInt(seconds);
    },
    nextTime: () => time + BigInt(options.blockSpacing) + extra,
    stats: () => ({ transactions, blocks }),
  };
}
