// A reorg deeper than the confirmation threshold (CONFIRMATIONS = 2): two payments are paid and
// confirmed, then the chain goes back to a snapshot before both (evm_revert) and a longer branch
// replaces it, holding only the second payment, in its last block. The first payment's status
// steps back to pending, the second's to detected (then confirmed again); GraphQL shows it and
// the merchant gets a correctly signed webhook for each change, after the earlier ones.
//
// Ponder's own finality on chain 31337 is 30 blocks (ponder/dist/esm/utils/finality.js: the
// default for an unknown chain), so a reorg of 11 blocks is one it reconciles. One deeper than
// its finalized block it cannot follow ("Encountered unrecoverable reorg"): see the report.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChain, type Chain } from "../harness/chain.js";
import { startIndexer, type Indexer } from "../harness/indexer.js";
import { waitFor } from "../harness/wait.js";
import { startWebhookReceiver, type Received, type WebhookReceiver } from "../merchants/webhook-receiver.js";
import { createSession, paySession, setUpMerchant, type Merchant, type Session } from "./support-merchant.js";

const CONFIRMATIONS = 2;
const PONDER_FINALITY_31337 = 30;

describe("faults: a reorg deeper than the confirmation threshold", () => {
  let chain: Chain;
  let receiver: WebhookReceiver;
  let indexer: Indexer;
  let merchant: Merchant;

  const head = () => chain.public.getBlockNumber({ cacheTime: 0 });
  const webhooks = (session: Session) => receiver.delivered().filter((entry) => entry.body?.data?.id === session.id);
  /** Waits for the next webhook of `session` (after the `seen` already received) and checks it is `status`. */
  const nextWebhook = async (session: Session, status: string, seen: number): Promise<Received> => {
    const event = await waitFor(async () => webhooks(session)[seen], `webhook #${seen + 1} of ${session.id}`, 60_000, 100);
    expect(event.type).toBe(`payment.${status}`);
    return event;
  };
  const statusOf = (session: Session) =>
    indexer.graphql(`query ($id: String!) { paymentSession(id: $id) { status payment { createdBlock state } } }`, { id: session.id }).then((data) => data.paymentSession);

  beforeAll(async () => {
    chain = await startChain();
    receiver = await startWebhookReceiver();
    indexer = await startIndexer(chain, { CONFIRMATIONS: String(CONFIRMATIONS), WEBHOOK_SCHEDULE: "100ms,200ms,400ms", WEBHOOK_TIMEOUT_MS: "1000" });
    merchant = await setUpMerchant(chain, indexer, 1, receiver, 3_600);
  });
  afterAll(async () => {
    await indexer?.dispose();
    await receiver?.close();
    await chain?.stop();
  });

  it("steps confirmed payments back (pending, detected) and tells the merchant, signed and in order", async () => {
    const token = chain.addresses.DevStablecoin;
    const first = await createSession(indexer, merchant, token, 25_000_000n);
    const second = await createSession(indexer, merchant, token, 40_000_000n);
    const snapshot = await chain.test.snapshot();
    const forkBlock = await head();

    // Branch 1: both paid, each seen detected then confirmed, then buried deeper.
    const firstBlock = await paySession(chain, 2, first);
    await nextWebhook(first, "detected", 0);
    await chain.test.mine({ blocks: 1 });
    await nextWebhook(first, "confirmed", 1);
    await paySession(chain, 3, second);
    await nextWebhook(second, "detected", 0);
    await chain.test.mine({ blocks: 1 });
    await nextWebhook(second, "confirmed", 1);
    await chain.test.mine({ blocks: 3 });
    const oldHead = await head();
    await indexer.waitForBlock(oldHead);
    expect(await statusOf(first)).toEqual({ status: "confirmed", payment: { createdBlock: firstBlock.toString(), state: "held" } });
    const depth = Number(oldHead - forkBlock);
    expect(Number(oldHead - firstBlock) + 1).toBeGreaterThan(CONFIRMATIONS + 3); // the first payment is well past "confirmed"
    expect(depth).toBeGreaterThan(CONFIRMATIONS);
    expect(depth).toBeLessThan(PONDER_FINALITY_31337);

    // Branch 2, from the snapshot: empty blocks, then only the second payment, one block past the old head.
    await chain.test.revert({ id: snapshot });
    expect(await head()).toBe(forkBlock);
    // One evm_mine per block (paySession mines three more: mint, approve, pay). Not hardhat_mine
    // of several blocks: with that, Ponder could not find the common ancestor (it walked back to
    // the genesis block's zero parent hash, BlockNotFoundError) and stopped following the chain.
    for (let i = 0; i < depth - 2; i += 1) await chain.test.mine({ blocks: 1 });
    const secondBlock = await paySession(chain, 3, second);
    expect(secondBlock).toBe(oldHead + 1n);
    // A failure here is Ponder not following the reorg: its log says why.
    await indexer.waitForBlock(secondBlock).catch((error: Error) => {
      throw new Error(`${error.message}\n${indexer.output().slice(-4000)}`);
    });

    // The first payment is gone: pending again, told to the merchant after its earlier webhooks.
    const stepBack = await nextWebhook(first, "pending", 2);
    expect(stepBack.body.data).toMatchObject({ id: first.id, status: "pending", previousStatus: "confirmed" });
    expect(await statusOf(first)).toEqual({ status: "pending", payment: null });
    expect((await (await indexer.request(`/v1/payment_sessions/${first.id}`)).json()).status).toBe("pending");

    // The second is in the new branch's last block: detected (one confirmation), then confirmed.
    const redetected = await waitFor(async () => {
      const last = webhooks(second).at(-1);
      return webhooks(second).length > 2 && last?.type === "payment.detected" ? last : undefined;
    }, "the second payment to be detected again", 60_000, 100);
    expect(redetected.body.data).toMatchObject({ status: "detected", createdBlock: secondBlock.toString() });
    expect(await statusOf(second)).toEqual({ status: "detected", payment: { createdBlock: secondBlock.toString(), state: "held" } });
    const seen = webhooks(second).length;
    await chain.test.mine({ blocks: 1 });
    await nextWebhook(second, "confirmed", seen);
    expect(await statusOf(second)).toEqual({ status: "confirmed", payment: { createdBlock: secondBlock.toString(), state: "held" } });

    // In order, each webhook's previousStatus the status of the one before it. Between the old
    // branch and the new, Ponder may have served a moment with neither payment (it reverts to the
    // common ancestor, then indexes the new blocks), so the second may pass through pending.
    const statuses = (session: Session) => webhooks(session).map((entry) => entry.body.data.status);
    expect(statuses(first)).toEqual(["detected", "confirmed", "pending"]);
    expect(["detected,confirmed,detected,confirmed", "detected,confirmed,pending,detected,confirmed"]).toContain(statuses(second).join(","));
    for (const session of [first, second]) {
      const events = webhooks(session);
      events.forEach((entry, i) => expect(entry.body.data.previousStatus).toBe(i === 0 ? "pending" : events[i - 1]!.body.data.status));
      expect(new Set(events.map((entry) => entry.eventId)).size).toBe(events.length);
    }
    // Every delivery verified against the endpoint's secret, and each event delivered once.
    expect(receiver.received.every((entry) => entry.verified && entry.answered === "ok")).toBe(true);
    expect(receiver.received).toHaveLength(webhooks(first).length + webhooks(second).length);
  }, 240_000);
});
