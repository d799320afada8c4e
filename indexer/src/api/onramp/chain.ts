// The chain side of the on-ramp: the platform's addresses (the same deployment Ponder indexes),
// the operator's clients, and revert decoding to the contracts' custom error names.
import {
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createWalletClient,
  decodeErrorResult,
  defineChain,
  http,
  isHex,
  type Abi,
  type Address,
  type Hex,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import ponderConfig from "../../../ponder.config.js";
import { campaignAbi, campaignFactoryAbi, devStablecoinAbi, paymentEscrowAbi } from "../../../../generated/crowdstake.js";
import type { Config } from "../config.js";

export const FACTORY: Address = ponderConfig.contracts.CampaignFactory.address;
export { escrowAddress as ESCROW } from "../merchants/onchain.js";
export const NATIVE: Address = "0x0000000000000000000000000000000000000000";

/** Every custom error the settlement calls can raise (the campaign bubbles the factory's up). */
const ERRORS = [...campaignAbi, ...campaignFactoryAbi, ...paymentEscrowAbi, ...devStablecoinAbi].filter((item) => item.type === "error") as Abi;

export function operatorClients(config: Config) {
  const chain = defineChain({
    id: config.PONDER_CHAIN_ID,
    name: `chain ${config.PONDER_CHAIN_ID}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [config.rpcUrl] } },
  });
  const account = privateKeyToAccount(config.operatorKey);
  // No retries inside viem: the relayer's own backoff owns retrying, and records each attempt.
  const transport = http(config.RELAYER_RPC_URL ?? config.rpcUrl, { retryCount: 0, timeout: 20_000 });
  return {
    account,
    chain,
    // viem polls every 4 s by default: a receipt would wait up to 4 s after its block.
    public: createPublicClient({ chain, transport, pollingInterval: config.WORKER_POLL_MS }),
    wallet: createWalletClient({ account, chain, transport }),
  };
}

function describe(errorName: string, args: readonly unknown[] | undefined): string {
  return `${errorName}(${(args ?? []).map((arg) => String(arg)).join(", ")})`;
}

/** Decodes raw revert data with the platform's error ABIs. */
export function decodeRevertData(data: Hex): string {
  try {
    const decoded = decodeErrorResult({ abi: ERRORS, data });
    return describe(decoded.errorName, decoded.args as readonly unknown[] | undefined);
  } catch {
    return data === "0x" ? "reverted without data" : `unknown revert ${data.slice(0, 10)}`;
  }
}

/**
 * The contract's custom error when `error` is a revert (e.g. "OnrampRefUsed(0x…)"), undefined
 * when it is anything else (an RPC failure worth retrying).
 */
export function revertOf(error: unknown): string | undefined {
  if (!(error instanceof BaseError)) return undefined;
  const reverted = error.walk((cause) => cause instanceof ContractFunctionRevertedError) as ContractFunctionRevertedError | null;
  if (reverted) {
    if (reverted.raw && reverted.raw !== "0x") return decodeRevertData(reverted.raw);
    if (reverted.data?.errorName) return describe(reverted.data.errorName, reverted.data.args);
    return reverted.reason ?? "execution reverted";
  }
  const withData = error.walk((cause) => isHex((cause as { data?: unknown }).data) && ((cause as { data: Hex }).data.length >= 10)) as { data?: Hex } | null;
  if (withData?.data) return decodeRevertData(withData.data);
  const execution = error.walk((cause) => (cause as { name?: string }).name === "ExecutionRevertedError");
  return execution ? "execution reverted" : undefined;
}
