// Fixtures of the on-ramp suites: campaigns on the suite's chain, a local server speaking
// Razorpay's Payment Links API, each provider's callback in its real format, and an RPC endpoint
// that can be made to fail.
import { createHmac, createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import { parseEventLogs, type Address, type Hex } from "viem";
import { campaignAbi, campaignFactoryAbi, devStablecoinAbi } from "../../generated/crowdstake.ts";
import type { Chain } from "./harness/chain.ts";

export const SECRETS = {
  MERCURYO_WIDGET_ID: "widget-test-1",
  MERCURYO_SECRET: "mercuryo-widget-secret-0001",
  MERCURYO_SIGN_KEY: "mercuryo-sign-key-0001",
  RAZORPAY_KEY_ID: "rzp_test_KeyId0001",
  RAZORPAY_KEY_SECRET: "rzp-key-secret-0001",
  RAZORPAY_WEBHOOK_SECRET: "rzp-webhook-secret-0001",
};
/** The simulated provider's local-chain default (src/api/onramp/providers/simulated.ts). */
export const SIMULATED_SECRET = "crowdstake-local-simulated-onramp-secret";
export const NATIVE: Address = "0x0000000000000000000000000000000000000000";

export const hmac = (secret: string, body: string) => createHmac("sha256", secret).update(body).digest("hex");
export const sha512 = (text: string) => createHash("sha512").update(text).digest("hex");

const NO_POOL = {
  stakingToken: NATIVE, rewardsToken: NATIVE, admin: NATIVE, rewardsDuration: 0n, minStakePeriod: 0n, cooldown: 0n,
  vestingDuration: 0n, maxStakePerAccount: 0n, poolCap: 0n, maxRewardRate: 0n, totalRewardCap: 0n,
};

/** An active campaign (launched, open for 30 days) owned by account 2, created by account 0. */
export async function createActiveCampaign(chain: Chain, asset: Address, minContribution: bigint): Promise<Address> {
  const now = (await chain.public.getBlock()).timestamp;
  const params = {
    owner: chain.accounts[2]!.address, start: now, asset, end: now + 30n * 86_400n, goal: 10n ** 24n, cap: 0n,
    minContribution, maxPerBacker: 0n, rate: 10n ** 18n, metadataURI: "data:application/json,{\"name\":\"On-ramp test\"}",
  };
  const { hash } = await chain.write(0, {
    address: chain.addresses.CampaignFactory, abi: campaignFactoryAbi, functionName: "createCampaign",
    args: [params, "Onramp Token", "ONR", false, NO_POOL],
  });
  const receipt = await chain.public.getTransactionReceipt({ hash });
  const [created] = parseEventLogs({ abi: campaignFactoryAbi, logs: receipt.logs, eventName: "CampaignCreated" });
  const campaign = (created!.args as { campaign: Address }).campaign;
  await chain.write(2, { address: campaign, abi: campaignAbi, functionName: "launch" });
  return campaign.toLowerCase() as Address;
}

export async function mintStablecoin(chain: Chain, to: Address, amount: bigint): Promise<void> {
  await chain.write(0, { address: chain.addresses.DevStablecoin, abi: devStablecoinAbi, functionName: "mint", args: [to, amount] });
}

/** Contributed events of `campaign` carrying `onrampRef`, read from the chain itself. */
export async function contributedWithRef(chain: Chain, campaign: Address, onrampRef: Hex) {
  return chain.public.getContractEvents({ address: campaign, abi: campaignAbi, eventName: "Contributed", args: { onrampRef }, fromBlock: 0n });
}

// --- Razorpay: the Payment Links API and its webhooks, in Razorpay's wire format -------------

export interface RazorpayStub {
  url: string;
  links: Map<string, Record<string, unknown>>;
  close(): Promise<void>;
}

/** POST /v1/payment_links with basic auth, as https://api.razorpay.com answers it. */
export async function startRazorpayStub(): Promise<RazorpayStub> {
  const links = new Map<string, Record<string, unknown>>();
  const expectedAuth = `Basic ${Buffer.from(`${SECRETS.RAZORPAY_KEY_ID}:${SECRETS.RAZORPAY_KEY_SECRET}`).toString("base64")}`;
  const server: Server = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk) => (raw += chunk));
    request.on("end", () => {
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      };
      const error = (status: number, description: string, field?: string) =>
        send(status, { error: { code: "BAD_REQUEST_ERROR", description, source: "business", step: "payment_initiation", reason: "input_validation_failed", metadata: {}, field } });
      if (request.method !== "POST" || request.url !== "/v1/payment_links") return error(404, "The requested URL was not found on the server.");
      if (request.headers.authorization !== expectedAuth) return send(401, { error: { code: "BAD_REQUEST_ERROR", description: "Authentication failed" } });
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw);
      } catch {
        return error(400, "The request body is not valid JSON");
      }
      if (!Number.isInteger(body.amount) || (body.amount as number) < 100) return error(400, "The amount must be at least INR 1.00.", "amount");
      if (typeof body.currency !== "string") return error(400, "The currency field is required.", "currency");
      if (typeof body.reference_id !== "string" || body.reference_id.length > 40) return error(400, "The reference id may not be greater than 40 characters.", "reference_id");
      for (const link of links.values()) if (link.reference_id === body.reference_id) return error(400, `Payment Link with reference id ${body.reference_id} already exists`, "reference_id");
      const id = `plink_${randomBytes(7).toString("hex")}`;
      const now = Math.floor(Date.now() / 1000);
      const link = {
        accept_partial: body.accept_partial ?? false, amount: body.amount, amount_paid: 0, callback_method: body.callback_method ?? "",
        callback_url: body.callback_url ?? "", cancelled_at: 0, created_at: now, currency: body.currency, customer: body.customer ?? {},
        description: body.description ?? "", expire_by: body.expire_by ?? 0, expired_at: 0, first_min_partial_amount: 0, id,
        notes: body.notes ?? null, notify: { email: false, sms: false, whatsapp: false }, payments: null, reference_id: body.reference_id,
        reminder_enable: false, reminders: [], short_url: `https://rzp.io/rzp/${id.slice(6)}`, status: "created", updated_at: now,
        upi_link: false, user_id: "", whatsapp_link: false,
      };
      links.set(id, link);
      send(200, link);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, links, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The `payment_link.paid` webhook Razorpay sends when a link is paid in full. */
export function razorpayLinkPaid(link: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const orderId = `order_${randomBytes(7).toString("hex")}`;
  const paymentId = `pay_${randomBytes(7).toString("hex")}`;
  return JSON.stringify({
    entity: "event",
    account_id: "acc_TestAccount01",
    event: "payment_link.paid",
    contains: ["payment_link", "order", "payment"],
    payload: {
      payment_link: { entity: { ...link, amount_paid: link.amount, order_id: orderId, status: "paid", updated_at: now } },
      order: {
        entity: {
          amount: link.amount, amount_due: 0, amount_paid: link.amount, attempts: 1, created_at: now, currency: link.currency,
          entity: "order", id: orderId, notes: link.notes ?? [], offer_id: null, receipt: link.reference_id, status: "paid",
        },
      },
      payment: {
        entity: {
          acquirer_data: { auth_code: "123456" }, amount: link.amount, amount_refunded: 0, amount_transferred: 0, bank: null,
          captured: true, card: null, card_id: "card_TestCard0001", contact: "+919999999999", created_at: now, currency: link.currency,
          description: `#${orderId}`, email: "backer@example.com", entity: "payment", error_code: null, error_description: null,
          fee: 50, id: paymentId, international: false, invoice_id: null, method: "card", notes: link.notes ?? [], order_id: orderId,
          refund_status: null, status: "captured", tax: 8, vpa: null, wallet: null,
        },
      },
    },
    created_at: now,
  });
}

/** The `payment.failed` webhook for a failed attempt on a link (its notes carry our order id). */
export function razorpayPaymentFailed(link: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  return JSON.stringify({
    entity: "event",
    account_id: "acc_TestAccount01",
    event: "payment.failed",
    contains: ["payment"],
    payload: {
      payment: {
        entity: {
          id: `pay_${randomBytes(7).toString("hex")}`, entity: "payment", amount: link.amount, currency: link.currency, status: "failed",
          order_id: `order_${randomBytes(7).toString("hex")}`, invoice_id: null, international: false, method: "card", amount_refunded: 0,
          refund_status: null, captured: false, description: null, card_id: "card_TestCard0002", bank: null, wallet: null, vpa: null,
          email: "backer@example.com", contact: "+919999999999", notes: link.notes, fee: null, tax: null,
          error_code: "BAD_REQUEST_ERROR", error_description: "Payment failed due to incorrect card details", error_source: "customer",
          error_step: "payment_authentication", error_reason: "incorrect_card_details", acquirer_data: {}, created_at: now,
        },
      },
    },
    created_at: now,
  });
}

/** Mercuryo's transaction callback for a buy (https://widget.docs.mercuryo.io callbacks). */
export function mercuryoCallback(orderId: string, status: string, fiatAmount: string, fiatCurrency: string, address: Address): string {
  const now = Math.floor(Date.now() / 1000);
  const stamp = new Date(now * 1000).toISOString().replace("T", " ").slice(0, 19);
  return JSON.stringify({
    eventId: `${randomBytes(16).toString("hex")}`,
    data: {
      id: randomBytes(8).toString("hex"), type: "buy", user: { uuid4: "b19ea88b-ed9f-46ad-bfd9-62ddf63ffe66", country_code: "de" },
      amount: fiatAmount, status, network: "ETHEREUM", currency: "USDT", created_at: stamp, updated_at: stamp, created_at_ts: now,
      updated_at_ts: now, fiat_amount: fiatAmount, fiat_currency: fiatCurrency, payment_method: "card", partner_fee: "0", fee: "0.90",
      rate: "1", merchant_transaction_id: orderId, tx: { id: null, address, url: null }, card: { number: "444444******3333" },
    },
  });
}

// --- an RPC endpoint that can be made to fail, in front of the suite's node -------------------

export interface FlakyRpc {
  url: string;
  /** While true every request gets a 503, like an overloaded RPC provider. */
  failing: boolean;
  failures: number;
  close(): Promise<void>;
}

export async function startFlakyRpc(target: string): Promise<FlakyRpc> {
  const state = { failing: false, failures: 0 };
  const server: Server = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk) => (raw += chunk));
    request.on("end", async () => {
      if (state.failing) {
        state.failures += 1;
        response.writeHead(503, { "content-type": "text/plain" });
        return response.end("service unavailable");
      }
      try {
        const answer = await fetch(target, { method: "POST", headers: { "content-type": "application/json" }, body: raw });
        response.writeHead(answer.status, { "content-type": "application/json" });
        response.end(await answer.text());
      } catch {
        response.writeHead(502);
        response.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
