// `npm start`: the local system in one command — a Hardhat JSON-RPC node, the contracts deployed
// with Ignition, the generated ABI/address module, demo data and the indexer/API (Ponder on
// embedded PGlite) — then the URLs and the funded test accounts. Ctrl-C stops everything it
// started. (The web app joins with its issue.) Runs on the project's Node 22, after `npm run setup`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { HDNodeWallet } from "ethers";
import { seedOffchain, type OffchainSeed } from "./seed-offchain.ts";
import { portIsFree } from "../lib/ports.ts";

const root = path.resolve(import.meta.dirname, "../..");
const hardhatCli = path.join(root, "node_modules/hardhat/dist/src/cli.js");
const ponderCli = path.join(root, "node_modules/ponder/dist/esm/bin/ponder.js");
const children: ChildProcess[] = [];
const HARDHAT_MNEMONIC = "test test test test test test test test test test test junk";

function step(message: string): void {
  console.log(`\n▶ ${message}`);
}

async function choosePort(preferred: number): Promise<number> {
  if (await portIsFree(preferred)) return preferred;
  for (let port = preferred + 1; port < preferred + 100; port++) {
    if (await portIsFree(port)) {
      console.log(`  port ${preferred} is busy; using ${port} instead`);
      return port;
    }
  }
  throw new Error(`ports ${preferred}-${preferred + 99} are all busy: set CHAIN_PORT to a free one`);
}

async function httpOk(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

async function rpcBlockNumber(url: string): Promise<number> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }),
  });
  return Number(((await response.json()) as { result: string }).result);
}

/** The last block Ponder has indexed (its /status), or -1 before it has one. */
async function indexedBlock(apiUrl: string): Promise<number> {
  try {
    const status = (await (await fetch(`${apiUrl}/status`)).json()) as { main?: { block?: { number?: number } } };
    return status.main?.block?.number ?? -1;
  } catch {
    return -1;
  }
}

async function rpcReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
    });
    return response.ok;
  } catch {
    return false;
  }
}

function hardhat(args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, [hardhatCli, ...args], { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`hardhat ${args.join(" ")} failed (exit ${result.status})`);
}

function stopAll(): void {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    console.log("\nstopping…");
    stopAll();
    process.exit(0);
  });
}

try {
  const port = await choosePort(Number(process.env.CHAIN_PORT ?? 8545));
  const rpcUrl = `http://127.0.0.1:${port}`;
  const env = { ...process.env, LOCALHOST_RPC_URL: rpcUrl };

  step(`starting a Hardhat node on ${rpcUrl}`);
  const node = spawn(process.execPath, [hardhatCli, "node", "--port", String(port)], { cwd: root, env, stdio: "ignore" });
  children.push(node);
  node.on("exit", (code) => {
    if (code !== null && code !== 0) console.error(`the Hardhat node exited with code ${code}`);
  });
  const deadline = Date.now() + 60_000;
  while (!(await rpcReady(rpcUrl))) {
    if (Date.now() > deadline) throw new Error("the Hardhat node did not answer within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  step("deploying the contracts with Ignition (deploy/modules/local.ts)");
  // A fresh node is a fresh chain: the previous local deployment's journal no longer applies.
  rmSync(path.join(root, "deploy/deployments/chain-31337"), { recursive: true, force: true });
  hardhat(["ignition", "deploy", "deploy/modules/local.ts", "--network", "localhost", "--build-profile", "default"], env);

  step("writing generated/crowdstake.ts (ABIs and addresses)");
  hardhat(["deployment", "export"], env);

  step("seeding demo data");
  hardhat(["run", "--network", "localhost", "scripts/dev/seed.ts"], env);

  const apiPort = await choosePort(Number(process.env.API_PORT ?? 42069));
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  step(`starting the indexer and API on ${apiUrl} (Ponder, embedded PGlite in indexer/.ponder)`);
  // A fresh chain needs a fresh index: the previous run's data belongs to a chain that is gone.
  rmSync(path.join(root, "indexer/.ponder"), { recursive: true, force: true });
  const indexer = spawn(process.execPath, [ponderCli, "--log-level", process.env.PONDER_LOG_LEVEL ?? "error", "start", "--schema", "crowdstake", "--port", String(apiPort)], {
    cwd: path.join(root, "indexer"),
    env: { ...env, PONDER_TELEMETRY_DISABLED: "true", PONDER_RPC_URL: rpcUrl, PUBLIC_API_URL: apiUrl, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(indexer);
  const indexerDeadline = Date.now() + 180_000;
  while (!(await httpOk(`${apiUrl}/ready`))) {
    if (indexer.exitCode !== null) throw new Error(`the indexer exited with code ${indexer.exitCode}`);
    if (Date.now() > indexerDeadline) throw new Error("the indexer was not ready within 180 s");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  // /ready means Ponder's backfill is done; blocks past the chain's finalized one (all of them on
  // a local node) are indexed right after it, so wait until the indexer has reached the head.
  const head = await rpcBlockNumber(rpcUrl);
  while ((await indexedBlock(apiUrl)) < head) {
    if (Date.now() > indexerDeadline) throw new Error(`the indexer did not reach block ${head} within 180 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  step("seeding off-chain demo data (a merchant's payment session, a card contribution via the simulated on-ramp)");
  const answer = await fetch(`${apiUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ campaigns(limit: 1) { items { id asset } } }" }),
  });
  const demo = ((await answer.json()) as { data: { campaigns: { items: { id: string; asset: string }[] } } }).data.campaigns.items[0]!;
  const offchain: OffchainSeed = await seedOffchain(apiUrl, demo.id, demo.asset);

  console.log(`\n✔ Crowdstake is running locally\n`);
  console.log(`  JSON-RPC   ${rpcUrl}  (chain id 31337)`);
  console.log(`  GraphQL    ${apiUrl}/graphql  (POST queries: docs/graphql.md)`);
  console.log(`  REST API   ${apiUrl}/v1/…  (README, "Merchants" and "On-ramp")`);
  console.log(`  demo       campaign ${demo.id}, payment session ${offchain.sessionId},`);
  console.log(`             on-ramp order ${offchain.orderId} (settled), merchant #4 bearer token ${offchain.merchantToken}`);
  console.log(`  contracts  generated/crowdstake.ts`);
  console.log(`\n  Test accounts, 10,000 ETH and 100,000 cUSD each. LOCAL ONLY: these keys are public;`);
  console.log(`  never send real funds to them.`);
  const roles = ["deployer, admin, operator", "alice (backer)", "bob (backer)", "carol (campaign owner)", "merchant"];
  roles.forEach((role, index) => {
    // Hardhat's node derives its accounts from this public test mnemonic.
    const wallet = HDNodeWallet.fromPhrase(HARDHAT_MNEMONIC, undefined, `m/44'/60'/0'/0/${index}`);
    console.log(`  #${index} ${wallet.address}  ${wallet.privateKey}  ${role}`);
  });
  console.log(`\n  Admin CLIs: npx hardhat campaign create --network localhost --help (README). Ctrl-C stops everything.`);
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  stopAll();
  process.exit(1);
}
