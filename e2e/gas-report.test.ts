// `npm run gas` end to end: the report script measures every area on fresh chains and writes
// the Markdown report (here to a temporary file instead of docs/gas.md).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

test("the gas report measures every user operation and writes the tables", { timeout: 300_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), "crowdstake-gas-"));
  const outFile = path.join(dir, "gas.md");
  try {
    const result = spawnSync(
      process.execPath,
      [path.join(root, "node_modules/hardhat/dist/src/cli.js"), "run", "scripts/gas/report.ts"],
      { cwd: root, env: { ...process.env, GAS_REPORT_FILE: outFile, FORCE_COLOR: "0" }, encoding: "utf8" },
    );
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const report = readFileSync(outFile, "utf8");
    for (const heading of ["## Campaigns", "## Staking", "## Payments"]) assert.ok(report.includes(heading), heading);
    // Every operation the issue lists, each with a measured figure.
    for (const operation of [
      "createCampaign with token and staking pool", "contribute ERC-20", "contributeNative", "contributeWithPermit",
      "claimTokens", "refund", "withdraw (owner", "stake, first staker", "stakeWithPermit", "withdraw (partial)",
      "getReward", "exit", "notifyRewardAmount", "pay ERC-20", "pay native", "release ERC-20, 0 splits",
      "release ERC-20, 2 splits", "refund ERC-20",
    ]) {
      const row = report.split("\n").find((line) => line.startsWith(`| ${operation}`));
      assert.ok(row, `no row for "${operation}"`);
      assert.match(row, /\| [\d,]{5,} \|/, `no gas figure in ${row}`);
    }
    // The Synthetix and Coinbase anchors are compared, not just listed.
    assert.match(report, /Synthetix StakingRewards stake, first staker\) \| [\d,]+ (under|over)/);
    assert.match(report, /Coinbase Transfers native\) \| [\d,]+ (under|over)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
