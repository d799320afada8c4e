// A browser wallet without an extension (TOOLCHAIN.md "Web"): an EIP-1193 provider injected
// into the page, announced by EIP-6963 and set as window.ethereum, whose requests are answered
// here in Node by a Hardhat test account through viem: signatures and transactions are signed
// with its key, reads go to the node. RainbowKit sees it as an installed wallet ("Test Wallet"),
// so the tests drive the app's real injected-wallet path.
import { createWalletClient, http, numberToHex, type Hex } from "viem";
import { mnemonicToAccount, type HDAccount } from "viem/accounts";
import { hardhat } from "viem/chains";
import type { BrowserContext, Page } from "playwright-core";

const MNEMONIC = "test test test test test test test test test test test junk";
const SIGNING = new Set(["eth_sendTransaction", "personal_sign", "eth_signTypedData_v4", "eth_requestAccounts", "wallet_requestPermissions"]);
type RpcError = { code: number; message: string; data?: unknown };

/** Runs in the page before any of its scripts. */
function injectedProvider(): void {
  const listeners: Record<string, Set<(...args: unknown[]) => void>> = {};
  const provider = {
    isTestWallet: true,
    async request({ method, params }: { method: string; params?: unknown[] }) {
      const answer = JSON.parse(await (window as any).__testWalletRequest(JSON.stringify({ method, params: params ?? [] })));
      if (answer.error) throw Object.assign(new Error(answer.error.message), answer.error);
      return answer.result;
    },
    on(event: string, listener: (...args: unknown[]) => void) {
      (listeners[event] ??= new Set()).add(listener);
      return provider;
    },
    removeListener(event: string, listener: (...args: unknown[]) => void) {
      listeners[event]?.delete(listener);
      return provider;
    },
    emit(event: string, ...args: unknown[]) {
      listeners[event]?.forEach((listener) => listener(...args));
    },
  };
  const info = {
    uuid: "5b6f6d6e-2d74-6573-742d-77616c6c6574",
    name: "Test Wallet",
    rdns: "dev.crowdstake.testwallet",
    icon: "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAzMiAzMiI+PHJlY3Qgd2lkdGg9IjMyIiBoZWlnaHQ9IjMyIiByeD0iOCIgZmlsbD0iIzNhM2FkNiIvPjwvc3ZnPg==",
  };
  const announce = () => window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info, provider }) }));
  window.addEventListener("eip6963:requestProvider", announce);
  (window as any).ethereum = provider;
  (window as any).__testWallet = provider;
  announce();
}

export class TestWallet {
  account: HDAccount;
  chainId: number;
  /** Every method the page asked for, in order (for assertions). */
  readonly requests: string[] = [];
  /** The methods refused because of rejectNext(), in order. */
  readonly refused: string[] = [];
  private rejections = 0;
  private authorized = false;
  private pages: Page[] = [];
  private readonly rpcUrl: string;

  constructor(rpcUrl: string, accountIndex: number, chainId = 31337) {
    this.rpcUrl = rpcUrl;
    this.account = mnemonicToAccount(MNEMONIC, { addressIndex: accountIndex });
    this.chainId = chainId;
  }

  get address(): Hex {
    return this.account.address;
  }

  /** The next signing request (transaction, signature or connection) is refused like a user would (EIP-1193 code 4001). */
  rejectNext(count = 1): void {
    this.rejections += count;
  }

  /** Switches to another test account, as a user would in their wallet. */
  async useAccount(accountIndex: number): Promise<void> {
    this.account = mnemonicToAccount(MNEMONIC, { addressIndex: accountIndex });
    await this.emit("accountsChanged", [this.address]);
  }

  /** Moves the wallet to another chain, as a user would in their wallet. */
  async setChain(chainId: number): Promise<void> {
    this.chainId = chainId;
    await this.emit("chainChanged", numberToHex(chainId));
  }

  async install(context: BrowserContext): Promise<void> {
    await context.exposeFunction("__testWalletRequest", async (json: string) => {
      const { method, params } = JSON.parse(json) as { method: string; params: unknown[] };
      this.requests.push(method);
      try {
        return JSON.stringify({ result: await this.handle(method, params) }, (_key, value) => (typeof value === "bigint" ? numberToHex(value) : value));
      } catch (error) {
        const rpc = error as Partial<RpcError> & { details?: string; shortMessage?: string };
        return JSON.stringify({ error: { code: rpc.code ?? -32603, message: rpc.shortMessage ?? rpc.message ?? String(error), data: rpc.data } });
      }
    });
    await context.addInitScript(injectedProvider);
    context.on("page", (page) => this.pages.push(page));
    this.pages.push(...context.pages());
  }

  private async emit(event: string, ...args: unknown[]): Promise<void> {
    for (const page of this.pages) {
      if (!page.isClosed()) await page.evaluate(([name, values]) => (window as any).__testWallet?.emit(name, ...values), [event, args] as const);
    }
  }

  private async handle(method: string, params: unknown[]): Promise<unknown> {
    if (SIGNING.has(method) && this.rejections > 0) {
      this.rejections--;
      this.refused.push(method);
      throw { code: 4001, message: "User rejected the request." } satisfies RpcError;
    }
    switch (method) {
      case "eth_requestAccounts":
      case "wallet_requestPermissions":
        this.authorized = true;
        return method === "eth_requestAccounts" ? [this.address] : [{ parentCapability: "eth_accounts" }];
      case "eth_accounts":
        // As a real wallet: no accounts for a site until the user has connected it once.
        return this.authorized ? [this.address] : [];
      case "eth_chainId":
        return numberToHex(this.chainId);
      case "net_version":
        return String(this.chainId);
      case "wallet_switchEthereumChain": {
        await this.setChain(Number((params[0] as { chainId: Hex }).chainId));
        return null;
      }
      case "wallet_addEthereumChain":
        return null;
      case "wallet_getPermissions":
        return this.authorized ? [{ parentCapability: "eth_accounts" }] : [];
      case "personal_sign":
        return this.account.signMessage({ message: { raw: params[0] as Hex } });
      case "eth_signTypedData_v4": {
        const typed = JSON.parse(params[1] as string);
        delete typed.types.EIP712Domain;
        return this.account.signTypedData(typed);
      }
      case "eth_sendTransaction": {
        const tx = params[0] as { to?: Hex; data?: Hex; value?: Hex; gas?: Hex };
        const client = createWalletClient({ account: this.account, chain: hardhat, transport: http(this.rpcUrl) });
        return client.sendTransaction({
          to: tx.to,
          data: tx.data,
          value: tx.value ? BigInt(tx.value) : undefined,
          gas: tx.gas ? BigInt(tx.gas) : undefined,
        } as never);
      }
      default:
        return this.forward(method, params);
    }
  }

  /** Reads (eth_call, eth_getBalance…) go to the node as they are. */
  private async forward(method: string, params: unknown[]): Promise<unknown> {
    const response = await fetch(this.rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
    const body = (await response.json()) as { result?: unknown; error?: RpcError };
    if (body.error) throw body.error;
    return body.result;
  }
}
