// The contribute form with wagmi's hooks and actions stubbed (no chain): validation happens
// before any wallet prompt, the permit path signs then sends contributeWithPermit, a token
// without permit is approved first, and a refused signature shows as cancelled and leaves the
// form usable.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { UserRejectedRequestError, zeroHash, type Address } from "viem";

const reads = vi.hoisted(() => ({ results: {} as Record<string, unknown> }));
const actions = vi.hoisted(() => ({
  simulateContract: vi.fn(),
  writeContract: vi.fn(),
  waitForTransactionReceipt: vi.fn(),
  signTypedData: vi.fn(),
  getBlock: vi.fn(),
}));

vi.mock("wagmi", async (importOriginal) => ({
  ...(await importOriginal<typeof import("wagmi")>()),
  useConfig: () => ({}),
  useBalance: () => ({ data: undefined }),
  // Each read answers from `reads.results` by function name; a missing one fails like a token without it.
  useReadContracts: ({ contracts }: { contracts: { functionName: string }[] }) => ({
    data: contracts.map(({ functionName }) =>
      functionName in reads.results ? { status: "success", result: reads.results[functionName] } : { status: "failure", error: new Error("no such function") },
    ),
  }),
}));
vi.mock("wagmi/actions", () => actions);

const { ContributeForm } = await import("../src/campaigns/ContributeForm.tsx");

const campaign: Address = "0xa16E02E87b7454126E5E10d957A927A7F5B5d2be";
const token: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const account: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const SIGNATURE = `0x${"11".repeat(32)}${"22".repeat(32)}1b` as const;
const cusd = (whole: number) => BigInt(whole) * 1_000_000n;

function renderForm() {
  const client = new QueryClient();
  return render(
    <QueryClientProvider client={client}>
      <ContributeForm
        campaign={campaign}
        asset={token}
        assetInfo={{ symbol: "cUSD", decimals: 6 }}
        tokenSymbol="SUN"
        rate={10n ** 32n}
        rules={{ minContribution: cusd(10), maxPerBacker: 0n, cap: 0n, raised: 0n }}
        account={account}
        contributed={0n}
      />
    </QueryClientProvider>,
  );
}

async function contribute(amount: string) {
  const user = userEvent.setup();
  const input = screen.getByLabelText("Amount (cUSD)");
  await user.clear(input);
  await user.type(input, amount);
  await user.click(screen.getByRole("button", { name: "Contribute" }));
  return input;
}

beforeEach(() => {
  vi.clearAllMocks();
  reads.results = { balanceOf: cusd(1_000), allowance: 0n };
  actions.simulateContract.mockImplementation(async (_config, request) => ({ request }));
  actions.writeContract.mockResolvedValue(`0x${"ab".repeat(32)}`);
  actions.waitForTransactionReceipt.mockResolvedValue({ status: "success" });
  actions.getBlock.mockResolvedValue({ timestamp: 1_000n });
});

describe("ContributeForm", () => {
  it("shows the balance and allowance read from the chain, and the tokens an amount buys", async () => {
    renderForm();
    expect(screen.getByTestId("wallet-asset")).toHaveTextContent("Your balance: 1,000 cUSD · allowance for this campaign: 0 cUSD");
    await userEvent.setup().type(screen.getByLabelText("Amount (cUSD)"), "25");
    expect(screen.getByText(/you get 2,500 SUN/)).toBeInTheDocument();
  });

  it("refuses an amount below the minimum before any wallet prompt", async () => {
    renderForm();
    const input = await contribute("5");
    expect(screen.getByRole("alert")).toHaveTextContent("The minimum contribution is 10 cUSD.");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveFocus();
    expect(actions.simulateContract).not.toHaveBeenCalled();
    expect(actions.signTypedData).not.toHaveBeenCalled();
  });

  it("refuses more than the wallet's balance", async () => {
    renderForm();
    await contribute("1000.5");
    expect(screen.getByRole("alert")).toHaveTextContent("That is more than your balance of 1,000 cUSD.");
    expect(actions.simulateContract).not.toHaveBeenCalled();
  });

  it("signs a permit and sends contributeWithPermit for an EIP-2612 token", async () => {
    reads.results = { ...reads.results, nonces: 3n, eip712Domain: ["0x0f", "Crowdstake Dev USD", "1", 31337n, token, zeroHash, []] };
    actions.signTypedData.mockResolvedValue(SIGNATURE);
    renderForm();
    await contribute("25");
    await waitFor(() => expect(screen.getByText("Contribute: confirmed ✓")).toBeInTheDocument());
    const [, typed] = actions.signTypedData.mock.calls[0]!;
    expect(typed).toMatchObject({
      primaryType: "Permit",
      domain: { name: "Crowdstake Dev USD", version: "1", chainId: 31337, verifyingContract: token },
      message: { owner: account, spender: campaign, value: cusd(25), nonce: 3n, deadline: 2_800n },
    });
    expect(actions.simulateContract).toHaveBeenCalledTimes(1);
    expect(actions.simulateContract.mock.calls[0]![1]).toMatchObject({
      address: campaign,
      functionName: "contributeWithPermit",
      args: [cusd(25), 2_800n, 27, `0x${"11".repeat(32)}`, `0x${"22".repeat(32)}`],
    });
    // the field is cleared for the next contribution
    expect(screen.getByLabelText("Amount (cUSD)")).toHaveValue("");
  });

  it("approves then contributes when the token has no permit", async () => {
    renderForm();
    await contribute("25");
    await waitFor(() => expect(screen.getByText("Contribute: confirmed ✓")).toBeInTheDocument());
    expect(actions.signTypedData).not.toHaveBeenCalled();
    expect(actions.simulateContract.mock.calls.map(([, request]) => request.functionName)).toEqual(["approve", "contribute"]);
    expect(actions.simulateContract.mock.calls[0]![1]).toMatchObject({ address: token, args: [campaign, cusd(25)] });
  });

  it("contributes at once when the allowance already covers the amount", async () => {
    reads.results = { balanceOf: cusd(1_000), allowance: cusd(100) };
    renderForm();
    await contribute("25");
    await waitFor(() => expect(screen.getByText("Contribute: confirmed ✓")).toBeInTheDocument());
    expect(actions.simulateContract.mock.calls.map(([, request]) => request.functionName)).toEqual(["contribute"]);
  });

  it("falls back to approve when the wallet cannot sign the permit (not a refusal)", async () => {
    reads.results = { ...reads.results, nonces: 0n, name: "Some Token" };
    actions.signTypedData.mockRejectedValue(new Error("eth_signTypedData_v4 is not supported"));
    renderForm();
    await contribute("25");
    await waitFor(() => expect(screen.getByText("Contribute: confirmed ✓")).toBeInTheDocument());
    expect(actions.simulateContract.mock.calls.map(([, request]) => request.functionName)).toEqual(["approve", "contribute"]);
  });

  it("shows a refused permit signature as cancelled and stays usable", async () => {
    reads.results = { ...reads.results, nonces: 0n, name: "Crowdstake Dev USD" };
    actions.signTypedData.mockRejectedValueOnce(new UserRejectedRequestError(new Error("User rejected the request.")));
    renderForm();
    await contribute("25");
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Sign the permit: You cancelled the request in your wallet."));
    expect(actions.simulateContract).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Contribute" })).toBeEnabled();
    expect(screen.getByLabelText("Amount (cUSD)")).toHaveValue("25");

    actions.signTypedData.mockResolvedValueOnce(SIGNATURE);
    await userEvent.setup().click(screen.getByRole("button", { name: "Contribute" }));
    await waitFor(() => expect(screen.getByText("Contribute: confirmed ✓")).toBeInTheDocument());
  });
});
