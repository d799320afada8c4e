import { expect } from "chai";
import { network } from "hardhat";
import { measureStaking } from "../../scripts/gas/staking.js";

// Smoke test of the gas scenario (the figures are a benchmark, reported by `npm run gas`,
// not asserted here): it runs end to end and yields one row per operation.
describe("StakingPool gas scenario", function () {
  it("measures every operation", async function () {
    const { ethers } = await network.create();
    const rows = await measureStaking(ethers);
    expect(rows.length).to.be.greaterThan(20);
    for (const row of rows) {
      expect(row.group).to.equal("Staking");
      expect(row.gas > 21_000n, row.operation).to.equal(true);
    }
    expect(rows.filter((row) => row.target !== undefined).length).to.equal(10);
  });
});
