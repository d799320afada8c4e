// The merchant dashboard against a fake API (fetch) and a fake chain: sign-in with Ethereum and
// sign-out, API keys shown once, the webhook endpoint and its secret, and which payment actions
// each row offers.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { WagmiProvider, createConfig } from "wagmi";
import { connect, signMessage } from "wagmi/actions";
import { mock } from "wagmi/connectors";
import { custom, decodeFunctionData, encodeFunctionResult, erc20Abi, numberToHex, recoverMessageAddress, UserRejectedRequestError, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { parseSiweMessage } from "viem/siwe";
import { chain } from "../src/wagmi.ts";
import { ApiKeysPanel } from "../src/merchant/ApiKeysPanel.tsx";
import { WebhookPanel } from "../src/merchant/WebhookPanel.tsx";
import type { MerchantAuth } from "../src/merchant/auth.ts";
import { ApiError } from "../src/lib/api.ts";
import Merchant from "../src/pages/Merchant.tsx";
import axe from "axe-core";

vi.hoisted(() => {
  window.__CROWDSTAKE__ = { chainId: 31337, apiUrl: "http://api.test", contracts: { PaymentEscrow: "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512" } };
});
vi.mock("wagmi/actions", async (importOriginal) => ({ ...(await importOriginal<typeof import("wagmi/actions")>()), signMessage: vi.fn() }));

const merchantAccount = privateKeyToAccount("0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a");
const MERCHANT = merchantAccount.address.toLowerCase();
const TOKEN = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
const FULL_KEY = "csk_4f1c2b9e8d7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a";

// ------------------------------------------------------------------ a fake API

interface Request {
  method: string;
  path: string;
  body: any;
  authorization: string | null;
}
type Reply = { status?: number; body: unknown };
let requests: Request[];
let routes: Record<string, (request: Request) => Reply>;

function fail(status: number, code: string, message: string): Reply {
  return { status, body: { error: { code, message, details: {} } } };
}

beforeEach(() => {
  requests = [];
  routes = {};
  sessionStorage.clear();
  localStorage.clear();
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: string | URL, init: RequestInit = {}) => {
      const url = new URL(String(input));
      const headers = new Headers(init.headers);
      const request = { method: init.method ?? "GET", path: url.pathname, body: init.body ? JSON.parse(String(init.body)) : undefined, authorization: headers.get("authorization") };
      requests.push(request);
      const key = Object.keys(routes).find((route) => {
        const [method, pattern] = route.split(" ");
        return method === request.method && new RegExp(`^${pattern!.replace(/:\w+/g, "[^/]+")}$`).test(request.path);
      });
      const reply = key ? routes[key]!(request) : fail(404, "NOT_FOUND", `no route ${request.method} ${request.path}`);
      return new Response(JSON.stringify(reply.body), { status: reply.status ?? 200, headers: { "content-type": "application/json" } });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const sent = (method: string, path: string) => requests.filter((request) => request.method === method && request.path === path);

function withQueryClient(children: React.ReactNode) {
  return <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>{children}</QueryClientProvider>;
}

function authFor(onApiError = vi.fn()): MerchantAuth {
  return { token: "css_session", merchant: merchantAccount.address, walletIsMerchant: true, onApiError };
}

// ------------------------------------------------------------------ API keys

describe("API keys", () => {
  let keys: Record<string, unknown>[];
  beforeEach(() => {
    keys = [];
    routes["GET /v1/api_keys"] = () => ({ body: { items: keys } });
    routes["POST /v1/api_keys"] = ({ body }) => {
      const row = { id: "7d1f1c8e-0000-4000-8000-000000000001", prefix: FULL_KEY.slice(0, 12), label: body.label ?? null, createdAt: "2030-01-01T00:00:00.000Z", lastUsedAt: null, revokedAt: null };
      keys.unshift(row);
      return { status: 201, body: { ...row, key: FULL_KEY } };
    };
    routes["DELETE /v1/api_keys/:id"] = () => {
      keys[0] = { ...keys[0], revokedAt: "2030-01-02T00:00:00.000Z" };
      return { body: keys[0] };
    };
  });

  it("shows a new key once, with a copy button, and never again", async () => {
    const user = userEvent.setup();
    render(withQueryClient(<ApiKeysPanel auth={authFor()} />));
    expect(await screen.findByText("No API keys yet.")).toBeInTheDocument();

    await user.type(screen.getByLabelText("Label for a new key"), "shop backend");
    await user.click(screen.getByRole("button", { name: "Create API key" }));

    expect(await screen.findByTestId("secret-value")).toHaveTextContent(FULL_KEY);
    expect(screen.getByRole("button", { name: "Copy" })).toBeInTheDocument();
    expect(sent("POST", "/v1/api_keys")[0]).toMatchObject({ body: { label: "shop backend" }, authorization: "Bearer css_session" });
    const row = (await screen.findByText("shop backend")).closest("tr")!;
    expect(within(row).getByText(`${FULL_KEY.slice(0, 12)}…`)).toBeInTheDocument();
    // Only in the page while shown: not in any storage.
    expect(JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage })).not.toContain(FULL_KEY);

    await user.click(screen.getByRole("button", { name: "I have saved it" }));
    expect(screen.queryByTestId("secret-value")).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(FULL_KEY);
  });

  it("copies the key to the clipboard", async () => {
    const user = userEvent.setup();
    render(withQueryClient(<ApiKeysPanel auth={authFor()} />));
    await user.click(await screen.findByRole("button", { name: "Create API key" }));
    await user.click(await screen.findByRole("button", { name: "Copy" }));
    expect(await navigator.clipboard.readText()).toBe(FULL_KEY);
    expect(screen.getByText("Copied")).toBeInTheDocument();
  });

  it("revokes a key after asking", async () => {
    const user = userEvent.setup();
    routes["POST /v1/api_keys"]!({ method: "POST", path: "", body: { label: "old" }, authorization: null });
    render(withQueryClient(<ApiKeysPanel auth={authFor()} />));
    await user.click(await screen.findByRole("button", { name: "Revoke API key old" }));
    expect(sent("DELETE", "/v1/api_keys/7d1f1c8e-0000-4000-8000-000000000001")).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Revoke key" }));
    expect(await screen.findByText(/^Revoked/)).toBeInTheDocument();
    expect(sent("DELETE", "/v1/api_keys/7d1f1c8e-0000-4000-8000-000000000001")).toHaveLength(1);
  });

  it("shows the API's message and hands a 401 to the session", async () => {
    const user = userEvent.setup();
    const onApiError = vi.fn();
    routes["POST /v1/api_keys"] = () => fail(401, "UNAUTHORIZED", "this route needs a Sign-In with Ethereum session, not an API key");
    render(withQueryClient(<ApiKeysPanel auth={authFor(onApiError)} />));
    await user.click(await screen.findByRole("button", { name: "Create API key" }));
    expect(await screen.findByText("this route needs a Sign-In with Ethereum session, not an API key")).toBeInTheDocument();
    expect(onApiError).toHaveBeenCalledWith(expect.any(ApiError));
    expect(onApiError.mock.calls[0]![0]).toMatchObject({ status: 401 });
  });
});

// ------------------------------------------------------------------ webhooks

describe("webhook endpoint", () => {
  let endpoint: { url: string; createdAt: string; updatedAt: string } | undefined;
  beforeEach(() => {
    endpoint = undefined;
    routes["GET /v1/webhook_endpoint"] = () => (endpoint ? { body: endpoint } : fail(404, "NOT_FOUND", "no webhook endpoint"));
    routes["PUT /v1/webhook_endpoint"] = ({ body }) => {
      const created = !endpoint;
      endpoint = { url: body.url, createdAt: "2030-01-01T00:00:00.000Z", updatedAt: "2030-01-01T00:00:00.000Z" };
      return { status: created ? 201 : 200, body: created ? { ...endpoint, secret: "whsec_first" } : endpoint };
    };
    routes["POST /v1/webhook_endpoint/rotate_secret"] = () => ({ body: { ...endpoint, secret: "whsec_second" } });
    routes["POST /graphql"] = () => ({
      body: {
        data: {
          webhookDeliveries: {
            items: [
              {
                id: "evt_1",
                paymentId: `${MERCHANT}000000000000000000000001`,
                type: "payment.confirmed",
                state: "pending",
                attempts: 2,
                createdAt: "2030-01-01T00:00:00.000Z",
                deliveredAt: null,
                nextAttemptAt: "2030-01-01T00:01:00.000Z",
                attemptLog: [
                  { attempt: 1, url: "https://shop.example/hook", statusCode: 500, error: null, durationMs: 12, attemptedAt: "2030-01-01T00:00:00.000Z", nextAttemptAt: "2030-01-01T00:00:30.000Z" },
                  { attempt: 2, url: "https://shop.example/hook", statusCode: 503, error: null, durationMs: 10, attemptedAt: "2030-01-01T00:00:30.000Z", nextAttemptAt: "2030-01-01T00:01:00.000Z" },
                ],
              },
            ],
            pageInfo: { hasNextPage: false, endCursor: null },
          },
        },
      },
    });
  });

  it("sets the URL and shows the signing secret once; a new URL keeps the secret; rotating shows the new one", async () => {
    const user = userEvent.setup();
    render(withQueryClient(<WebhookPanel auth={authFor()} />));
    expect(await screen.findByText("No webhook endpoint yet.")).toBeInTheDocument();

    await user.type(screen.getByLabelText("Endpoint URL"), "https://shop.example/hook");
    await user.click(screen.getByRole("button", { name: "Set endpoint" }));
    expect(await screen.findByTestId("secret-value")).toHaveTextContent("whsec_first");
    expect(sent("PUT", "/v1/webhook_endpoint")[0]).toMatchObject({ body: { url: "https://shop.example/hook" }, authorization: "Bearer css_session" });
    await user.click(screen.getByRole("button", { name: "I have saved it" }));
    expect(screen.queryByText("whsec_first")).not.toBeInTheDocument();

    const input = await screen.findByDisplayValue("https://shop.example/hook");
    await user.clear(input);
    await user.type(input, "https://shop.example/hook2");
    await user.click(screen.getByRole("button", { name: "Update URL" }));
    expect(await screen.findByText("Webhook URL updated. The signing secret is unchanged.")).toBeInTheDocument();
    expect(screen.queryByTestId("secret-value")).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Rotate secret" }));
    await user.click(screen.getByRole("button", { name: "Rotate secret" }));
    expect(await screen.findByTestId("secret-value")).toHaveTextContent("whsec_second");
  });

  it("lists deliveries with the event, attempts, last status code and next retry", async () => {
    render(withQueryClient(<WebhookPanel auth={authFor()} />));
    const row = (await screen.findByText("payment.confirmed")).closest("tr")!;
    const cells = within(row).getAllByRole("cell").map((cell) => cell.textContent);
    expect(cells[1]).toBe("pending");
    expect(cells[2]).toBe("2");
    expect(cells[3]).toBe("503");
    expect(cells[5]).not.toBe("—");
    expect(requests.find((request) => request.path === "/graphql")?.authorization).toBe("Bearer css_session");
  });

  it("shows the API's refusal", async () => {
    const user = userEvent.setup();
    routes["PUT /v1/webhook_endpoint"] = () => fail(400, "INVALID_REQUEST", "the webhook URL must be a public host");
    render(withQueryClient(<WebhookPanel auth={authFor()} />));
    await user.type(await screen.findByLabelText("Endpoint URL"), "http://10.0.0.1/hook");
    await user.click(screen.getByRole("button", { name: "Set endpoint" }));
    expect(await screen.findByText("the webhook URL must be a public host")).toBeInTheDocument();
  });
});

// ------------------------------------------------------------------ the page: sign-in, payments, sign-out

const transport = custom(
  {
    async request({ method, params }: { method: string; params?: unknown[] }) {
      if (method === "eth_chainId") return numberToHex(31337);
      if (method === "eth_blockNumber") return "0x10";
      if (method === "eth_getBlockByNumber")
        return { number: "0x10", hash: `0x${"11".repeat(32)}`, parentHash: `0x${"22".repeat(32)}`, timestamp: numberToHex(Math.floor(Date.now() / 1000)), transactions: [], gasLimit: "0x1c9c380", gasUsed: "0x0" };
      if (method === "eth_call") {
        const data = (params![0] as { data: Hex }).data;
        const { functionName } = decodeFunctionData({ abi: erc20Abi, data });
        return encodeFunctionResult({ abi: erc20Abi, functionName, result: functionName === "symbol" ? "cUSD" : 6 } as never);
      }
      throw new Error(`unexpected RPC ${method}`);
    },
  },
  { retryCount: 0 },
);

const now = Math.floor(Date.now() / 1000);
const payment = (n: number, state: string, status: string) => ({
  id: `${MERCHANT}00000000000000000000000${n}`,
  payer: "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc",
  token: TOKEN,
  amount: "25000000",
  state,
  status,
  confirmations: 5,
  releaseAt: String(now + 86_400),
  refundedAmount: state === "disputed" ? "5000000" : "0",
  createdAt: String(now - 60),
  txHash: `0x${"ab".repeat(32)}`,
  history: {
    items: [
      { id: `e${n}-1`, kind: "received", amount: "25000000", timestamp: String(now - 60) },
      ...(state === "disputed" ? [{ id: `e${n}-2`, kind: "dispute_opened", amount: "0", timestamp: String(now - 30) }] : []),
    ],
  },
});

function serveDashboard() {
  routes["POST /v1/auth/nonce"] = () => ({ body: { nonce: "n0nce12345678", expiresAt: "2030-01-01T00:00:00.000Z" } });
  routes["POST /v1/auth/verify"] = () => ({ body: { token: "css_session", merchant: MERCHANT, expiresAt: new Date(Date.now() + 3_600_000).toISOString() } });
  routes["POST /v1/auth/logout"] = () => ({ body: { ok: true } });
  routes["GET /v1/auth/me"] = () => ({ body: { merchant: MERCHANT } });
  routes["GET /v1/api_keys"] = () => ({ body: { items: [] } });
  routes["GET /v1/webhook_endpoint"] = () => fail(404, "NOT_FOUND", "no webhook endpoint");
  routes["POST /graphql"] = ({ body }) => {
    const query: string = body.query;
    if (query.includes("MerchantPayments")) {
      const all = [payment(1, "held", "confirmed"), payment(2, "disputed", "disputed"), payment(3, "released", "settled")];
      const items = body.variables.where.state ? all.filter((row) => row.state === body.variables.where.state) : all;
      return { body: { data: { merchant: { releaseDelay: 86_400, signers: [], paymentCount: 3 }, payments: { items, pageInfo: { hasNextPage: false, endCursor: null }, totalCount: items.length } } } };
    }
    if (query.includes("MerchantSessions")) return { body: { data: { paymentSessions: { items: [], pageInfo: { hasNextPage: false, endCursor: null } } } } };
    return { body: { data: { webhookDeliveries: { items: [], pageInfo: { hasNextPage: false, endCursor: null } } } } };
  };
}

async function renderMerchantPage() {
  const wagmiConfig = createConfig({ chains: [chain], connectors: [mock({ accounts: [merchantAccount.address] })], transports: { [chain.id]: transport } });
  render(<WagmiProvider config={wagmiConfig as never}>{withQueryClient(<Merchant />)}</WagmiProvider>);
  await act(() => connect(wagmiConfig, { connector: wagmiConfig.connectors[0]! }));
}

describe("merchant page", () => {
  beforeEach(() => {
    serveDashboard();
    vi.mocked(signMessage).mockReset();
  });

  it("signs in with a SIWE message for this page's host, keeps the token for the tab, and signs out", async () => {
    vi.mocked(signMessage).mockImplementation(async (_config, { message }) => merchantAccount.signMessage({ message: message as string }));
    const user = userEvent.setup();
    await renderMerchantPage();
    await user.click(await screen.findByRole("button", { name: "Sign in with Ethereum" }));

    expect(await screen.findByText(merchantAccount.address)).toBeInTheDocument();
    const [verify] = sent("POST", "/v1/auth/verify");
    const fields = parseSiweMessage(verify!.body.message);
    expect(fields).toMatchObject({ domain: window.location.host, uri: window.location.origin, chainId: 31337, nonce: "n0nce12345678", address: merchantAccount.address });
    expect(await recoverMessageAddress({ message: verify!.body.message, signature: verify!.body.signature })).toBe(merchantAccount.address);
    expect(JSON.parse(sessionStorage.getItem("crowdstake.merchantSession")!)).toMatchObject({ token: "css_session", merchant: MERCHANT });

    await user.click(screen.getByRole("button", { name: "Sign out" }));
    expect(await screen.findByRole("button", { name: "Sign in with Ethereum" })).toBeInTheDocument();
    expect(sessionStorage.getItem("crowdstake.merchantSession")).toBeNull();
    await waitFor(() => expect(sent("POST", "/v1/auth/logout")[0]?.authorization).toBe("Bearer css_session"));
  });

  it("treats a rejected signature as cancelled and does not sign in", async () => {
    vi.mocked(signMessage).mockRejectedValue(new UserRejectedRequestError(new Error("User rejected the request.")));
    const user = userEvent.setup();
    await renderMerchantPage();
    await user.click(await screen.findByRole("button", { name: "Sign in with Ethereum" }));
    expect(await screen.findByText("Sign in: You cancelled the request in your wallet.")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(sent("POST", "/v1/auth/verify")).toHaveLength(0);
  });

  it("drops a stored session the API no longer accepts", async () => {
    sessionStorage.setItem("crowdstake.merchantSession", JSON.stringify({ token: "css_old", merchant: MERCHANT, expiresAt: new Date(Date.now() + 60_000).toISOString() }));
    routes["GET /v1/auth/me"] = () => fail(401, "UNAUTHORIZED", "the bearer token is invalid, expired or revoked");
    await renderMerchantPage();
    expect(await screen.findByText("Your session has ended. Sign in again.")).toBeInTheDocument();
    expect(sessionStorage.getItem("crowdstake.merchantSession")).toBeNull();
  });

  it("offers release and refund on a held payment, only refund on a disputed one, nothing on a released one", async () => {
    sessionStorage.setItem("crowdstake.merchantSession", JSON.stringify({ token: "css_session", merchant: MERCHANT, expiresAt: new Date(Date.now() + 60_000).toISOString() }));
    await renderMerchantPage();
    const payments = await screen.findByRole("region", { name: "Payments" });
    const rowOf = async (n: number) => (await within(payments).findByText(new RegExp(`^0x${MERCHANT.slice(2, 10)}…0+${n}$`))).closest("tr")!;

    const held = await rowOf(1);
    await waitFor(() => expect(within(held).getByRole("button", { name: /^Release payment/ })).toBeInTheDocument());
    expect(within(held).getByRole("button", { name: /^Refund payment/ })).toBeInTheDocument();
    expect(within(held).getByText("25 cUSD")).toBeInTheDocument();

    const disputed = await rowOf(2);
    expect(within(disputed).queryByRole("button", { name: /^Release/ })).not.toBeInTheDocument();
    expect(within(disputed).getByRole("button", { name: /^Refund payment/ })).toBeInTheDocument();
    expect(within(disputed).getByText("Frozen by a dispute")).toBeInTheDocument();
    expect(within(disputed).getByText("Received: 25 cUSD", { exact: false })).toBeInTheDocument();
    expect(within(disputed).getByText("Dispute opened", { exact: false })).toBeInTheDocument();

    const released = await rowOf(3);
    expect(within(released).queryByRole("button")).not.toBeInTheDocument();

    const disputes = screen.getByRole("region", { name: "Disputes" });
    expect(await within(disputes).findByText(/An arbiter will split it/)).toBeInTheDocument();
  });

  it("has no serious or critical accessibility violations (axe, jsdom)", async () => {
    sessionStorage.setItem("crowdstake.merchantSession", JSON.stringify({ token: "css_session", merchant: MERCHANT, expiresAt: new Date(Date.now() + 60_000).toISOString() }));
    await renderMerchantPage();
    await screen.findAllByRole("button", { name: /^Release payment/ });
    const { violations } = await axe.run(document.body, { rules: { "color-contrast": { enabled: false }, region: { enabled: false } } });
    expect(violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => `${violation.id}: ${violation.nodes[0]?.html}`)).toEqual([]);
  }, 30_000);

  it("opens a refund form for the amount still held and checks it", async () => {
    sessionStorage.setItem("crowdstake.merchantSession", JSON.stringify({ token: "css_session", merchant: MERCHANT, expiresAt: new Date(Date.now() + 60_000).toISOString() }));
    const user = userEvent.setup();
    await renderMerchantPage();
    const disputes = await screen.findByRole("region", { name: "Disputes" });
    await user.click(await within(disputes).findByRole("button", { name: /^Refund payment/ }));
    const input = within(disputes).getByLabelText("Refund amount (cUSD)");
    expect(input).toHaveValue("20");
    await user.clear(input);
    await user.type(input, "21");
    await user.click(within(disputes).getByRole("button", { name: "Refund" }));
    expect(await within(disputes).findByText("At most 20 is held")).toBeInTheDocument();
  });
});
