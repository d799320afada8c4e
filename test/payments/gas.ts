import { expect } from "chai";
import { network } from "hardhat";
import { formatGasTable } from "../../scripts/gas/format.js";
import { measurePayments } from "../../scripts/gas/payments.js";

describe("PaymentEscrow gas benchmark (scripts/gas/payments.ts)", function () {
  it("measures every payment operation (targets are reported, not asserted)", async function () {
    const { ethers } = await network.create();
    const rows = await measurePayments(ethers);
    const ops = rows.map((r) => r.operation);
    for (const needle of ["first payment", "steady state", "pay native", "payWithPermit", "release ERC-20, 0 splits",
      "release ERC-20, 2 splits", "refund ERC-20, partial", "refund ERC-20, full", "openDispute", "resolveDispute"]) {
      expect(ops.some((o) => o.includes(needle)), needle).to.equal(true);
    }
    for (const r of rows) {
      expect(r.group).to.equal("Payments");
      expect(r.gas > 21_000n, r.operation).to.equal(true);
    }
    expect(rows.filter((r) => r.target !== undefined).length).to.be.greaterThanOrEqual(6);
    expect(formatGasTable(rows)).to.include("| operation | gas |");
  });
});
