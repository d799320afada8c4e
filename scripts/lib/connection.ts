// Connects an admin CLI to the network chosen with `--network` and finds the platform's
// contracts in the generated deployment module (generated/crowdstake.ts).
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { ContractTransactionResponse } from "ethers";
import { cliError, parseAddress } from "./cli.js";

export type DeployedName = "CampaignFactory" | "PaymentEscrow" | "DevStablecoin";

export async function connect(hre: HardhatRuntimeEnvironment, signerOption: string) {
  // getOrCreate: a script or test that deployed on the in-process network shares that chain.
  const connection = await hre.network.getOrCreate();
  const { ethers } = connection;
  const signers = await ethers.getSigners();
  if (signers.length === 0) {
    throw cliError(`network "${connection.networkName}" has no accounts: set DEPLOYER_PRIVATE_KEY (README, "Networks")`);
  }
  const byIndex = /^\d+$/.test(signerOption) ? signers[Number(signerOption)] : undefined;
  const signer =
    byIndex ?? signers.find((candidate) => candidate.address.toLowerCase() === signerOption.toLowerCase());
  if (!signer) throw cliError(`--signer: "${signerOption}" is neither an account index nor one of the network's accounts`);
  const chainId = (await ethers.provider.getNetwork()).chainId;
  const latest = await ethers.provider.getBlock("latest");
  return { connection, ethers, signer, chainId, chainNow: BigInt(latest?.timestamp ?? Math.floor(Date.now() / 1000)) };
}

/** The address of a platform contract: the `--override` option if given, else the deployment's. */
export async function deployedAddress(chainId: bigint, name: DeployedName, override = ""): Promise<string> {
  if (override !== "") return parseAddress(name, override);
  let deployments: Record<string, { contracts: Record<string, { address: string }> }>;
  if (process.env.DEPLOYMENT_JSON) {
    // Another deployment than the generated module's (the indexer reads the same variable).
    const { readFileSync } = await import("node:fs");
    const file = JSON.parse(readFileSync(process.env.DEPLOYMENT_JSON, "utf8")) as { chainId: number; contracts: Record<string, { address: string }> };
    deployments = { [String(file.chainId)]: file };
  } else {
    try {
      ({ deployments } = await import("../../generated/crowdstake.js"));
    } catch {
      throw cliError("generated/crowdstake.ts is missing: deploy, then run `npx hardhat deployment export`");
    }
  }
  const address = deployments[chainId.toString()]?.contracts[name]?.address;
  if (!address) {
    throw cliError(`no ${name} deployed on chain ${chainId}: deploy with Ignition (README) or pass its address`);
  }
  return address;
}

/** Waits for a transaction and returns its receipt, failing with the hash if it reverted. */
export async function confirm(tx: ContractTransactionResponse, what: string) {
  const receipt = await tx.wait();
  if (!receipt || receipt.status !== 1) throw cliError(`${what} failed in transaction ${tx.hash}`);
  return receipt;
}

/** Contracts whose custom errors a revert may carry (a factory call can revert in a clone). */
const ERROR_SOURCES = ["CampaignFactory", "Campaign", "CampaignToken", "StakingPool", "PaymentEscrow", "DevStablecoin"];

/** The revert data inside an ethers error, wherever the provider put it. */
function revertData(error: unknown): string | undefined {
  for (let current: any = error, depth = 0; current && depth < 6; current = current.error ?? current.cause, depth++) {
    if (typeof current.data === "string" && current.data.startsWith("0x")) return current.data;
    if (typeof current.data?.data === "string") return current.data.data;
  }
  return undefined;
}

/**
 * Sends a transaction and waits for it. A revert becomes a CLI error naming the contract's
 * custom error and its arguments (decoded against every platform ABI), not a stack trace.
 */
export async function send(
  hre: HardhatRuntimeEnvironment,
  what: string,
  submit: () => Promise<ContractTransactionResponse>,
) {
  try {
    return await confirm(await submit(), what);
  } catch (error) {
    const data = revertData(error);
    if (data && data.length >= 10) {
      const { Interface } = await import("ethers");
      for (const name of ERROR_SOURCES) {
        const { abi } = await hre.artifacts.readArtifact(name);
        const parsed = new Interface(abi).parseError(data);
        if (parsed) {
          const args = parsed.args.map((value: unknown) => String(value)).join(", ");
          throw cliError(`${what} was refused by the contract: ${parsed.name}(${args})`);
        }
      }
    }
    if (error instanceof Error && error.name === "HardhatPluginError") throw error;
    throw cliError(`${what} failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
}
