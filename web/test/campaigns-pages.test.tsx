// The campaign pages rendered against a stubbed API (fetch) and stubbed wagmi reads: Explore's
// cards, progress, filter and "Load more"; the campaign page's actions for each phase and
// backer; the card payment's request and live order status.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { MemoryRouter, Route, Routes } from "react-router";
import type { ReactNode } from "react";

const chain = vi.hoisted(() => ({
  account: undefined as string | undefined,
  results: {} as Record<string, unknown>,
}));

const actions = vi.hoisted(() => ({
  simulateContract: vi.fn(async (_config: unknown, request: unknown) => ({ request })),
  writeContract: vi.fn(async () => `0x${"ab".repeat(32)}`),
  waitForTransactionReceipt: vi.fn(async () => ({ status: "success" })),
  signTypedData: vi.fn(),
  getBlock: vi.fn(),
}));
vi.mock("wagmi/actions", () => actions);

vi.mock("wagmi", async (importOriginal) => ({
  ...(await importOriginal<typeof import("wagmi")>()),
  useConfig: () => ({}),
  useAccount: () => ({ address: chain.account, isConnected: chain.account !== undefined }),
  useBalance: () => ({ data: undefined }),
  // Answers from `chain.results` by function name, in wagmi's two shapes (allowFailure or not).
  useReadContracts: ({ contracts, allowFailure = true }: { contracts: { functionName: string }[]; allowFailure?: boolean }) => {
    if (!allowFailure) return { data: contracts.every(({ functionName }) => functionName in chain.results) ? contracts.map(({ functionName }) => chain.results[functionName]) : undefined };
    return {
      data: contracts.map(({ functionName }) =>
        functionName in chain.results ? { status: "success", result: chain.results[functionName] } : { status: "failure", error: new Error("not stubbed") },
      ),
    };
  },
}));

const { default: Explore } = await import("../src/pages/Explore.tsx");
const { default: Campaign } = await import("../src/pages/Campaign.tsx");

const CUSD = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
const ALICE = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
const CAMPAIGN = "0xa16e02e87b7454126e5e10d957a927a7f5b5d2be";

interface GraphQLCall {
  query: string;
  variables: Record<string, unknown>;
}
type Responder = (call: GraphQLCall) => unknown;
let graphql: Responder;
let rest: ((path: string, body: unknown) => { status: number; body: unknown }) | undefined;
const calls: GraphQLCall[] = [];

beforeEach(() => {
  calls.length = 0;
  sessionStorage.clear();
  chain.account = undefined;
  chain.results = { symbol: "cUSD", decimals: 6 };
  rest = undefined;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      const body = JSON.parse(String(init?.body ?? "null")) as unknown;
      if (url.endsWith("/graphql")) {
        calls.push(body as GraphQLCall);
        return Response.json({ data: graphql(body as GraphQLCall) });
      }
      const answer = rest?.(new URL(url).pathname, body) ?? { status: 404, body: { error: { code: "NOT_FOUND", message: "no route" } } };
      return Response.json(answer.body, { status: answer.status });
    }),
  );
});

afterEach(() => vi.unstubAllGlobals());

function renderAt(path: string, element: ReactNode, route: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path={route} element={element} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

function summary(index: number, over: Record<string, unknown> = {}) {
  return {
    id: `0x${String(index).padStart(40, "0")}`,
    metadataURI: `data:application/json,{"name":"Campaign number ${index}"}`,
    tokenSymbol: `T${index}`,
    asset: CUSD,
    isNative: false,
    goal: "10000000000",
    raised: "2200000000",
    progressBps: 2200,
    phase: "active",
    start: "1700000000",
    end: "1900000000",
    secondsLeft: String(3 * 86_400),
    backerCount: 2,
    ...over,
  };
}

describe("Explore", () => {
  it("lists campaigns with name, progress, raised of goal and time left, and loads more by cursor", async () => {
    graphql = ({ variables }) =>
      variables.after === null || variables.after === undefined
        ? { campaigns: { items: [summary(1), summary(2, { phase: "failed", progressBps: 500, raised: "500000000", metadataURI: "ipfs://nothing" })], pageInfo: { hasNextPage: true, endCursor: "cursor-1" } } }
        : { campaigns: { items: [summary(3, { phase: "successful", progressBps: 12_000 })], pageInfo: { hasNextPage: false, endCursor: null } } };
    renderAt("/", <Explore />, "/");

    const card = (await screen.findByRole("link", { name: "Campaign number 1" })).closest("article")!;
    expect(card).toHaveTextContent("2,200 cUSD raised of 10,000 cUSD (22%)");
    expect(card).toHaveTextContent("3d left · 2 backers");
    expect(within(card).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "22");
    expect(within(card).getByRole("link")).toHaveAttribute("href", "/campaigns/0x0000000000000000000000000000000000000001");
    // no metadata name: the short address
    expect(screen.getByRole("link", { name: "Campaign 0x0000…0002" })).toBeInTheDocument();

    await userEvent.setup().click(screen.getByRole("button", { name: "Load more" }));
    const third = (await screen.findByRole("link", { name: "Campaign number 3" })).closest("article")!;
    // over-funded: the bar is full, the text says how far over
    expect(within(third).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
    expect(third).toHaveTextContent("(120%)");
    expect(calls.at(-1)!.variables).toMatchObject({ after: "cursor-1" });
    expect(screen.queryByRole("button", { name: "Load more" })).not.toBeInTheDocument();
  });

  it("filters by phase: the server by stored status, the page by phase", async () => {
    graphql = () => ({ campaigns: { items: [summary(1), summary(2, { phase: "failed" })], pageInfo: { hasNextPage: false, endCursor: null } } });
    renderAt("/", <Explore />, "/");
    await screen.findByRole("link", { name: "Campaign number 2" });
    await userEvent.setup().selectOptions(screen.getByLabelText("Show"), "failed");
    await waitFor(() => expect(screen.queryByRole("link", { name: "Campaign number 1" })).not.toBeInTheDocument());
    expect(screen.getByRole("link", { name: "Campaign number 2" })).toBeInTheDocument();
    expect(calls.at(-1)!.variables).toMatchObject({ where: { status_in: ["launched", "failed"] } });
  });
});

function detail(over: Record<string, unknown> = {}) {
  return {
    campaign: {
      ...summary(0, { id: CAMPAIGN, metadataURI: 'data:application/json,{"name":"Solar Coop","description":"Rooftop solar"}' }),
      owner: "0x90f79bf6eb2c4f870365e785982e1f101e93b906",
      token: "0x0000000000000000000000000000000000000abc",
      tokenName: "Solar Coop",
      tokenSymbol: "SUN",
      cap: "50000000000",
      rate: (10n ** 32n).toString(),
      minContribution: "10000000",
      maxPerBacker: "0",
      feeBps: 250,
      contributionCount: 1,
      refundCount: 0,
      poolInfo: null,
      contributions: { items: [{ id: "c1", backer: ALICE, payer: ALICE, amount: "1500000000", onrampRef: null, txHash: "0x1", timestamp: "1700000100" }] },
      ...over,
    },
  };
}

const campaignPage = () => renderAt(`/campaigns/${CAMPAIGN}`, <Campaign />, "/campaigns/:address");
const history = { contributions: { items: [] }, refunds: { items: [] } };

describe("Campaign page", () => {
  it("shows the terms and asks a visitor without a wallet to connect, offering the card", async () => {
    graphql = ({ query }) => (query.includes("RaiseHistory") ? history : detail());
    chain.results = { ...chain.results, status: 2, totalRaised: 2_200_000_000n };
    campaignPage();
    expect(await screen.findByRole("heading", { level: 1, name: "Solar Coop" })).toBeInTheDocument();
    expect(screen.getByText("Rooftop solar")).toBeInTheDocument();
    expect(screen.getByText("100 SUN per 1 cUSD")).toBeInTheDocument();
    expect(screen.getByText("0x90F79bf6EB2c4f870365E785982E1f101E93b906")).toBeInTheDocument();
    expect(screen.getByText("2.5%")).toBeInTheDocument();
    // recent backers, checksummed
    expect(screen.getByText("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")).toBeInTheDocument();
    expect(screen.getByTestId("connect-prompt")).toHaveTextContent("Connect your wallet (top right)");
    expect(screen.queryByRole("button", { name: "Contribute" })).not.toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Pay by card" })).toBeInTheDocument();
  });

  it("offers a claim, not a contribution, to a backer of a successful campaign", async () => {
    graphql = ({ query }) => (query.includes("RaiseHistory") ? history : detail({ phase: "successful" }));
    chain.account = ALICE;
    chain.results = { ...chain.results, status: 3, totalRaised: 12_000_000_000n, backerInfo: [1_500_000_000n, false, false], claimableTokens: 150_000n * 10n ** 18n };
    campaignPage();
    expect(await screen.findByRole("button", { name: "Claim 150,000 SUN" })).toBeInTheDocument();
    expect(screen.getByTestId("your-contribution")).toHaveTextContent("Your contribution: 1,500 cUSD (worth 150,000 SUN)");
    expect(screen.queryByRole("button", { name: "Contribute" })).not.toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Pay by card" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Refund/ })).not.toBeInTheDocument();

    // once mined, the chain says claimed: the offer goes, the confirmation stays
    actions.waitForTransactionReceipt.mockImplementationOnce(async () => {
      chain.results = { ...chain.results, backerInfo: [1_500_000_000n, true, false], claimableTokens: 0n };
      return { status: "success" };
    });
    await userEvent.setup().click(screen.getByRole("button", { name: "Claim 150,000 SUN" }));
    expect(await screen.findByText("Claim tokens: confirmed ✓")).toBeInTheDocument();
    expect(screen.getByText("You have claimed your tokens.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Claim/ })).not.toBeInTheDocument();
    expect(actions.simulateContract).toHaveBeenCalledWith({}, expect.objectContaining({ address: CAMPAIGN, functionName: "claimTokens" }));
  });

  it("follows the chain's status over the indexer's: a refund once it failed", async () => {
    graphql = ({ query }) => (query.includes("RaiseHistory") ? history : detail({ phase: "active" }));
    chain.account = ALICE;
    chain.results = { ...chain.results, status: 4, totalRaised: 1_500_000_000n, backerInfo: [1_500_000_000n, false, false], claimableTokens: 0n };
    campaignPage();
    expect(await screen.findByRole("button", { name: "Refund 1,500 cUSD" })).toBeInTheDocument();
    expect(screen.getByText(/did not reach its goal/)).toBeInTheDocument();
  });

  it("says so when a backer has already been refunded", async () => {
    graphql = ({ query }) => (query.includes("RaiseHistory") ? history : detail({ phase: "cancelled" }));
    chain.account = ALICE;
    chain.results = { ...chain.results, status: 5, totalRaised: 0n, backerInfo: [1_500_000_000n, false, true], claimableTokens: 0n };
    campaignPage();
    expect(await screen.findByText("Your contribution has been refunded.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Refund/ })).not.toBeInTheDocument();
  });

  it("starts a card payment for the connected address and follows the order until settled", async () => {
    let order = { id: "ord_1", status: "received", amount: "25000000", fiatAmount: "25.00", fiatCurrency: "USD", beneficiary: ALICE, error: null, txHash: null, steps: [{ status: "received", at: "2025-01-01T00:00:00.000Z", txHash: null, error: null }], contribution: null as unknown };
    graphql = ({ query }) => (query.includes("RaiseHistory") ? history : query.includes("CardOrder") ? { onrampOrder: order } : detail());
    let sent: unknown;
    rest = (path, body) => {
      sent = { path, body };
      return { status: 201, body: { orderId: "ord_1", checkoutUrl: "http://api.test/onramp/simulated/checkout/ord_1", provider: "simulated", status: "received" } };
    };
    chain.account = ALICE;
    chain.results = { ...chain.results, status: 2, totalRaised: 2_200_000_000n, backerInfo: [0n, false, false], claimableTokens: 0n, balanceOf: 0n, allowance: 0n };
    campaignPage();
    const user = userEvent.setup();
    const form = (await screen.findByRole("heading", { name: "Pay by card" })).closest("form")!;
    expect(within(form).getByLabelText("Tokens go to (address)")).toHaveValue("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    await user.type(within(form).getByLabelText("Amount to pay by card (cUSD)"), "25");
    await user.click(within(form).getByRole("button", { name: "Continue to card payment" }));

    const link = await screen.findByRole("link", { name: /Pay at the card checkout/ });
    expect(link).toHaveAttribute("href", "http://api.test/onramp/simulated/checkout/ord_1");
    expect(link).toHaveAttribute("target", "_blank");
    expect(sent).toEqual({ path: "/v1/onramp/sessions", body: { provider: "simulated", campaign: CAMPAIGN, beneficiary: ALICE, amount: "25000000" } });
    expect(await screen.findByTestId("card-order")).toHaveTextContent("received");

    order = { ...order, status: "settled", contribution: { id: "c2", amount: "25000000", backer: ALICE, txHash: "0xfeed" } };
    await waitFor(() => expect(screen.getByTestId("card-order")).toHaveTextContent("Contribution of 25 cUSD booked for 0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), { timeout: 5_000 });
    expect(screen.queryByRole("link", { name: /Pay at the card checkout/ })).not.toBeInTheDocument();
  });

  it("explains an address that is not a campaign", async () => {
    renderAt("/campaigns/nope", <Campaign />, "/campaigns/:address");
    expect(screen.getByRole("heading", { name: "Campaign not found" })).toBeInTheDocument();
  });
});
