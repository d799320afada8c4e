import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { ContributionsTable, StakesTable, OnrampOrdersTable } from "../src/account/AccountTables.tsx";
import type { ContributionView, PositionView } from "../src/account/transforms.ts";

const contribution: ContributionView = {
  key: "a",
  campaign: { address: "0x61c36a8d610163660E21a8b7359e1Cac0C9133e1", name: "Solar Coop" },
  amount: "1,500 cUSD",
  via: "Wallet",
  status: { label: "Raising", tone: "warn" },
  timestamp: 1_767_225_600,
  txHash: "0x1",
};

describe("account tables", () => {
  it("lists contributions with a link to the campaign's page", () => {
    render(<ContributionsTable rows={[contribution]} loading={false} />, { wrapper: MemoryRouter });
    const table = screen.getByRole("table");
    expect(within(table).getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["Campaign", "Amount", "Paid with", "Status", "Date"]);
    expect(within(table).getByRole("link", { name: "Solar Coop" })).toHaveAttribute("href", "/campaigns/0x61c36a8d610163660E21a8b7359e1Cac0C9133e1");
    expect(within(table).getByText("Raising")).toHaveClass("badge", "warn");
    expect(screen.getByRole("heading", { level: 2, name: "Contributions" })).toBeInTheDocument();
  });

  it("says what to do when a list is empty", () => {
    render(
      <>
        <ContributionsTable rows={[]} loading={false} />
        <StakesTable rows={[]} loading={false} />
        <OnrampOrdersTable rows={[]} loading={false} />
      </>,
      { wrapper: MemoryRouter },
    );
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.getByRole("link", { name: "Explore campaigns" })).toHaveAttribute("href", "/");
    expect(screen.getByRole("link", { name: "Browse staking pools" })).toHaveAttribute("href", "/staking");
    expect(screen.getByText(/No card orders for this wallet/)).toBeInTheDocument();
  });

  it("links each stake to its pool page", () => {
    const position: PositionView = { key: "p", pool: "0x8EFa1819Ff5B279077368d44B593a4543280e402", name: "Solar Coop", staked: "100 SUN", cooling: "—", earned: "2.5 cUSD", rewardsClaimed: "0 cUSD", vesting: "—", unlocksAt: 0 };
    render(<StakesTable rows={[position]} loading={false} />, { wrapper: MemoryRouter });
    expect(screen.getByRole("link", { name: "Solar Coop" })).toHaveAttribute("href", "/staking/0x8EFa1819Ff5B279077368d44B593a4543280e402");
    expect(screen.getByRole("cell", { name: "2.5 cUSD" })).toBeInTheDocument();
  });

  it("shows loading rather than an empty state while the data is on its way", () => {
    render(<ContributionsTable rows={[]} loading />, { wrapper: MemoryRouter });
    expect(screen.getByRole("status")).toHaveTextContent("Loading");
    expect(screen.queryByText(/not backed/)).toBeNull();
  });
});
