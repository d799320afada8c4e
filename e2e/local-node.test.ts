// End to end against a real JSON-RPC node: start `hardhat node` on a free port, deploy the
// local Ignition module, then create and launch a campaign (and use the other admin CLIs)
// exactly as an admin would, checking what they print and what the chain then holds.
// Run by `npm run test:e2e` (node's test runner); each step is a real child process.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { Interface } from "ethers";
import { freePort } from "../scripts/lib/ports.ts";

const root = path.resolve(import.meta.dirname, "..");
const hardhatCli = path.join(root, "node_modules/hardhat/dist/src/cli.js");
const deploymentId = `e2e-${process.pid}`;

async function rpc(url: string, method: string, params: unknown[] = []): Promise<any> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await condition()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs a Hardhat command against the test node; resolves with its exit code and output. */
function hardhat(args: string[], rpcUrl: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [hardhatCli, ...args], {
      cwd: root,
      env: { ...process.env, LOCALHOST_RPC_URL: rpcUrl, FORCE_COLOR: "0", ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** The value printed after `key` by a CLI's report (two-space indented "key  value" lines). */
function reported(output: string, key: string): string {
  const line = output.split("\n").find((candidate) => candidate.trimStart().startsWith(`${key} `));
  assert.ok(line, `"${key}" not in output:\n${output}`);
  return line.trim().slice(key.length).trim();
}

describe("admin CLIs against a local hardhat node", () => {
  let node: ChildProcess;
  let rpcUrl: string;
  const addresses: Record<string, string> = {};

  before(async () => {
    const port = await freePort();
    rpcUrl = `http://127.0.0.1:${port}`;
    node = spawn(process.execPath, [hardhatCli, "node", "--port", String(port)], { cwd: root, stdio: "ignore" });
    await waitFor(async () => (await rpc(rpcUrl, "eth_chainId")) === "0x7a69", 60_000, "the node to answer");
  });

  after(() => {
    node?.kill("SIGTERM");
    rmSync(path.join(root, "deploy/deployments", deploymentId), { recursive: true, force: true });
  });

  it("deploys the local Ignition module", { timeout: 240_000 }, async () => {
    const { code, output } = await hardhat(
      ["ignition", "deploy", "deploy/modules/local.ts", "--network", "localhost", "--build-profile", "default", "--deployment-id", deploymentId],
      rpcUrl,
    );
    assert.equal(code, 0, output);
    for (const name of ["CampaignFactory", "PaymentEscrow", "DevStablecoin"]) {
      const match = new RegExp(`#${name} - (0x[0-9a-fA-F]{40})`).exec(output);
      assert.ok(match, `${name} missing from:\n${output}`);
      addresses[name] = match[1]!;
      assert.notEqual(await rpc(rpcUrl, "eth_getCode", [match[1], "latest"]), "0x", `${name} has no code`);
    }
  });

  it("creates and launches a campaign with a pool", { timeout: 120_000 }, async () => {
    const { code, output } = await hardhat(
      [
        "campaign", "create", "--network", "localhost",
        "--factory", addresses.CampaignFactory!,
        "--asset", addresses.DevStablecoin!,
        "--pool-rewards-token", addresses.DevStablecoin!,
        "--goal", "1000", "--tokens-per-unit", "100",
        "--token-name", "Solar Coop", "--token-symbol", "SUN",
        "--start", "+1m", "--end", "+30d", "--with-pool", "--launch",
      ],
      rpcUrl,
    );
    assert.equal(code, 0, output);
    assert.equal(reported(output, "status"), "Scheduled");
    assert.match(reported(output, "goal"), /^1000 \(1000000000 base units\)$/);
    const campaign = reported(output, "campaign");
    addresses.pool = reported(output, "pool");
    assert.match(addresses.pool, /^0x[0-9a-fA-F]{40}$/);
    // The factory's isCampaign(campaign) is true on-chain.
    const isCampaign = await rpc(rpcUrl, "eth_call", [
      { to: addresses.CampaignFactory, data: new Interface(["function isCampaign(address) view returns (bool)"]).encodeFunctionData("isCampaign", [campaign]) },
      "latest",
    ]);
    assert.equal(BigInt(isCampaign), 1n);

    const cancelled = await hardhat(["campaign", "cancel", "--network", "localhost", "--campaign", campaign], rpcUrl);
    assert.equal(cancelled.code, 0, cancelled.output);
    assert.equal(reported(cancelled.output, "status"), "Cancelled");
  });

  it("rejects bad options and contract refusals with a clear message", { timeout: 120_000 }, async () => {
    const badGoal = await hardhat(
      ["campaign", "create", "--network", "localhost", "--factory", addresses.CampaignFactory!, "--token-name", "X", "--token-symbol", "X", "--goal", "lots"],
      rpcUrl,
    );
    assert.notEqual(badGoal.code, 0);
    assert.match(badGoal.output, /--goal: "lots" is not a non-negative decimal amount/);

    const zeroGoal = await hardhat(
      ["campaign", "create", "--network", "localhost", "--factory", addresses.CampaignFactory!, "--token-name", "X", "--token-symbol", "X", "--goal", "0"],
      rpcUrl,
    );
    assert.notEqual(zeroGoal.code, 0);
    assert.match(zeroGoal.output, /refused by the contract: InvalidGoal\(\)/);

    const badRole = await hardhat(
      ["roles", "grant", "--network", "localhost", "--contract", addresses.CampaignFactory!, "--role", "KING", "--account", addresses.PaymentEscrow!],
      rpcUrl,
    );
    assert.notEqual(badRole.code, 0);
    assert.match(badRole.output, /--role: "KING" is not one of/);
  });

  it("configures a merchant, grants a role and funds a pool", { timeout: 120_000 }, async () => {
    const signer = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"; // Hardhat test account #1
    const merchant = await hardhat(
      ["merchant", "configure", "--network", "localhost", "--escrow", addresses.PaymentEscrow!, "--release-delay", "1d", "--add-signer", signer],
      rpcUrl,
    );
    assert.equal(merchant.code, 0, merchant.output);
    assert.match(merchant.output, /release delay\s+86400 s/);

    const grant = await hardhat(
      ["roles", "grant", "--network", "localhost", "--contract", addresses.PaymentEscrow!, "--role", "ARBITER_ROLE", "--account", signer],
      rpcUrl,
    );
    assert.equal(grant.code, 0, grant.output);
    assert.equal(reported(grant.output, "has role now"), "true");

    // The deployer (account #0, the pool's admin) mints itself cUSD, then funds the pool.
    const [deployer] = (await rpc(rpcUrl, "eth_accounts")) as string[];
    const mint = new Interface(["function mint(address,uint256)"]).encodeFunctionData("mint", [deployer, 10_000_000_000n]);
    await rpc(rpcUrl, "eth_sendTransaction", [{ from: deployer, to: addresses.DevStablecoin, data: mint }]);
    const funded = await hardhat(["pool", "fund", "--network", "localhost", "--pool", addresses.pool!, "--amount", "700"], rpcUrl);
    assert.equal(funded.code, 0, funded.output);
    assert.match(funded.output, /amount\s+700 \(700000000 base units\)/);
    const rate = await rpc(rpcUrl, "eth_call", [
      { to: addresses.pool, data: new Interface(["function rewardRate() view returns (uint256)"]).encodeFunctionData("rewardRate") },
      "latest",
    ]);
    assert.equal(BigInt(rate), 700_000_000n / (7n * 86_400n)); // default period: 7 days
  });

  it("works on any EVM network given by RPC_URL and DEPLOYER_PRIVATE_KEY (--network remote)", { timeout: 120_000 }, async () => {
    const remoteArgs = [
      "campaign", "create", "--network", "remote", "--factory", addresses.CampaignFactory!,
      "--goal", "5", "--token-name", "Remote", "--token-symbol", "RMT",
    ];
    const missingKey = await hardhat(remoteArgs, rpcUrl, { RPC_URL: rpcUrl, DEPLOYER_PRIVATE_KEY: undefined });
    assert.notEqual(missingKey.code, 0);
    assert.match(missingKey.output, /DEPLOYER_PRIVATE_KEY/);

    // Hardhat test account #0 (public key material, local chains only) as the deployer key.
    const key = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    const created = await hardhat(remoteArgs, rpcUrl, { RPC_URL: rpcUrl, DEPLOYER_PRIVATE_KEY: key });
    assert.equal(created.code, 0, created.output);
    assert.equal(reported(created.output, "owner"), "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    const code = await rpc(rpcUrl, "eth_getCode", [reported(created.output, "campaign"), "latest"]);
    assert.notEqual(code, "0x");
  });
});
