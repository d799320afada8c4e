// The relayer: settles paid orders on-chain with the operator key, one at a time (one account,
// sequential nonces). Several API processes may run it against one PostgreSQL: a pass runs only
// while its process holds the operator key's advisory lock (store.tryLock, per chain and
// address), so one process at a time claims orders and signs from the key, and the others skip
// the pass instead of racing it for nonces. A holder that dies releases the lock with its
// connection; the orders it had claimed come back when their lease (RELAYER_LEASE) expires.
// Never paying twice rests on three things, none of them on the lock:
//   1. the signed transaction's hash is committed (status "submitted") BEFORE it is sent, so a
//      crash at any point leaves a hash to reconcile from;
//   2. before any (re)send the chain is asked whether the order's onrampRef is already used;
//   3. the contracts refuse a repeated onrampRef (factory registry / escrow), so even a race
//      between processes (a lost lock connection, a lease that ran out) cannot pay twice: the
//      loser reverts OnrampRefUsed.
// RPC failures are retried with exponential backoff up to RELAYER_MAX_ATTEMPTS (the nonce is
// re-read after any error); a revert fails the order at once with the contract's custom error
// name.
import { encodeFunctionData, erc20Abi, keccak256, maxUint256, type Address, type Hex, type TransactionReceipt } from "viem";
import { campaignAbi, campaignFactoryAbi, paymentEscrowAbi } from "../../../../generated/crowdstake.js";
import type { ApiContext, Worker } from "../module.js";
import { findPaymentSession } from "../payments/session-record.js";
import { ESCROW, NATIVE, decodeRevertData, operatorClients, revertOf } from "./chain.js";
import { addStep, claimDue, releaseLease, scheduleRetry, transition, type Order } from "./orders.js";

const RECEIPT_TIMEOUT_MS = 60_000;
const MAX_BACKOFF_MS = 3_600_000;

interface Call {
  to: Address;
  data: Hex;
  value: bigint;
}

/** A revert: the order fails with this contract error (not retried). */
class Reverted extends Error {}

export function createRelayer(api: ApiContext): Worker {
  const { config, store, log } = api;
  const { account, chain, public: client } = operatorClients(config);
  // Nonces are per chain and key: so is the lock (several deployments may share the database).
  const lockName = `crowdstake-relayer:${chain.id}:${account.address.toLowerCase()}`;
  let nonce: number | undefined;

  async function settled(order: Order, txHash: Hex | null, detail: string): Promise<void> {
    await store.transaction((tx) => transition(tx, order.id, { status: "settled", txHash, detail }, { clearLease: true }));
    log.info({ orderId: order.id, txHash }, "on-ramp order settled");
  }

  async function failed(order: Order, error: string, txHash?: Hex): Promise<void> {
    await store.transaction((tx) => transition(tx, order.id, { status: "failed", error, txHash: txHash ?? null }, { clearLease: true }));
    log.warn({ orderId: order.id, error }, "on-ramp order failed");
  }

  /** The settlement call of an order; throws Reverted when it cannot be built (e.g. no session). */
  async function settlementCall(order: Order): Promise<Call> {
    if (order.kind === "contribution") {
      return {
        to: order.campaign!,
        data: encodeFunctionData({ abi: campaignAbi, functionName: "contributeFor", args: [order.beneficiary, order.amount, order.onrampRef] }),
        value: order.asset === NATIVE ? order.amount : 0n,
      };
    }
    const session = await findPaymentSession(store, order.paymentSessionId!);
    if (!session) throw new Reverted("PaymentSessionNotFound");
    const { intent } = session;
    const tuple = {
      id: intent.id,
      merchant: intent.merchant,
      token: intent.token,
      amount: BigInt(intent.amount),
      deadline: BigInt(intent.deadline),
      payer: intent.payer,
      splits: intent.splits.map((split) => ({ recipient: split.recipient, bps: split.bps })),
      metadataHash: intent.metadataHash,
    };
    return {
      to: ESCROW,
      data: encodeFunctionData({ abi: paymentEscrowAbi, functionName: "payFor", args: [tuple, session.signature, order.beneficiary, order.onrampRef] }),
      value: order.asset === NATIVE ? order.amount : 0n,
    };
  }

  /** Whether the chain already recorded this order's onrampRef (by any transaction). */
  async function refUsed(order: Order): Promise<boolean> {
    if (order.kind === "payment") {
      return client.readContract({ address: ESCROW, abi: paymentEscrowAbi, functionName: "onrampRefUsed", args: [order.onrampRef] });
    }
    const factory = await client.readContract({ address: order.campaign!, abi: campaignAbi, functionName: "factory" });
    return client.readContract({ address: factory, abi: campaignFactoryAbi, functionName: "onrampRefUsed", args: [order.onrampRef] });
  }

  /** Signs with the managed nonce; `beforeSend` runs with the hash before it is broadcast. */
  async function send(call: Call, beforeSend: (hash: Hex) => Promise<void>): Promise<Hex> {
    try {
      // Simulation first: a revert is decoded here and nothing is spent.
      const gas = await client.estimateGas({ account, ...call });
      // The node's pending count also covers transactions sent from this key by anyone else;
      // the local counter covers ours that the node has not reported yet.
      const pendingCount = await client.getTransactionCount({ address: account.address, blockTag: "pending" });
      nonce = Math.max(nonce ?? 0, pendingCount);
      const fees = await client.estimateFeesPerGas();
      const serialized = await account.signTransaction({
        chainId: chain.id,
        type: "eip1559",
        ...call,
        nonce,
        gas: (gas * 12n) / 10n,
        maxFeePerGas: fees.maxFeePerGas,
        maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
      });
      const hash = keccak256(serialized);
      await beforeSend(hash);
      await client.sendRawTransaction({ serializedTransaction: serialized });
      nonce += 1;
      return hash;
    } catch (error) {
      nonce = undefined; // re-read the pending nonce after any error
      const reverted = revertOf(error);
      if (reverted) throw new Reverted(reverted);
      throw error;
    }
  }

  /** The revert reason of a mined, reverted transaction, by replaying its call. */
  async function replayRevert(call: Call, receipt: TransactionReceipt): Promise<string> {
    try {
      await client.call({ account, ...call, blockNumber: receipt.blockNumber - 1n });
      return "reverted (replay succeeded)";
    } catch (error) {
      const data = (error as { data?: Hex; cause?: { data?: Hex } }).cause?.data ?? (error as { data?: Hex }).data;
      return data ? decodeRevertData(data) : (revertOf(error) ?? "reverted");
    }
  }

  async function finishFromReceipt(order: Order, call: Call, receipt: TransactionReceipt): Promise<void> {
    if (receipt.status === "success") return settled(order, receipt.transactionHash, `block ${receipt.blockNumber}`);
    const reason = await replayRevert(call, receipt);
    // Reverted because the reference was used: by an earlier transaction of this order.
    if (reason.startsWith("OnrampRefUsed") || (await refUsed(order))) return settled(order, null, "onrampRef already used on-chain");
    return failed(order, reason, receipt.transactionHash);
  }

  /** An ERC-20 settlement pulls from the operator: approve the spender first if needed. */
  async function ensureAllowance(order: Order, spender: Address): Promise<void> {
    if (order.asset === NATIVE) return;
    const allowance = await client.readContract({ address: order.asset, abi: erc20Abi, functionName: "allowance", args: [account.address, spender] });
    if (allowance >= order.amount) return;
    // The spender is a factory campaign or the escrow (checked when the order was created);
    // an unlimited allowance saves one transaction per later order.
    const data = encodeFunctionData({ abi: erc20Abi, functionName: "approve", args: [spender, maxUint256] });
    const hash = await send({ to: order.asset, data, value: 0n }, async () => undefined);
    const receipt = await client.waitForTransactionReceipt({ hash, timeout: RECEIPT_TIMEOUT_MS });
    await addStep(store, order.id, { status: "approve", txHash: hash, detail: receipt.status });
    if (receipt.status !== "success") throw new Reverted(`approve reverted in ${hash}`);
  }

  async function settle(order: Order): Promise<void> {
    const call = await settlementCall(order);
    // Resuming: a transaction was signed and maybe sent before a crash or an RPC failure.
    if (order.txHash) {
      const receipt = await client.getTransactionReceipt({ hash: order.txHash }).catch(() => undefined);
      if (receipt) return finishFromReceipt(order, call, receipt);
      const pending = await client.getTransaction({ hash: order.txHash }).catch(() => undefined);
      if (pending) {
        const mined = await client.waitForTransactionReceipt({ hash: order.txHash, timeout: RECEIPT_TIMEOUT_MS });
        return finishFromReceipt(order, call, mined);
      }
      // Never reached the node (crash between commit and send) or dropped: the chain decides.
    }
    if (await refUsed(order)) return settled(order, null, "onrampRef already used on-chain");
    await ensureAllowance(order, call.to);
    const hash = await send(call, (signed) =>
      store.transaction((tx) => transition(tx, order.id, { status: "submitted", txHash: signed })),
    );
    const receipt = await client.waitForTransactionReceipt({ hash, timeout: RECEIPT_TIMEOUT_MS });
    return finishFromReceipt(order, call, receipt);
  }

  async function handle(order: Order): Promise<void> {
    try {
      await settle(order);
    } catch (error) {
      if (error instanceof Reverted) {
        if (error.message.startsWith("OnrampRefUsed")) await settled(order, null, "onrampRef already used on-chain");
        else await failed(order, error.message);
        return;
      }
      const message = (error as Error).message?.split("\n")[0] ?? String(error);
      // A submitted order (txHash stored) is never given up: its transaction may still be
      // mined, and the next pass reconciles it from that hash.
      if (order.attempts + 1 >= config.RELAYER_MAX_ATTEMPTS && !order.txHash) {
        await failed(order, `RelayerGaveUp: ${message}`);
      } else {
        const delay = Math.min(config.RELAYER_BACKOFF * 2 ** order.attempts, MAX_BACKOFF_MS);
        await store.transaction((tx) => scheduleRetry(tx, order.id, delay, message));
        log.warn({ orderId: order.id, attempt: order.attempts + 1, delay, err: message }, "on-ramp settlement will be retried");
      }
    }
  }

  return {
    name: "onramp-relayer",
    async tick() {
      const handled = await store.tryLock(lockName, async (held) => {
        // The local counter lives only inside one locked pass: between passes another process
        // may have sent from the key, and the node's pending count is the truth again.
        nonce = undefined;
        const orders = await claimDue(store, 5, config.RELAYER_LEASE);
        for (const [index, order] of orders.entries()) {
          if (!held()) {
            // The lock's connection failed: another process may hold the key now. Hand back
            // what was not started (best effort: the leases expire anyway).
            log.warn({ orders: orders.length - index }, "relayer lock lost; stopping the pass");
            for (const rest of orders.slice(index)) await releaseLease(store, rest.id).catch(() => undefined);
            break;
          }
          await handle(order);
        }
        return orders.length;
      });
      return handled ?? 0; // undefined: another process holds the key, nothing to do here
    },
  };
}
