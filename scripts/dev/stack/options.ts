// `npm start`'s options: the command line and the environment, validated before anything starts,
// with a message that names the bad option.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

export const USAGE = `Usage: npm start [-- options]

Runs the local system: a Hardhat node, the contracts (Ignition), demo data, the indexer/API and the
web app. Ctrl-C stops everything it started.

Options:
  --rpc-url <url>            use this chain instead of a local node (env START_RPC_URL); skips the
                             node, the deployment and the demo data
  --deployment <file.json>   the contracts on that chain (env DEPLOYMENT_JSON), required with --rpc-url:
                             {"chainId": 1, "contracts": {"CampaignFactory": {"address": "0x…", "startBlock": 123},
                              "PaymentEscrow": {"address": "0x…", "startBlock": 123}, "DevStablecoin"?: {…}}}
  -h, --help                 this text

Environment:
  CHAIN_PORT, API_PORT, WEB_PORT   preferred ports (8545, 42069, 5173); a busy one is replaced by the
                                   next free port, with a message
  WALLETCONNECT_PROJECT_ID         offer WalletConnect wallets in the web app (injected wallets work without)
  OPERATOR_PRIVATE_KEY, PLATFORM_SIGNER_PRIVATE_KEY
                                   required with --rpc-url on any chain but 31337 (passed to the indexer)
  START_STATE_DIR                  where it keeps the index, the deployment file and the logs
                                   (default indexer/.ponder/local, or indexer/.ponder/chain-<id> with --rpc-url)`;

export interface Deployed {
  address: string;
  startBlock: number;
}

export interface DeploymentFile {
  chainId: number;
  contracts: Record<string, Deployed>;
}

export type StartOptions =
  | { mode: "local"; help: false; ignoredDeployment?: string }
  | { mode: "existing"; help: false; rpcUrl: string; deploymentFile: string; deployment: DeploymentFile }
  | { mode: "help"; help: true };

export class OptionError extends Error {}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** Reads and checks a deployment file ({chainId, contracts: {Name: {address, startBlock}}}). */
export function readDeploymentFile(file: string, option = "--deployment"): DeploymentFile {
  if (!existsSync(file)) throw new OptionError(`${option}: ${file} does not exist`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new OptionError(`${option}: ${file} is not JSON (${(error as Error).message})`);
  }
  const value = parsed as { chainId?: unknown; contracts?: Record<string, { address?: unknown; startBlock?: unknown }> };
  if (typeof value !== "object" || value === null) throw new OptionError(`${option}: ${file} must hold an object {chainId, contracts}`);
  if (!Number.isSafeInteger(value.chainId) || (value.chainId as number) <= 0) {
    throw new OptionError(`${option}: ${file} needs "chainId", a positive integer`);
  }
  if (typeof value.contracts !== "object" || value.contracts === null) throw new OptionError(`${option}: ${file} needs "contracts"`);
  for (const name of ["CampaignFactory", "PaymentEscrow"]) {
    if (!value.contracts[name]) throw new OptionError(`${option}: ${file} lacks contracts.${name}`);
  }
  for (const [name, contract] of Object.entries(value.contracts)) {
    if (typeof contract?.address !== "string" || !ADDRESS.test(contract.address)) {
      throw new OptionError(`${option}: contracts.${name}.address in ${file} must be a 0x-prefixed 20-byte address`);
    }
    if (!Number.isSafeInteger(contract.startBlock) || (contract.startBlock as number) < 0) {
      throw new OptionError(`${option}: contracts.${name}.startBlock in ${file} must be a block number (the block it was deployed in)`);
    }
  }
  return value as DeploymentFile;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): StartOptions {
  let values: { "rpc-url"?: string; deployment?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { "rpc-url": { type: "string" }, deployment: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new OptionError(`${(error as Error).message} (npm start -- --help lists the options)`);
  }
  if (values.help) return { mode: "help", help: true };

  for (const name of ["CHAIN_PORT", "API_PORT", "WEB_PORT"]) {
    const port = env[name];
    if (port !== undefined && port !== "" && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65_535)) {
      throw new OptionError(`${name} must be a TCP port (1-65535), got "${port}"`);
    }
  }

  const rpcUrl = values["rpc-url"] ?? (env.START_RPC_URL || undefined);
  const rpcSource = values["rpc-url"] !== undefined ? "--rpc-url" : "START_RPC_URL";
  const deploymentFile = values.deployment ?? (env.DEPLOYMENT_JSON || undefined);
  const deploymentSource = values.deployment !== undefined ? "--deployment" : "DEPLOYMENT_JSON";

  if (rpcUrl === undefined) {
    if (values.deployment !== undefined) {
      throw new OptionError("--deployment needs --rpc-url <url>: without it npm start runs and deploys its own local chain");
    }
    return { mode: "local", help: false, ignoredDeployment: deploymentFile };
  }
  let url: URL;
  try {
    url = new URL(rpcUrl);
  } catch {
    throw new OptionError(`${rpcSource} must be an http(s) URL, got "${rpcUrl}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new OptionError(`${rpcSource} must be an http(s) URL, got "${rpcUrl}"`);
  if (deploymentFile === undefined) {
    throw new OptionError(`${rpcSource} needs --deployment <deployment.json> (or DEPLOYMENT_JSON): the contracts to index on that chain`);
  }
  const absolute = path.resolve(cwd, deploymentFile);
  return { mode: "existing", help: false, rpcUrl: rpcUrl.replace(/\/$/, ""), deploymentFile: absolute, deployment: readDeploymentFile(absolute, deploymentSource) };
}
