// A real JSON-RPC chain for a test suite: `hardhat node` on a free port with the platform
// deployed by the local Ignition module (the same one `npm start` uses), plus viem clients for
// Hardhat's funded test accounts and the node's test methods (time, mining, snapshots).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  type Address,
  type Hex,
  type PublicClient,
  type TestClient,
  type WalletClient,
} from "viem";
import { mnemonicToAccount, type HDAccount } from "viem/accounts";
import { hardhat as hardhatChain } from "viem/chains";
import { readDeployment } from "../../../scripts/tasks/export-deployment.ts";
import { freePort, waitFor } from "./wait.ts";
import { HARDHAT_CLI, REPO_ROOT } from "./paths.ts";

const MNEMONIC = "test test test test test test test test test test test junk";

/** Clients for a running chain: what a test needs to read, write and move time. */
export interface ChainClients {
  rpcUrl: string;
  addresses: { CampaignFactory: Address; PaymentEscrow: Address; DevStablecoin: Address };
  public: PublicClient;
  test: TestClient;
  /** Hardhat's test accounts: 0 deployer/admin/operator/platform signer, 1.. users. */
  accounts: HDAccount[];
  wallet(index: number): WalletClient & { account: HDAccount };
  /** Sends a contract write from account `index` and waits for it to be mined (throws on revert). */
  write(index: number, request: { address: Address; abi: readonly unknown[]; functionName: string; args?: readonly unknown[]; value?: bigint }): Promise<{ hash: Hex; blockNumber: bigint }>;
}

export interface Chain extends ChainClients {
  /** File for the indexer's DEPLOYMENT_JSON: this chain's addresses and start blocks. */
  deploymentJson: string;
  /** Runs the demo seed of `npm start` (scripts/dev/seed.ts) against this chain. */
  seed(): Promise<string>;
  stop(): Promise<void>;
}

/** Clients for the chain at `rpcUrl` with the platform at `contracts` (a DEPLOYMENT_JSON's). */
export function connectChain(rpcUrl: string, contracts: Record<string, { address: string }>): ChainClients {
  const publicClient = createPublicClient({ chain: hardhatChain, transport: http(rpcUrl) });
  const accounts = Array.from({ length: 20 }, (_, index) => mnemonicToAccount(MNEMONIC, { addressIndex: index }));
  const wallets = accounts.map((account) => createWalletClient({ account, chain: hardhatChain, transport: http(rpcUrl) }));
  const testClient = createTestClient({ mode: "hardhat", chain: hardhatChain, transport: http(rpcUrl) });
  const address = (name: string) => contracts[name]!.address as Address;
  return {
    rpcUrl,
    addresses: { CampaignFactory: address("CampaignFactory"), PaymentEscrow: address("PaymentEscrow"), DevStablecoin: address("DevStablecoin") },
    public: publicClient as PublicClient,
    test: testClient as unknown as TestClient,
    accounts,
    wallet: (index) => wallets[index]! as WalletClient & { account: HDAccount },
    async write(index, request) {
      const wallet = wallets[index]!;
      const { request: simulated } = await publicClient.simulateContract({ ...(request as object), account: wallet.account } as never);
      const hash = await wallet.writeContract(simulated as never);
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      if (receipt.status !== "success") throw new Error(`${request.functionName} reverted in ${hash}`);
      return { hash, blockNumber: receipt.blockNumber };
    },
  };
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HARDHAT_CLI, ...args], { cwd: REPO_ROOT, env: { ...process.env, FORCE_COLOR: "0", ...env } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => (code === 0 ? resolve(output) : reject(new Error(`hardhat ${args.join(" ")} exited ${code}:\n${output}`))));
  });
}

export async function startChain(): Promise<Chain> {
  const port = await freePort();
  const rpcUrl = `http://127.0.0.1:${port}`;
  const node: ChildProcess = spawn(process.execPath, [HARDHAT_CLI, "node", "--port", String(port)], { cwd: REPO_ROOT, stdio: "ignore" });
  const publicClient = createPublicClient({ chain: hardhatChain, transport: http(rpcUrl) });
  await waitFor(() => publicClient.getChainId(), "the hardhat node to answer", 60_000);

  const deploymentId = `test-${process.pid}-${port}`;
  const deploymentDir = path.join(REPO_ROOT, "deploy/deployments", deploymentId);
  const scratch = mkdtempSync(path.join(tmpdir(), "crowdstake-chain-"));
  try {
    await run(
      ["ignition", "deploy", "deploy/modules/local.ts", "--network", "localhost", "--build-profile", "default", "--deployment-id", deploymentId],
      { LOCALHOST_RPC_URL: rpcUrl },
    );
  } catch (error) {
    node.kill("SIGKILL");
    throw error;
  }
  const contracts = readDeployment(deploymentDir);
  rmSync(deploymentDir, { recursive: true, force: true });
  const deploymentJson = path.join(scratch, "deployment.json");
  writeFileSync(deploymentJson, JSON.stringify({ chainId: 31337, contracts }, null, 2));

  return {
    ...connectChain(rpcUrl, contracts),
    deploymentJson,
    seed: () => run(["run", "--network", "localhost", "scripts/dev/seed.ts"], { LOCALHOST_RPC_URL: rpcUrl, DEPLOYMENT_JSON: deploymentJson }),
    async stop() {
      node.kill("SIGTERM");
      await new Promise((resolve) => (node.exitCode !== null ? resolve(null) : node.once("exit", resolve)));
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
