// `npm start` end to end: runs its script (scripts/dev/start.ts) on the project's Node with free
// ports (its preferred API port taken by another server) and a state directory of its own, and a
// second one against the first one's chain with --rpc-url/--deployment; waits until each says it
// is running, checks the web app, its runtime config and the demo data through GraphQL, then
// stops both with SIGINT and checks that every process they started is gone and their ports free.
// Run by `npm run test:e2e` (node's test runner).
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { HDNodeWallet } from "ethers";
import { freePort, portIsFree } from "../scripts/lib/ports.ts";
import { TEST_ACCOUNTS } from "../scripts/dev/accounts.ts";

const root = path.resolve(import.meta.dirname, "..");
const startScript = path.join(root, "scripts/dev/start.ts");
const READY = "✔ Crowdstake is running";
const PHASES = ["draft", "scheduled", "active", "successful", "failed", "cancelled"];

interface Stack {
  child: ChildProcess;
  output(): string;
  stateDir: string;
  /** resolves with the exit code */
  exited: Promise<number | null>;
}

function runStart(args: string[], env: Record<string, string>): Stack {
  const stateDir = mkdtempSync(path.join(tmpdir(), "crowdstake-start-"));
  const child = spawn(process.execPath, [startScript, ...args], {
    cwd: root,
    env: { ...process.env, START_STATE_DIR: stateDir, NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, stateDir, exited };
}

/** Waits (with a deadline) until the stack prints that it is running; fails if it exits first. */
async function untilRunning(stack: Stack, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!stack.output().includes(READY)) {
    if (stack.child.exitCode !== null) assert.fail(`npm start exited with ${stack.child.exitCode} before running:\n${stack.output()}`);
    if (Date.now() > deadline) assert.fail(`npm start did not say it was running within ${timeoutMs / 1000} s:\n${stack.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The value of a banner line: "  <label>   <value>". */
function bannerValue(output: string, label: string): string {
  const line = output.split("\n").find((candidate) => candidate.trimStart().startsWith(`${label} `));
  assert.ok(line, `"${label}" not in the output:\n${output}`);
  return line.trim().slice(label.length).trim();
}

function urlOf(output: string, label: string): string {
  const match = /(https?:\/\/[^\s]+)/.exec(bannerValue(output, label));
  assert.ok(match, `no URL on the "${label}" line`);
  return match[1]!;
}

/** Every process of the stack: start.ts, its children and everything in their process groups. */
function processTree(startPid: number): number[] {
  const rows = execFileSync("ps", ["-eo", "pid=,ppid=,pgid="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
  const found = new Set([startPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid, pgid] of rows) {
      if (!found.has(pid) && (found.has(ppid) || found.has(pgid))) {
        found.add(pid);
        grew = true;
      }
    }
  }
  return [...found];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function graphql(apiUrl: string, query: string): Promise<any> {
  const response = await fetch(`${apiUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

/** SIGINT, then: start.ts exits 0, every process it started is gone, its ports are free. */
async function stopAndCheck(stack: Stack, pids: number[], ports: number[]): Promise<void> {
  stack.child.kill("SIGINT");
  const code = await Promise.race([stack.exited, new Promise((resolve) => setTimeout(() => resolve("timeout"), 30_000))]);
  assert.equal(code, 0, `npm start did not exit 0 within 30 s of SIGINT (${code}):\n${stack.output().slice(-3000)}`);
  const survivors = pids.filter(alive);
  assert.deepEqual(survivors, [], `processes left running: ${survivors.join(", ")}`);
  for (const port of ports) assert.ok(await portIsFree(port), `port ${port} is still taken`);
  assert.match(stack.output(), /stopped: every process npm start began has exited/);
}

describe("npm start", { concurrency: false }, () => {
  const ports = { chain: 0, api: 0, web: 0, busyApi: 0 };
  let local: Stack;
  let localPids: number[] = [];
  let existing: Stack;
  const existingPorts = { api: 0, web: 0 };
  let blocker: Server | undefined;

  before(
    async () => {
      // Its preferred API port is taken: it must say so and use another one.
      ports.busyApi = await freePort();
      blocker = createServer();
      await new Promise<void>((resolve) => blocker!.listen(ports.busyApi, "127.0.0.1", resolve));
      ports.chain = await freePort();
      ports.web = await freePort();
      local = runStart([], { CHAIN_PORT: String(ports.chain), API_PORT: String(ports.busyApi), WEB_PORT: String(ports.web) });
      // A second stack joins the first one's chain with --rpc-url/--deployment as soon as the
      // contracts are deployed (and generated/crowdstake.ts written): both indexers start meanwhile.
      const deadline = Date.now() + 300_000;
      while (!local.output().includes("[4/7] ")) {
        if (local.child.exitCode !== null || Date.now() > deadline) assert.fail(`npm start did not deploy:\n${local.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      existingPorts.api = await freePort();
      existingPorts.web = await freePort();
      existing = runStart(["--rpc-url", `http://127.0.0.1:${ports.chain}`, "--deployment", path.join(local.stateDir, "deployment.json")], {
        API_PORT: String(existingPorts.api),
        WEB_PORT: String(existingPorts.web),
      });
      await Promise.all([untilRunning(local, 600_000), untilRunning(existing, 600_000)]);
      ports.api = Number(new URL(urlOf(local.output(), "GraphQL")).port);
      localPids = processTree(local.child.pid!);
    },
    { timeout: 660_000 },
  );

  after(async () => {
    blocker?.close();
    for (const stack of [existing, local]) {
      if (!stack) continue;
      // After a failure, leave nothing behind: what is still running is stopped, then killed.
      if (stack.child.exitCode === null && stack.child.signalCode === null) {
        const tree = processTree(stack.child.pid!);
        stack.child.kill("SIGINT");
        await Promise.race([stack.exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
        for (const pid of tree.filter(alive)) {
          try {
            process.kill(pid, "SIGKILL");
          } catch {
            // gone
          }
        }
      }
      rmSync(stack.stateDir, { recursive: true, force: true });
    }
  });

  it("prints its progress, the URLs and the test accounts", (t) => {
    const output = local.output();
    for (const line of output.split("\n").filter((candidate) => /^\[\d\/7\]|ready in/.test(candidate))) t.diagnostic(line);
    for (let step = 1; step <= 7; step++) assert.match(output, new RegExp(`\\[${step}/7\\] .+… \\d+\\.\\d s`), `step ${step}`);
    assert.equal(urlOf(output, "JSON-RPC"), `http://127.0.0.1:${ports.chain}`);
    assert.equal(urlOf(output, "Web app"), `http://localhost:${ports.web}`);
    assert.match(output, /LOCAL ONLY/);
    assert.match(output, /chain id 31337, currency symbol ETH/);
    for (const account of TEST_ACCOUNTS) assert.ok(output.includes(`${account.address}  ${account.key}`), `account #${account.index}`);
    for (const label of ["campaign, draft", "campaign, scheduled", "campaign, active", "campaign, succeeded", "campaign, failed", "campaign, cancelled", "staking pool", "checkout (open)"]) {
      assert.match(bannerValue(output, label), new RegExp(`^http://localhost:${ports.web}/`), label);
    }
  });

  it("takes another port when its preferred one is busy, and says so", () => {
    assert.notEqual(ports.api, ports.busyApi);
    assert.match(local.output(), new RegExp(`port ${ports.busyApi} \\(API\\) is busy: using ${ports.api} instead`));
    assert.equal(urlOf(local.output(), "GraphQL"), `http://127.0.0.1:${ports.api}/graphql`);
  });

  it("serves the web app with a runtime config naming its API and RPC", async () => {
    const web = `http://127.0.0.1:${ports.web}`;
    const html = await (await fetch(`${web}/`)).text();
    assert.match(html, /<div id="root"><\/div>/);
    assert.match(html, /\/config\.js/);
    const config = await (await fetch(`${web}/config.js`)).text();
    const parsed = JSON.parse(config.replace(/^window\.__CROWDSTAKE__ = /, "").replace(/;\s*$/, "")) as Record<string, any>;
    assert.equal(parsed.chainId, 31337);
    assert.equal(parsed.apiUrl, `http://127.0.0.1:${ports.api}`);
    assert.equal(parsed.rpcUrl, `http://127.0.0.1:${ports.chain}`);
    assert.match(parsed.contracts.CampaignFactory, /^0x[0-9a-f]{40}$/);
    // the API admits the web app (CORS), opened as localhost or as 127.0.0.1
    for (const origin of [`http://localhost:${ports.web}`, `http://127.0.0.1:${ports.web}`]) {
      const response = await fetch(`http://127.0.0.1:${ports.api}/v1/auth/nonce`, { method: "POST", headers: { origin, "content-type": "application/json" }, body: "{}" });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get("access-control-allow-origin"), origin);
    }
  });

  it("has demo data for every page: each campaign state, a staked pool, payment sessions, a settled card order", async () => {
    const api = `http://127.0.0.1:${ports.api}`;
    const data = await graphql(
      api,
      `{ campaigns(limit: 100) { items { id phase isNative backerCount } }
         pools(limit: 100) { items { id stakerCount totalStaked totalCooling totalRewardsClaimed } }
         onrampOrders { items { id status contribution { id } } }
         payments(limit: 100) { items { id status } } }`,
    );
    const phases = new Set(data.campaigns.items.map((campaign: { phase: string }) => campaign.phase));
    for (const phase of PHASES) assert.ok(phases.has(phase), `no ${phase} campaign: ${[...phases].join(", ")}`);
    assert.ok(data.campaigns.items.some((campaign: { isNative: boolean; phase: string }) => campaign.isNative && campaign.phase === "active"), "an ETH campaign");
    for (const phase of ["successful", "failed", "cancelled"]) {
      const campaign = data.campaigns.items.find((candidate: { phase: string }) => candidate.phase === phase);
      assert.ok(campaign.backerCount > 0, `the ${phase} campaign has backers`);
    }
    const pool = data.pools.items.find((candidate: { stakerCount: number }) => candidate.stakerCount >= 2);
    assert.ok(pool, `a pool with 2 stakers: ${JSON.stringify(data.pools.items)}`);
    assert.notEqual(pool.totalCooling, "0", "an unstake in its cooldown");
    assert.notEqual(pool.totalRewardsClaimed, "0", "rewards claimed");
    assert.ok(data.onrampOrders.items.some((order: { status: string; contribution: unknown }) => order.status === "settled" && order.contribution), "a settled card order");
    const statuses = new Set(data.payments.items.map((payment: { status: string }) => payment.status));
    for (const status of ["confirmed", "settled", "refunded"]) assert.ok(statuses.has(status), `a ${status} payment: ${[...statuses].join(", ")}`);

    const open = /\/checkout\/(0x[0-9a-f]{64})/.exec(bannerValue(local.output(), "checkout (open)"))![1]!;
    const { paymentSession } = await graphql(api, `{ paymentSession(id: "${open}") { status checkoutUrl } }`);
    assert.equal(paymentSession.status, "pending");
    assert.equal(paymentSession.checkoutUrl, `http://localhost:${ports.web}/checkout/${open}`);
    const paid = /paid session (0x[0-9a-f]{64})/.exec(local.output())![1]!;
    const { paymentSession: paidSession } = await graphql(api, `{ paymentSession(id: "${paid}") { status } }`);
    assert.ok(["detected", "confirmed"].includes(paidSession.status), paidSession.status);
  });

  it("runs only the indexer and the web app against an existing RPC and deployment", async (t) => {
    const output = existing.output();
    for (const line of output.split("\n").filter((candidate) => /^\[\d\/4\]|ready in/.test(candidate))) t.diagnostic(line);
    for (let step = 1; step <= 4; step++) assert.match(output, new RegExp(`\\[${step}/4\\] .+… \\d+\\.\\d s`), `step ${step}`);
    assert.doesNotMatch(output, /Hardhat node|deploying|seeding/);
    const apiUrl = `http://127.0.0.1:${existingPorts.api}`;
    assert.equal(urlOf(output, "GraphQL"), `${apiUrl}/graphql`);
    assert.equal(urlOf(output, "JSON-RPC"), `http://127.0.0.1:${ports.chain}`);
    // It may have come up while the first stack was still seeding: wait for it to catch up.
    const deadline = Date.now() + 120_000;
    for (;;) {
      const { campaigns } = await graphql(apiUrl, "{ campaigns(limit: 100) { items { id } } }");
      if (campaigns.items.length === 7) break;
      if (Date.now() > deadline) assert.fail(`the second indexer lists ${campaigns.items.length} campaigns, not 7`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const config = await (await fetch(`http://127.0.0.1:${existingPorts.web}/config.js`)).text();
    assert.ok(config.includes(`"apiUrl":"${apiUrl}"`) && config.includes(`"rpcUrl":"http://127.0.0.1:${ports.chain}"`), config);

    const pids = processTree(existing.child.pid!);
    assert.ok(pids.length >= 3, `start.ts, its indexer and web app: ${pids.join(", ")}`);
    await stopAndCheck(existing, pids, [existingPorts.api, existingPorts.web]);
    // the chain it was pointed at is not its own: still up
    assert.ok(localPids.every(alive), "the first stack's processes");
  });

  it("stops every process it started on SIGINT and frees its ports", { timeout: 60_000 }, async () => {
    assert.ok(localPids.length >= 4, `start.ts and its chain, indexer and web app: ${localPids.join(", ")}`);
    await stopAndCheck(local, localPids, [ports.chain, ports.api, ports.web]);
  });
});

describe("npm start options", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "crowdstake-options-"));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  const run = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [startScript, ...args], { cwd: root, env: { ...process.env, START_STATE_DIR: path.join(scratch, "state"), ...env } });
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      child.on("close", (code) => resolve({ code, output }));
    });

  it("refuses bad options with a message naming them", async () => {
    const broken = path.join(scratch, "broken.json");
    writeFileSync(broken, JSON.stringify({ chainId: 31337, contracts: { CampaignFactory: { address: "0x1234", startBlock: 1 } } }));
    const cases: [string[], Record<string, string>, RegExp][] = [
      [["--rpc-url", "http://127.0.0.1:1"], {}, /--rpc-url needs --deployment/],
      [["--deployment", broken], {}, /--deployment needs --rpc-url/],
      [["--rpc-url", "ftp://x", "--deployment", broken], {}, /--rpc-url must be an http\(s\) URL/],
      [["--rpc-url", "http://127.0.0.1:1", "--deployment", path.join(scratch, "missing.json")], {}, /missing\.json does not exist/],
      [["--rpc-url", "http://127.0.0.1:1", "--deployment", broken], {}, /lacks contracts\.PaymentEscrow/],
      [[], { START_RPC_URL: "http://127.0.0.1:1" }, /START_RPC_URL needs --deployment/],
      [["--port", "1"], {}, /Unknown option '--port'/],
      [[], { API_PORT: "http" }, /API_PORT must be a TCP port/],
    ];
    for (const [args, env, message] of cases) {
      const { code, output } = await run(args, env);
      assert.equal(code, 1, `${args.join(" ")}: exit code`);
      assert.match(output, message);
    }
    const valid = path.join(scratch, "deployment.json");
    const contract = { address: "0x" + "11".repeat(20), startBlock: 0 };
    writeFileSync(valid, JSON.stringify({ chainId: 31337, contracts: { CampaignFactory: contract, PaymentEscrow: contract } }));
    const unreachable = await run(["--rpc-url", `http://127.0.0.1:${await freePort()}`, "--deployment", valid]);
    assert.equal(unreachable.code, 1);
    assert.match(unreachable.output, /\[1\/4\] checking .* failed after .*does not answer eth_chainId/);
    const help = await run(["--help"]);
    assert.equal(help.code, 0);
    assert.match(help.output, /--rpc-url <url>/);
  });

  it("lists the test accounts Hardhat's node really funds", () => {
    for (const account of TEST_ACCOUNTS) {
      const wallet = HDNodeWallet.fromPhrase("test test test test test test test test test test test junk", undefined, `m/44'/60'/0'/0/${account.index}`);
      assert.equal(account.address, wallet.address);
      assert.equal(account.key, wallet.privateKey);
    }
  });
});
