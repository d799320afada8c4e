// `npm start`: the whole system in one command. Locally: a Hardhat JSON-RPC node, the contracts
// deployed with Ignition, generated/crowdstake.ts, demo data on-chain (scripts/dev/seed.ts), the
// indexer/API (Ponder on embedded PGlite), demo data through the API (seed-offchain.ts) and the
// web app (Vite's dev server); then the URLs and the funded test accounts. With
// `--rpc-url <url> --deployment <file>` it runs only the indexer and the web app against an
// existing chain. Ctrl-C (or SIGTERM, SIGHUP) stops every process it started.
// Runs on the project's Node 22, after `npm run setup` (which `npm start` runs first).
import type { SpawnOptions } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readDeployment } from "../tasks/export-deployment.ts";
import { demoLinks, printBanner } from "./stack/banner.ts";
import { httpOk, rpc, waitFor, WaitFailed } from "./stack/http.ts";
import { OptionError, parseOptions, USAGE, type DeploymentFile, type StartOptions } from "./stack/options.ts";
import { ChildFailed, Processes, type Managed } from "./stack/processes.ts";
import { choosePort, Progress, StepFailed } from "./stack/progress.ts";

const root = path.resolve(import.meta.dirname, "../..");
const node = process.execPath;
const CLI = {
  hardhat: path.join(root, "node_modules/hardhat/dist/src/cli.js"),
  ponder: path.join(root, "node_modules/ponder/dist/esm/bin/ponder.js"),
  vite: path.join(root, "node_modules/vite/bin/vite.js"),
};
const LOCAL_CHAIN_ID = 31337;

function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

// ------------------------------------------------------------------ options and preconditions
let options: StartOptions;
try {
  options = parseOptions(process.argv.slice(2), process.env, process.env.INIT_CWD || process.cwd());
} catch (error) {
  if (error instanceof OptionError) fail(`${error.message}\n\n${USAGE}`);
  throw error;
}
if (options.mode === "help") {
  console.log(USAGE);
  process.exit(0);
}
if (Number(process.versions.node.split(".")[0]) < 22) {
  fail(`Node ${process.versions.node}: npm start needs the project's Node 22 (run it as \`npm start\`, which uses node_modules/.bin/node)`);
}
for (const [name, file] of Object.entries(CLI)) {
  if (!existsSync(file)) fail(`${name} is not installed (${path.relative(root, file)} is missing): run \`npm run setup\` (npm start does)`);
}

const mode = options.mode;
const existing = options.mode === "existing" ? options : undefined;
const preferred = {
  chain: Number(process.env.CHAIN_PORT || 8545),
  api: Number(process.env.API_PORT || 42069),
  web: Number(process.env.WEB_PORT || 5173),
};
const stateDir = path.resolve(
  process.env.START_STATE_DIR || path.join(root, "indexer/.ponder", existing ? `chain-${existing.deployment.chainId}` : "local"),
);
// A state dir of its own (tests, a second stack) keeps the shared checkout out of it: the Ignition
// deployment goes to a scratch id, generated/crowdstake.ts is only written when it is missing.
const isolated = Boolean(process.env.START_STATE_DIR);
const generated = path.join(root, "generated/crowdstake.ts");
// One stack per state directory: a second one would delete the first one's index under it.
const lockFile = path.join(stateDir, "start.pid");
if (existsSync(lockFile)) {
  const holder = Number(readFileSync(lockFile, "utf8").trim());
  let running = false;
  try {
    running = holder !== process.pid && readFileSync(`/proc/${holder}/cmdline`, "utf8").includes("start.ts");
  } catch {
    // not running (or no /proc): the lock is stale
  }
  if (running) fail(`another npm start (pid ${holder}) is using ${stateDir}: stop it first, or give this one a START_STATE_DIR of its own`);
}
mkdirSync(stateDir, { recursive: true });
writeFileSync(lockFile, `${process.pid}\n`);
const logDir = path.join(stateDir, "logs");
const processes = new Processes(logDir);
const progress = new Progress(existing ? 4 : 7);
let scratchDeployment: string | undefined;
/** The long-running children (chain, indexer, web), for error messages. */
const servers: Managed[] = [];

// ------------------------------------------------------------------ stopping
let shuttingDown: Promise<void> | undefined;
function shutdown(code: number, reason?: string): Promise<void> {
  shuttingDown ??= (async () => {
    progress.stop();
    if (reason) console.log(`\n${reason}`);
    await processes.stopAll();
    if (scratchDeployment) rmSync(scratchDeployment, { recursive: true, force: true });
    rmSync(lockFile, { force: true });
    if (code === 0) console.log("stopped: every process npm start began has exited");
    process.exit(code);
  })();
  return shuttingDown;
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (shuttingDown) {
      // A second Ctrl-C: no more waiting.
      processes.killAllNow();
      process.exit(130);
    }
    void shutdown(0, `${signal}: stopping…`);
  });
}
process.on("exit", () => {
  processes.killAllNow();
  rmSync(lockFile, { force: true });
});
// Under `npm start`, npm's shell may go away without passing the signal on: if our parent
// changes (we were orphaned), stop as if interrupted.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) void shutdown(0, "the parent process exited: stopping…");
}, 1_000).unref();

/** A server exiting while the stack runs stops the whole stack. */
function watch(managed: Managed): void {
  void managed.exited.then((code) => {
    if (processes.isStopping || shuttingDown) return;
    console.error(`\n✖ ${managed.name} exited unexpectedly (${code}). Its last lines (full log: ${managed.logFile}):\n${indent(managed.tail())}`);
    void shutdown(1);
  });
}

/** A path relative to the project when it is inside it, else absolute. */
function shortPath(file: string): string {
  const relative = path.relative(root, file);
  return relative && !relative.startsWith("..") ? relative : file;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}

/** Starts a long-running Node child (a server) on the project's Node. */
function server(name: string, args: string[], options: SpawnOptions): Managed {
  const managed = processes.start(name, node, args, options);
  servers.push(managed);
  return managed;
}

function hardhat(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<Managed> {
  return processes.run(name, node, [CLI.hardhat, ...args], { cwd: root, env: { ...env, FORCE_COLOR: "0" } });
}

// ------------------------------------------------------------------ the stack
async function main(): Promise<void> {
  console.log(existing ? `Crowdstake against ${existing.rpcUrl} (indexer + web app)` : "Crowdstake local stack (chain, contracts, demo data, indexer, web app)");
  const taken = new Set<number>();
  const ports = {
    chain: existing ? undefined : await choosePort(preferred.chain, "JSON-RPC", "CHAIN_PORT", taken),
    api: await choosePort(preferred.api, "API", "API_PORT", taken),
    web: await choosePort(preferred.web, "web app", "WEB_PORT", taken),
  };
  for (const choice of Object.values(ports)) if (choice?.message) progress.note(choice.message);
  if (options.mode === "local" && options.ignoredDeployment) {
    progress.note(`DEPLOYMENT_JSON (${options.ignoredDeployment}) is ignored without --rpc-url: npm start deploys its own contracts`);
  }

  const rpcUrl = existing ? existing.rpcUrl : `http://127.0.0.1:${ports.chain!.port}`;
  const apiUrl = `http://127.0.0.1:${ports.api.port}`;
  const webUrl = `http://localhost:${ports.web.port}`;
  // The web app may be opened as localhost or 127.0.0.1: CORS and Sign-In with Ethereum admit both.
  const webOrigins = [webUrl, `http://127.0.0.1:${ports.web.port}`, ...(process.env.CORS_ORIGINS ? process.env.CORS_ORIGINS.split(",") : [])];
  const baseEnv: NodeJS.ProcessEnv = { ...process.env };
  delete baseEnv.DEPLOYMENT_JSON;
  delete baseEnv.START_RPC_URL;

  let chainId: number;
  let deploymentFile: string;
  let deployment: DeploymentFile;

  if (existing) {
    deploymentFile = existing.deploymentFile;
    deployment = existing.deployment;
    chainId = await progress.step(`checking ${existing.rpcUrl} and the deployment`, async () => {
      let id: number;
      try {
        id = Number(BigInt(await rpc<string>(existing.rpcUrl, "eth_chainId")));
      } catch (error) {
        throw new Error(`the RPC at ${existing.rpcUrl} does not answer eth_chainId (${(error as Error).message})`);
      }
      if (id !== deployment.chainId) throw new Error(`${deploymentFile} is for chain ${deployment.chainId}, but ${existing.rpcUrl} is chain ${id}`);
      for (const name of ["CampaignFactory", "PaymentEscrow"]) {
        const code = await rpc<string>(existing.rpcUrl, "eth_getCode", [deployment.contracts[name]!.address, "latest"]);
        if (!code || code === "0x") throw new Error(`no contract at ${name} ${deployment.contracts[name]!.address} on chain ${id} (${deploymentFile})`);
      }
      if (id !== LOCAL_CHAIN_ID) {
        const missing = ["OPERATOR_PRIVATE_KEY", "PLATFORM_SIGNER_PRIVATE_KEY"].filter((name) => !process.env[name]);
        if (missing.length > 0) {
          throw new Error(`on chain ${id} the indexer needs ${missing.join(" and ")} in the environment (only the local chain 31337 has defaults; README, "Running the indexer")`);
        }
      }
      return id;
    });
    const keep = isolated && existsSync(generated);
    await progress.step(keep ? "checking generated/crowdstake.ts (ABIs)" : "compiling and writing generated/crowdstake.ts (ABIs)", async () => {
      if (keep) return;
      await hardhat("compile", ["compile", "--quiet"], baseEnv);
      await hardhat("export", ["deployment", "export"], baseEnv);
    });
  } else {
    chainId = LOCAL_CHAIN_ID;
    const env = { ...baseEnv, LOCALHOST_RPC_URL: rpcUrl };
    const chain = await progress.step(`starting a Hardhat node on ${rpcUrl}`, async () => {
      const started = server("chain", [CLI.hardhat, "node", "--port", String(ports.chain!.port)], { cwd: root, env });
      await waitFor("the node answering JSON-RPC", async () => (await rpc<string>(rpcUrl, "eth_chainId", [], 2_000)) === "0x7a69", 60_000, started);
      return started;
    });
    watch(chain);

    const deploymentId = isolated ? `start-${process.pid}` : `chain-${LOCAL_CHAIN_ID}`;
    const deploymentDir = path.join(root, "deploy/deployments", deploymentId);
    deploymentFile = path.join(stateDir, "deployment.json");
    deployment = await progress.step("deploying the contracts with Ignition (deploy/modules/local.ts)", async () => {
      // A fresh node is a fresh chain: the previous local deployment's journal no longer applies.
      rmSync(deploymentDir, { recursive: true, force: true });
      if (isolated) scratchDeployment = deploymentDir;
      await hardhat("deploy", ["ignition", "deploy", "deploy/modules/local.ts", "--network", "localhost", "--build-profile", "default", "--deployment-id", deploymentId], env);
      const written: DeploymentFile = { chainId: LOCAL_CHAIN_ID, contracts: readDeployment(deploymentDir) };
      writeFileSync(deploymentFile, JSON.stringify(written, null, 2) + "\n");
      if (isolated) {
        rmSync(deploymentDir, { recursive: true, force: true });
        scratchDeployment = undefined;
      }
      return written;
    });

    await progress.step(isolated && existsSync(generated) ? "checking generated/crowdstake.ts" : "writing generated/crowdstake.ts (ABIs and addresses)", async () => {
      if (!isolated || !existsSync(generated)) await hardhat("export", ["deployment", "export"], env);
    });
  }

  // ---------------------------------------------------------------- the indexer and API
  const indexerEnv: NodeJS.ProcessEnv = {
    ...baseEnv,
    PONDER_TELEMETRY_DISABLED: "true",
    PONDER_RPC_URL: rpcUrl,
    PONDER_CHAIN_ID: String(chainId),
    DEPLOYMENT_JSON: deploymentFile,
    PGLITE_DIR: path.join(stateDir, "pglite"),
    OFFCHAIN_PGLITE_DIR: path.join(stateDir, "offchain"),
    PUBLIC_API_URL: apiUrl,
    WEB_URL: webUrl,
    CORS_ORIGINS: [...new Set(webOrigins.map((origin) => origin.trim()).filter(Boolean))].join(","),
    PONDER_POLLING_MS: process.env.PONDER_POLLING_MS || (existing ? undefined : "250"),
    LOG_LEVEL: process.env.LOG_LEVEL || "warn",
    NO_COLOR: "1",
  };
  if (indexerEnv.PONDER_POLLING_MS === undefined) delete indexerEnv.PONDER_POLLING_MS;
  // A fresh local chain needs a fresh index; on an existing chain the index is rebuilt too (any
  // change of the indexing code would make Ponder refuse the old one), the off-chain store is kept.
  rmSync(indexerEnv.PGLITE_DIR!, { recursive: true, force: true });
  if (!existing) rmSync(indexerEnv.OFFCHAIN_PGLITE_DIR!, { recursive: true, force: true });

  // Ponder takes a while to set up (PGlite, the API's store): it starts before the on-chain seed
  // and indexes the seed's blocks as they come.
  const indexer = server(
    "indexer",
    [CLI.ponder, "--log-level", process.env.PONDER_LOG_LEVEL || "info", "start", "--schema", "crowdstake", "--port", String(ports.api.port)],
    { cwd: path.join(root, "indexer"), env: indexerEnv },
  );
  watch(indexer);
  if (!existing) {
    await progress.step("seeding demo data on-chain (7 campaigns, 2 pools, payments; the indexer starts meanwhile)", async () => {
      await hardhat("seed", ["run", "--network", "localhost", "scripts/dev/seed.ts"], { ...baseEnv, LOCALHOST_RPC_URL: rpcUrl, DEPLOYMENT_JSON: deploymentFile });
    });
  }

  await progress.step(`waiting for the indexer and API on ${apiUrl} (Ponder, PGlite) to catch up`, async () => {
    await waitFor("the indexer being ready (/ready)", () => httpOk(`${apiUrl}/ready`), 300_000, indexer);
    // /ready means Ponder's backfill is done; the blocks after the chain's finalized one come
    // right after (one by one): wait until it has indexed the head.
    const head = Number(BigInt(await rpc<string>(rpcUrl, "eth_blockNumber")));
    await waitFor(
      `the indexer reaching block ${head}`,
      async () => {
        const status = (await (await fetch(`${apiUrl}/status`)).json()) as { main?: { block?: { number?: number } } };
        return (status.main?.block?.number ?? -1) >= head;
      },
      300_000,
      indexer,
    );
  });

  let checkout: { sessionId: string; paidSessionId?: string; apiKey: string; orderId: string } | undefined;
  if (!existing) {
    checkout = await progress.step("seeding off-chain demo data through the API (sessions, a card order)", async () => {
      const { seedOffchain } = await import("./seed-offchain.ts");
      const seeded = await seedOffchain(apiUrl, undefined, deployment.contracts.DevStablecoin?.address, {
        webUrl,
        rpcUrl,
        escrow: deployment.contracts.PaymentEscrow!.address,
      });
      return { sessionId: seeded.sessionId, paidSessionId: seeded.paidSessionId, apiKey: seeded.apiKey, orderId: seeded.orderId };
    });
  }

  // ---------------------------------------------------------------- the web app
  const web = await progress.step(`starting the web app on ${webUrl} (Vite)`, async () => {
    const started = server("web", [CLI.vite, "--port", String(ports.web.port), "--strictPort", "--host", "127.0.0.1"], {
      cwd: path.join(root, "web"),
      env: {
        ...baseEnv,
        CROWDSTAKE_CHAIN_ID: String(chainId),
        CROWDSTAKE_RPC_URL: rpcUrl,
        CROWDSTAKE_API_URL: apiUrl,
        DEPLOYMENT_JSON: deploymentFile,
        NO_COLOR: "1",
      },
    });
    const local = `http://127.0.0.1:${ports.web.port}`;
    await waitFor("the web app answering", async () => (await httpOk(`${local}/`)) && (await httpOk(`${local}/config.js`)), 120_000, started);
    return started;
  });
  watch(web);

  const links = await demoLinks(apiUrl).catch(() => ({ campaigns: {}, campaignCount: 0 }));
  printBanner({
    mode,
    readyInMs: progress.elapsedMs,
    webUrl,
    apiUrl,
    rpcUrl,
    chainId,
    deployment: { file: shortPath(deploymentFile), contracts: deployment.contracts },
    links,
    checkout,
    logDir: shortPath(logDir),
    pids: processes.pids(),
  });
  // From now on, show what the indexer and the web app say (the chain's log stays in its file).
  // (Ponder's info lines go to its log file; its warnings and the API's own log lines are shown.)
  indexer.echo("indexer │ ", (line) => !/^\d\d:\d\d:\d\d\.\d+ (INFO|DEBUG|TRACE)\b/.test(line));
  web.echo("web     │ ");
}

main().catch(async (error: unknown) => {
  if (shuttingDown) return;
  progress.stop();
  const failed = error instanceof StepFailed ? error : undefined;
  const cause = failed ? failed.reason : error;
  console.error(`\n✖ ${failed ? failed.message : cause instanceof Error ? cause.message : String(cause)}`);
  // The output of the process that failed (a deploy, a seed) or of a server that exited early.
  const culprits = new Set(servers.filter((managed) => managed.child.exitCode !== null || managed.child.signalCode !== null));
  if (cause instanceof ChildFailed) culprits.add(cause.managed);
  if (cause instanceof WaitFailed && cause.process) culprits.add(cause.process);
  for (const managed of culprits) console.error(`  last lines of ${managed.name} (full log: ${managed.logFile}):\n${indent(managed.tail())}`);
  await shutdown(1);
});
