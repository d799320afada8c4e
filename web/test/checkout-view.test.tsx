// The hosted checkout page against a fake API (fetch) and a fake chain (a viem custom transport):
// not found, expired, the connect prompt, what stands in the way of paying, "Paid" and the link
// back to the merchant.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { act, render, renderHook, screen, waitFor } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { MemoryRouter, Route, Routes } from "react-router";
import { WagmiProvider, createConfig } from "wagmi";
import { connect } from "wagmi/actions";
import { mock } from "wagmi/connectors";
import { custom, decodeFunctionData, domainSeparator, encodeFunctionResult, erc20Abi, numberToHex, zeroAddress, type Hex } from "viem";
import { chain } from "../src/wagmi.ts";
import { permitReadAbi } from "../src/lib/permit.ts";
import { useRedirectCountdown } from "../src/checkout/useRedirectCountdown.ts";
import Checkout from "../src/pages/Checkout.tsx";
import axe from "axe-core";

const MERCHANT = "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65";
const PAYER = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const TOKEN = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
const ESCROW = "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512";
const ID = `${MERCHANT}000000000000000000000001`;

// The escrow's address comes from the runtime config (read when config.ts loads), as in the app.
vi.hoisted(() => {
  window.__CROWDSTAKE__ = { chainId: 31337, contracts: { PaymentEscrow: "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512" } };
});

interface ChainState {
  balance: bigint;
  allowance: bigint;
  permit: boolean;
  /** the token's DOMAIN_SEPARATOR; a token whose eip712Domain() does not hash to it gets no permit */
  separator?: Hex;
}
let chainState: ChainState;

const readAbi = [...erc20Abi, ...permitReadAbi];
function answerCall(data: Hex): Hex {
  const { functionName } = decodeFunctionData({ abi: readAbi, data });
  const result = (value: unknown) => encodeFunctionResult({ abi: readAbi, functionName, result: value } as never);
  switch (functionName) {
    case "symbol":
      return result("cUSD");
    case "decimals":
      return result(6);
    case "balanceOf":
      return result(chainState.balance);
    case "allowance":
      return result(chainState.allowance);
    case "nonces":
      if (!chainState.permit) throw new Error("execution reverted");
      return result(0n);
    case "eip712Domain":
      if (!chainState.permit) throw new Error("execution reverted");
      return result(["0x0f", "Crowdstake Dev USD", "1", 31337n, TOKEN, `0x${"00".repeat(32)}`, []]);
    case "DOMAIN_SEPARATOR":
      if (!chainState.permit) throw new Error("execution reverted");
      return result(chainState.separator ?? domainSeparator({ domain: { name: "Crowdstake Dev USD", version: "1", chainId: 31337, verifyingContract: TOKEN } }));
    default:
      throw new Error(`unexpected call ${functionName}`);
  }
}

const transport = custom({
  async request({ method, params }: { method: string; params?: unknown[] }) {
    switch (method) {
      case "eth_chainId":
        return numberToHex(31337);
      case "eth_blockNumber":
        return "0x10";
      case "eth_getBlockByNumber":
        return { number: "0x10", hash: `0x${"11".repeat(32)}`, parentHash: `0x${"22".repeat(32)}`, timestamp: numberToHex(Math.floor(Date.now() / 1000)), transactions: [], gasLimit: "0x1c9c380", gasUsed: "0x0", baseFeePerGas: "0x1" };
      case "eth_call":
        return answerCall((params![0] as { data: Hex }).data);
      case "eth_getBalance":
        return numberToHex(chainState.balance);
      default:
        throw new Error(`unexpected RPC ${method}`);
    }
  },
}, { retryCount: 0 });

function session(overrides: Record<string, unknown> = {}) {
  return {
    id: ID,
    merchant: MERCHANT,
    status: "pending",
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    checkoutUrl: `http://localhost:5173/checkout/${ID}`,
    successUrl: "https://shop.example/thanks",
    cancelUrl: null,
    signature: `0x${"ab".repeat(65)}`,
    intent: { id: ID, merchant: MERCHANT, token: TOKEN, amount: "12500000", deadline: "2000000000", payer: zeroAddress, splits: [], metadataHash: `0x${"00".repeat(32)}` },
    payment: null,
    ...overrides,
  };
}

function answerGraphQL(body: unknown) {
  vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } })));
}

function renderCheckout(id = ID) {
  const wagmiConfig = createConfig({ chains: [chain], connectors: [mock({ accounts: [PAYER] })], transports: { [chain.id]: transport } });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <WagmiProvider config={wagmiConfig as never}>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[`/checkout/${id}`]}>
          <Routes>
            <Route path="/checkout/:sessionId" element={<Checkout />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </WagmiProvider>,
  );
  return wagmiConfig;
}

beforeEach(() => {
  chainState = { balance: 100_000_000n, allowance: 0n, permit: true };
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("hosted checkout", () => {
  it("says a malformed session id does not exist, without asking the API", async () => {
    answerGraphQL({ data: { paymentSession: null } });
    renderCheckout("not-a-session");
    expect(screen.getByRole("heading", { name: "Payment not found" })).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("says an unknown session does not exist", async () => {
    answerGraphQL({ data: { paymentSession: null } });
    renderCheckout();
    expect(await screen.findByRole("heading", { name: "Payment not found" })).toBeInTheDocument();
  });

  it("shows the API's message when the session cannot be loaded", async () => {
    answerGraphQL({ errors: [{ message: "the off-chain store is unavailable" }], data: null });
    renderCheckout();
    expect(await screen.findByText(/the off-chain store is unavailable/)).toBeInTheDocument();
  });

  it("shows the amount with the token's decimals, the checksummed merchant, the time left, the QR code and a connect prompt", async () => {
    answerGraphQL({ data: { paymentSession: session() } });
    renderCheckout();
    expect(await screen.findByText("12.5 cUSD")).toBeInTheDocument();
    expect(screen.getByText("0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65")).toBeInTheDocument();
    expect(screen.getByRole("timer")).toHaveTextContent(/^1[45]:\d\d$/);
    expect(screen.getByRole("img", { name: /QR code/ })).toBeInTheDocument();
    expect(screen.getByText(`http://localhost:5173/checkout/${ID}`)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Connect Mock Connector" })).toBeInTheDocument();
  });

  it("has no serious or critical accessibility violations (axe, jsdom: contrast is checked in the browser)", async () => {
    answerGraphQL({ data: { paymentSession: session() } });
    const wagmiConfig = renderCheckout();
    await act(() => connect(wagmiConfig, { connector: wagmiConfig.connectors[0]! }));
    await screen.findByRole("button", { name: "Pay 12.5 cUSD" });
    const { violations } = await axe.run(document.body, { rules: { "color-contrast": { enabled: false }, region: { enabled: false } } });
    expect(violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);
  });

  it("shows an expired session as expired, with no way to pay", async () => {
    answerGraphQL({ data: { paymentSession: session({ expiresAt: new Date(Date.now() - 1_000).toISOString() }) } });
    renderCheckout();
    expect(await screen.findByText(/has expired and can no longer be paid/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Pay|Connect/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("img", { name: /QR code/ })).not.toBeInTheDocument();
  });

  it("offers a permit and one transaction to a connected payer who can afford it", async () => {
    answerGraphQL({ data: { paymentSession: session() } });
    const wagmiConfig = renderCheckout();
    await act(() => connect(wagmiConfig, { connector: wagmiConfig.connectors[0]! }));
    const pay = await screen.findByRole("button", { name: "Pay 12.5 cUSD" });
    await waitFor(() => expect(pay).toBeEnabled());
    expect(screen.getByRole("list", { name: "Steps" })).toHaveTextContent(/Sign a permit for cUSD/);
  });

  it("asks for an approval when the token has no permit", async () => {
    chainState.permit = false;
    answerGraphQL({ data: { paymentSession: session() } });
    const wagmiConfig = renderCheckout();
    await act(() => connect(wagmiConfig, { connector: wagmiConfig.connectors[0]! }));
    expect(await screen.findByRole("list", { name: "Steps" })).toHaveTextContent(/Approve cUSD for the escrow/);
  });

  it("asks for an approval when the token's domain does not hash to its DOMAIN_SEPARATOR", async () => {
    chainState.separator = domainSeparator({ domain: { name: "Crowdstake Dev USD", version: "2", chainId: 31337, verifyingContract: TOKEN } });
    answerGraphQL({ data: { paymentSession: session() } });
    const wagmiConfig = renderCheckout();
    await act(() => connect(wagmiConfig, { connector: wagmiConfig.connectors[0]! }));
    expect(await screen.findByRole("list", { name: "Steps" })).toHaveTextContent(/Approve cUSD for the escrow/);
  });

  it("blocks the payment when the balance is too low", async () => {
    chainState.balance = 1_000_000n;
    answerGraphQL({ data: { paymentSession: session() } });
    const wagmiConfig = renderCheckout();
    await act(() => connect(wagmiConfig, { connector: wagmiConfig.connectors[0]! }));
    expect(await screen.findByText("Your balance is 1 cUSD; this payment needs 12.5 cUSD.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Pay 12.5 cUSD" })).toBeDisabled();
  });

  it("blocks a payer the intent does not name", async () => {
    answerGraphQL({ data: { paymentSession: session({ intent: { ...session().intent, payer: ESCROW } }) } });
    const wagmiConfig = renderCheckout();
    await act(() => connect(wagmiConfig, { connector: wagmiConfig.connectors[0]! }));
    expect(await screen.findByText(/can only be paid by 0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512/)).toBeInTheDocument();
  });

  it("shows Paid and the way back to the merchant once confirmed", async () => {
    const payment = { id: ID, status: "confirmed", confirmations: 2, txHash: `0x${"cd".repeat(32)}` };
    answerGraphQL({ data: { paymentSession: session({ status: "confirmed", payment }) } });
    renderCheckout();
    expect(await screen.findByText("Paid ✓")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Return to the merchant now" })).toHaveAttribute("href", "https://shop.example/thanks");
    expect(screen.queryByRole("button", { name: /Pay/ })).not.toBeInTheDocument();
  });

  it("never links to a success URL that is not http(s)", async () => {
    const payment = { id: ID, status: "settled", confirmations: 3, txHash: `0x${"cd".repeat(32)}` };
    answerGraphQL({ data: { paymentSession: session({ status: "settled", payment, successUrl: "javascript:alert(1)" }) } });
    renderCheckout();
    expect(await screen.findByText("Paid ✓")).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /Return to the merchant/ })).not.toBeInTheDocument();
    expect(screen.getByText("Thank you. You can close this page.")).toBeInTheDocument();
  });

  it("shows a detected payment with its confirmations and no Paid yet", async () => {
    const payment = { id: ID, status: "detected", confirmations: 1, txHash: `0x${"cd".repeat(32)}` };
    answerGraphQL({ data: { paymentSession: session({ status: "detected", payment }) } });
    renderCheckout();
    expect(await screen.findByText("1 confirmation so far", { exact: false })).toBeInTheDocument();
    expect(screen.queryByText("Paid ✓")).not.toBeInTheDocument();
  });
});

describe("redirect after Paid", () => {
  it("leaves for the URL after the delay, and not before", () => {
    vi.useFakeTimers();
    try {
      const navigate = vi.fn();
      const { result } = renderHook(() => useRedirectCountdown("https://shop.example/thanks", true, 3, navigate));
      expect(result.current).toBe(3);
      act(() => vi.advanceTimersByTime(2_100));
      expect(result.current).toBe(1);
      expect(navigate).not.toHaveBeenCalled();
      act(() => vi.advanceTimersByTime(1_000));
      expect(navigate).toHaveBeenCalledExactlyOnceWith("https://shop.example/thanks");
      act(() => vi.advanceTimersByTime(5_000));
      expect(navigate).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("does nothing without a URL or before the payment is confirmed", () => {
    vi.useFakeTimers();
    try {
      const navigate = vi.fn();
      const none = renderHook(() => useRedirectCountdown(undefined, true, 3, navigate));
      const notYet = renderHook(() => useRedirectCountdown("https://shop.example/thanks", false, 3, navigate));
      act(() => vi.advanceTimersByTime(10_000));
      expect(none.result.current).toBeUndefined();
      expect(notYet.result.current).toBeUndefined();
      expect(navigate).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
