// Payment sessions: a merchant (API key or SIWE session) asks for a checkout; when it has
// authorised the platform signer on-chain (PaymentEscrow.setSigner), the platform signs the
// EIP-712 intent (no gas) and stores it; the hosted checkout reads it back (public GET) and the
// payer submits it to the escrow. The session id is the intent's merchant-bound payment id.
import type { Hono } from "hono";
import { z } from "zod";
import { isAddress, keccak256, stringToHex, zeroAddress, zeroHash, type Address, type Hex } from "viem";
import { paymentEscrowAbi } from "../../../../generated/crowdstake.js";
import { INTENT_TYPES, escrowDomain, newPaymentId } from "../../../../scripts/lib/eip712.js";
import { ApiError } from "../http/errors.js";
import { check, readJson } from "../http/validate.js";
import type { ApiContext, ApiEnv } from "../module.js";
import { findPaymentSession, type PaymentSessionRecord, type SignedIntent } from "../payments/session-record.js";
import { sessionStatus, type PaymentStatus } from "../payments/status.js";
import { requireMerchant } from "./auth.js";
import { chainHead, escrowAddress, findPayment, isIntentCancelled, platformSigner } from "./onchain.js";

const MAX_UINT96 = (1n << 96n) - 1n;
const MAX_SPLITS = 5;

const address = z
  .string()
  .refine((value) => isAddress(value, { strict: false }), "must be a 0x-prefixed 20-byte address")
  .transform((value) => value.toLowerCase() as Address);
const amount = z
  .string()
  .regex(/^[0-9]{1,30}$/, "must be a decimal string of base units")
  .transform((value) => BigInt(value))
  .refine((value) => value > 0n && value <= MAX_UINT96, "must be > 0 and fit in 96 bits");
const split = z
  .object({
    recipient: address.refine((value) => value !== zeroAddress && value !== escrowAddress, "must be a payable recipient"),
    bps: z.number().int().min(1).max(10_000),
  })
  .strict();

const createBody = z
  .object({
    token: address,
    amount,
    payer: address.optional(),
    splits: z
      .array(split)
      .max(MAX_SPLITS)
      .refine((list) => list.reduce((sum, item) => sum + item.bps, 0) <= 10_000, "the splits' bps must sum to at most 10000")
      .optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    successUrl: z.string().url().max(2_048).optional(),
    cancelUrl: z.string().url().max(2_048).optional(),
    /** Seconds until the intent's deadline; default PAYMENT_SESSION_TTL. */
    expiresIn: z.number().int().min(60).max(30 * 86_400).optional(),
  })
  .strict();

export const sessionId = z.string().regex(/^0x[0-9a-fA-F]{64}$/, "must be a bytes32 payment id").transform((value) => value.toLowerCase());

/** A stored session as the API shows it, without its status (which needs the chain). */
export function sessionFields(api: ApiContext, session: PaymentSessionRecord) {
  return {
    id: session.id,
    merchant: session.merchant,
    checkoutUrl: `${api.config.WEB_URL.replace(/\/$/, "")}/checkout/${session.id}`,
    intent: session.intent,
    signature: session.signature,
    expiresAt: session.expiresAt.toISOString(),
    successUrl: session.successUrl,
    cancelUrl: session.cancelUrl,
    createdAt: session.createdAt.toISOString(),
  };
}

/** A stored session as the API shows it, with its live status. */
export async function presentSession(api: ApiContext, session: PaymentSessionRecord, status?: PaymentStatus) {
  return { ...sessionFields(api, session), status: status ?? (await statusOfSession(api, session)) };
}

export async function statusOfSession(api: ApiContext, session: PaymentSessionRecord): Promise<PaymentStatus> {
  const [payment, cancelled, head] = await Promise.all([findPayment(api, session.id), isIntentCancelled(api, session.id), chainHead(api)]);
  return sessionStatus(
    { expiresAt: session.expiresAt, cancelled, onrampFailed: false },
    payment,
    head.number,
    api.config.CONFIRMATIONS,
    head.now,
  );
}

async function signerAuthorised(api: ApiContext, merchant: Address, signer: Address): Promise<boolean> {
  if (merchant === signer.toLowerCase()) return true;
  return api.client.readContract({ address: escrowAddress, abi: paymentEscrowAbi, functionName: "isSigner", args: [merchant, signer] });
}

export function paymentSessionRoutes(app: Hono<ApiEnv>, api: ApiContext): void {
  const { config } = api;
  const signer = platformSigner(api);

  app.post("/v1/payment_sessions", async (c) => {
    const merchant = requireMerchant(c) as Address;
    const body = await readJson(c, createBody);
    if (!(await signerAuthorised(api, merchant, signer.address))) {
      throw new ApiError(
        "CONFLICT",
        `the platform signer is not authorised for ${merchant}: call PaymentEscrow.setSigner(${signer.address}, true) from the merchant address first`,
        { escrow: escrowAddress, signer: signer.address },
      );
    }
    const head = await chainHead(api);
    const ttlSeconds = body.expiresIn ?? Math.floor(config.PAYMENT_SESSION_TTL / 1_000);
    const deadline = BigInt(Math.floor(head.now.getTime() / 1_000) + ttlSeconds);
    const intent = {
      id: newPaymentId(merchant) as Hex,
      merchant,
      token: body.token,
      amount: body.amount,
      deadline,
      payer: body.payer ?? zeroAddress,
      splits: body.splits ?? [],
      metadataHash: body.metadata ? keccak256(stringToHex(JSON.stringify(body.metadata))) : zeroHash,
    };
    const signature = await signer.signTypedData({
      domain: escrowDomain(BigInt(config.PONDER_CHAIN_ID), escrowAddress) as never,
      types: INTENT_TYPES,
      primaryType: "PaymentIntent",
      message: intent as never,
    });
    const stored: SignedIntent = { ...intent, amount: intent.amount.toString(), deadline: deadline.toString() };
    const expiresAt = new Date(Number(deadline) * 1_000);
    await api.store.query(
      `INSERT INTO payment_sessions (id, merchant, intent, signature, metadata, expires_at, success_url, cancel_url)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        intent.id,
        merchant,
        JSON.stringify(stored),
        signature,
        body.metadata ? JSON.stringify(body.metadata) : null,
        expiresAt,
        body.successUrl ?? null,
        body.cancelUrl ?? null,
      ],
    );
    const session = (await findPaymentSession(api.store, intent.id))!;
    api.log.info({ merchant, session: intent.id }, "payment session created");
    return c.json(await presentSession(api, session, "pending"), 201);
  });

  app.get("/v1/payment_sessions/:id", async (c) => {
    const id = check(sessionId, c.req.param("id"), "id");
    const session = await findPaymentSession(api.store, id);
    if (!session) throw new ApiError("NOT_FOUND", `no payment session ${id}`);
    return c.json(await presentSession(api, session));
  });
}
