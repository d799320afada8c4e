import { expect } from "chai";
import { measureCampaigns } from "../../scripts/gas/campaigns.js";
import { ethers } from "./fixtures.js";

describe("Campaign gas scenario (scripts/gas/campaigns.ts)", () => {
  it("measures every campaign operation once, in the Campaigns group", async () => {
    const rows = await measureCampaigns(ethers);
    const operations = rows.map((r) => r.operation);
    expect(new Set(operations).size).to.equal(operations.length);
    for (const expected of [
      "createCampaign with token and staking pool",
      "createCampaign with token, no pool",
      "launch",
      "contribute ERC-20, first by this backer",
      "contribute ERC-20, repeat by the same backer",
      "contributeWithPermit (ERC-20)",
      "contributeNative, first by this backer",
      "contributeFor (on-ramp operator, ERC-20)",
      "contributeFor (on-ramp operator, native)",
      "finalize (goal met, early)",
      "cancel (Active)",
      "claimTokens",
      "refund (ERC-20)",
      "refund (native)",
      "withdraw (owner, ERC-20; fee kept for sweepFee)",
      "sweepFee (ERC-20, to the treasury)",
      "refundTo (native, another receiver)",
      "withdrawTo (owner, native, another receiver; fee kept)",
      "withdraw (owner, native; fee kept for sweepFee)",
      "sweepFee (native, to the treasury)",
    ]) {
      expect(operations).to.include(expected);
    }
    for (const row of rows) {
      expect(row.group).to.equal("Campaigns");
      expect(row.gas > 21_000n).to.equal(true, row.operation);
      expect(row.gas < 2_000_000n).to.equal(true, row.operation);
    }
  });
});
