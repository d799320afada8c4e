// The benchmark's chain: a real `hardhat node` with the platform deployed, then a generated
// history of tens of thousands of indexed events across campaigns (active, successful with
// pools, failed, cancelled, scheduled, draft), staking pools and the payment escrow (instant and
// escrowed merchants: releases, refunds, disputes), by hundreds of accounts. Deterministic keys
// and amounts, so every run builds the same history. `scale` shrinks it for a quick try.
import { encodeFunctionData, numberToHex, parseEventLogs, type Abi, type AbiFunction, type Address, type Hex } from "viem";
import { startChain, type Chain } from "../../indexer/test/harness/chain.ts";
import { campaignFactoryAbi, campaignAbi, campaignTokenAbi, devStablecoinAbi, paymentEscrowAbi, stakingPoolAbi } from "../../generated/crowdstake.ts";
import { INTENT_TYPES } from "../lib/eip712-types.ts";
import { NO_POOL, poolConfig, ZERO_ADDRESS } from "../lib/pool-config.ts";
import { TEST_ACCOUNTS } from "../dev/accounts.ts";
import { seeded } from "../../indexer/test/harness/seeded-random.ts";
import { createRpc, type Rpc } from "./lib-rpc.ts";
import { benchKey, createSender, walletOf, type Sender, type Wallet } from "./lib-sender.ts";
import { handledEvents, type IndexedContract } from "./lib-handled-events.ts";

export interface HistoryOptions {
  /** 1 = the full history (~75,000 indexed events, ~110,000 indexer rows); smaller for a quick try. */
  scale?: number;
  log?: (line: string) => void;
}

export interface History {
  chain: Chain;
  /** Indexed events (logs the real indexer has a handler for), in all and per Contract:Event. */
  events: number;
  eventsByKind: Record<string, number>;
  transactions: number;
  blocks: number;
  /** Empty blocks mined on top (Ponder's finality window). */
  trailingBlocks: number;
  head: bigint;
  /** Node start and deployment. */
  setupMs: number;
  /** Generating the history (signing, sending, mining). */
  generationMs: number;
  accounts: number;
  campaigns: number;
  pools: number;
  merchants: number;
  /** The user with the most activity (the account dashboard's subject). */
  busyAccount: Address;
  /** The merchant with the most payments (the merchant page's subject). */
  busyMerchant: Address;
}

const DAY = 86_400;
/** Ponder's finality depth for chain 31337 (ponder/dist/esm/utils/finality.js: the default 30). */
const FINALITY_BLOCKS = 30;
const cusd = (whole: number) => BigInt(Math.round(whole * 100)) * 10_000n;
const ether = (milli: number) => BigInt(milli) * 10n ** 15n;
const MAX = 2n ** 256n - 1n;

// Gas limits per call (docs/gas.md's measured gas with headroom); blocks are packed by them.
const GAS = { mint: 90_000n, approve: 70_000n, create: 1_300_000n, createPool: 900_000n, launch: 120_000n, notify: 250_000n, contribute: 160_000n, pay: 260_000n, release: 160_000n, refund: 120_000n, dispute: 120_000n, resolve: 200_000n, claim: 160_000n, stake: 220_000n, reward: 180_000n, withdraw: 150_000n, owner: 120_000n };

/** Encoders by function name, built once (viem would search the ABI on every call). */
function encoder(abi: Abi, name: string) {
  const item = abi.find((entry): entry is AbiFunction => entry.type === "function" && entry.name === name);
  if (!item) throw new Error(`no function ${name}`);
  return (...args: unknown[]): Hex => encodeFunctionData({ abi: [item], args } as never);
}

const call = {
  mint: encoder(devStablecoinAbi, "mint"),
  approve: encoder(devStablecoinAbi, "approve"),
  approveToken: encoder(campaignTokenAbi, "approve"),
  createCampaign: encoder(campaignFactoryAbi, "createCampaign"),
  createPool: encoder(campaignFactoryAbi, "createPool"),
  launch: encoder(campaignAbi, "launch"),
  contribute: encoder(campaignAbi, "contribute"),
  contributeNative: encoder(campaignAbi, "contributeNative"),
  finalize: encoder(campaignAbi, "finalize"),
  cancel: encoder(campaignAbi, "cancel"),
  claimTokens: encoder(campaignAbi, "claimTokens"),
  refund: encoder(campaignAbi, "refund"),
  notify: encoder(stakingPoolAbi, "notifyRewardAmount"),
  stake: encoder(stakingPoolAbi, "stake"),
  getReward: encoder(stakingPoolAbi, "getReward"),
  withdraw: encoder(stakingPoolAbi, "withdraw"),
  pay: encoder(paymentEscrowAbi, "pay"),
  release: encoder(paymentEscrowAbi, "release"),
  refundPayment: encoder(paymentEscrowAbi, "refund"),
  openDispute: encoder(paymentEscrowAbi, "openDispute"),
  resolveDispute: encoder(paymentEscrowAbi, "resolveDispute"),
  setReleaseDelay: encoder(paymentEscrowAbi, "setReleaseDelay"),
  setSigner: encoder(paymentEscrowAbi, "setSigner"),
};


type Kind = "active" | "successful" | "failed" | "cancelled" | "scheduled" | "draft";
interface CampaignSpec {
  kind: Kind;
  native: boolean;
  name: string;
  /** Pool options for a successful campaign's staking pool. */
  vesting?: boolean;
}

function campaignSpecs(): CampaignSpec[] {
  const specs: CampaignSpec[] = [];
  for (let i = 0; i < 12; i++) specs.push({ kind: "active", native: false, name: `Active cUSD ${i + 1}` });
  for (let i = 0; i < 4; i++) specs.push({ kind: "active", native: true, name: `Active ETH ${i + 1}` });
  for (let i = 0; i < 4; i++) specs.push({ kind: "successful", native: false, name: `Funded ${i + 1}`, vesting: i === 3 });
  for (let i = 0; i < 2; i++) specs.push({ kind: "failed", native: false, name: `Short ${i + 1}` });
  specs.push({ kind: "cancelled", native: false, name: "Cancelled" });
  specs.push({ kind: "scheduled", native: false, name: "Later" });
  specs.push({ kind: "draft", native: false, name: "Draft" });
  return specs;
}

interface Deployed extends CampaignSpec {
  address: Address;
  token: Address;
  pool: Address | undefined;
  owner: Wallet;
  backers: Set<Wallet>;
}

async function blockInfo(rpc: Rpc, tag = "latest") {
  const block = await rpc.call<{ number: Hex; timestamp: Hex; gasLimit: Hex }>("eth_getBlockByNumber", [tag, false]);
  return { number: BigInt(block.number), timestamp: BigInt(block.timestamp), gasLimit: BigInt(block.gasLimit) };
}

export async function generateHistory(options: HistoryOptions = {}): Promise<History> {
  const scale = options.scale ?? 1;
  const log = options.log ?? (() => undefined);
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  const rand = seeded(20_261_201);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

  const setupStarted = performance.now();
  const chain = await startChain();
  const setupMs = performance.now() - setupStarted;
  try {
    const started = performance.now();
    const cpuAtStart = process.cpuUsage();
    const rpc = createRpc(chain.rpcUrl);
    const { CampaignFactory: factory, PaymentEscrow: escrow, DevStablecoin: stablecoin } = chain.addresses;
    await rpc.call("evm_setAutomine", [false]);
    const genesis = await blockInfo(rpc);
    const sender: Sender = createSender(rpc, { blockGasLimit: genesis.gasLimit, blockSpacing: 600, startTime: genesis.timestamp });
    const t0 = Number(genesis.timestamp);
    // Events each sent transaction must emit (checked against the chain at the end: a reverted
    // transaction would silently thin the history).
    const expected: Record<string, number> = {};
    const tx = (kind: string | undefined, from: Wallet, to: Address, data: Hex, gas: bigint, value?: bigint) => {
      if (kind) expected[kind] = (expected[kind] ?? 0) + 1;
      return sender.send(from, to, data, gas, value);
    };

    // ---------------------------------------------------------------- accounts
    const deployer = walletOf(TEST_ACCOUNTS[0]!.key);
    deployer.nonce = Number(await rpc.call<Hex>("eth_getTransactionCount", [deployer.address, "latest"]));
    const owners = Array.from({ length: 4 }, (_, i) => walletOf(benchKey(`owner-${i}`)));
    const merchants = Array.from({ length: 5 }, (_, i) => walletOf(benchKey(`merchant-${i}`)));
    const users = Array.from({ length: n(500) }, (_, i) => walletOf(benchKey(`user-${i}`)));
    const busy = users[0]!;
    const everyone = [...owners, ...merchants, ...users];
    await rpc.batch(everyone.map((wallet) => ({ method: "hardhat_setBalance", params: [wallet.address, numberToHex(10n ** 22n)] })));
    log(`history: ${everyone.length} funded accounts`);

    // ---------------------------------------------------------------- campaigns, pools, merchants
    for (const wallet of [...owners, ...users]) await tx(undefined, deployer, stablecoin, call.mint(wallet.address, cusd(owners.includes(wallet) ? 10_000_000 : wallet === busy ? 5_000_000 : 1_000_000)), GAS.mint);
    const specs = campaignSpecs();
    for (const [index, spec] of specs.entries()) {
      const start = spec.kind === "scheduled" ? t0 + 60 * DAY : t0;
      const end = spec.kind === "failed" ? t0 + 3 * DAY : start + 30 * DAY;
      const goal = spec.native ? ether(100_000 * scale) : spec.kind === "successful" ? cusd(2_000 * scale) : spec.kind === "failed" ? cusd(1e9) : cusd(60_000 * scale);
      const owner = owners[index % owners.length]!;
      const params = {
        owner: owner.address,
        start: BigInt(start),
        asset: spec.native ? ZERO_ADDRESS : stablecoin,
        end: BigInt(end),
        goal,
        cap: 0n,
        minContribution: spec.native ? ether(1) : cusd(1),
        maxPerBacker: 0n,
        rate: spec.native ? 10n ** 20n : 10n ** 30n, // 100 tokens per ETH, 1 token per cUSD
        metadataURI: `data:application/json,${JSON.stringify({ name: spec.name, description: `Benchmark campaign ${spec.name}` })}`,
      };
      const pool = spec.kind === "successful" ? poolConfig({ rewardsToken: stablecoin, admin: owner.address, rewardsDuration: BigInt(30 * DAY), vestingDuration: spec.vesting ? BigInt(7 * DAY) : 0n }) : NO_POOL;
      await tx("CampaignFactory:CampaignCreated", deployer, factory, call.createCampaign(params, spec.name, `B${index}`, spec.kind === "successful", pool), GAS.create);
    }
    await tx("CampaignFactory:PoolCreated", deployer, factory, call.createPool(poolConfig({ stakingToken: stablecoin, rewardsToken: stablecoin, admin: owners[0]!.address, rewardsDuration: BigInt(30 * DAY) })), GAS.createPool);
    await sender.flush();

    const factoryLogs = await rpc.call<{ topics: [Hex, ...Hex[]]; data: Hex; address: Address; blockNumber: Hex; transactionHash: Hex; logIndex: Hex; blockHash: Hex; transactionIndex: Hex; removed: boolean }[]>("eth_getLogs", [{ address: factory, fromBlock: "0x0", toBlock: "latest" }]);
    const parsed = parseEventLogs({ abi: campaignFactoryAbi, logs: factoryLogs as never });
    const created = parsed.filter((entry) => entry.eventName === "CampaignCreated").map((entry) => entry.args as { campaign: Address; token: Address; pool: Address });
    const standalonePool = parsed.filter((entry) => entry.eventName === "PoolCreated").map((entry) => entry.args as { pool: Address; campaign: Address }).find((entry) => entry.campaign === ZERO_ADDRESS)!.pool;
    if (created.length !== specs.length || !standalonePool) throw new Error(`history: expected ${specs.length} campaigns and a standalone pool, saw ${created.length}`);
    const campaigns: Deployed[] = specs.map((spec, index) => ({
      ...spec,
      address: created[index]!.campaign,
      token: created[index]!.token,
      pool: spec.kind === "successful" ? created[index]!.pool : undefined,
      owner: owners[index % owners.length]!,
      backers: new Set<Wallet>(),
    }));
    const pools = [standalonePool, ...campaigns.flatMap((campaign) => (campaign.pool ? [campaign.pool] : []))];

    for (const campaign of campaigns) if (campaign.kind !== "draft") await tx("Campaign:Launched", campaign.owner, campaign.address, call.launch(), GAS.launch);
    // Rewards: each pool streams 1,000,000 cUSD over 30 days, notified by its admin.
    const poolAdmins = [owners[0]!, ...campaigns.filter((campaign) => campaign.pool).map((campaign) => campaign.owner)];
    for (const [index, pool] of pools.entries()) {
      const admin = poolAdmins[index]!;
      await tx(undefined, admin, stablecoin, call.approve(pool, MAX), GAS.approve);
      await tx("StakingPool:RewardAdded", admin, pool, call.notify(cusd(1_000_000 * scale)), GAS.notify);
    }
    // The busy merchant holds payments for a day and lets a second key sign; the rest settle at once.
    const [shop, ...instantShops] = merchants as [Wallet, ...Wallet[]];
    await tx("PaymentEscrow:ReleaseDelaySet", shop, escrow, call.setReleaseDelay(DAY), GAS.owner);
    await tx("PaymentEscrow:SignerSet", shop, escrow, call.setSigner(walletOf(benchKey("shop-signer")).address, true), GAS.owner);

    // Who backs what: every user backs the campaigns that will end (so claims and refunds are
    // many) and about a quarter of the long-running ones; allowances first.
    const open = campaigns.filter((campaign) => campaign.kind !== "draft" && campaign.kind !== "scheduled");
    const backs = new Map<Wallet, Deployed[]>();
    for (const [i, user] of users.entries()) {
      const list = open.filter((campaign, j) => campaign.kind !== "active" || user === busy || (i + j) % 4 === 0);
      backs.set(user, list);
      for (const campaign of list) if (!campaign.native) await tx(undefined, user, stablecoin, call.approve(campaign.address, MAX), GAS.approve);
      await tx(undefined, user, stablecoin, call.approve(escrow, MAX), GAS.approve);
      await tx(undefined, user, stablecoin, call.approve(standalonePool, MAX), GAS.approve);
    }
    await sender.flush();
    log(`history: set up ${campaigns.length} campaigns, ${pools.length} pools (${Math.round(performance.now() - started)} ms)`);

    // ---------------------------------------------------------------- phase 1: contributions, payments, stakes
    const contributions = n(15_000);
    const payments = n(24_000);
    const stakes = n(3_000);
    const steps = Math.max(contributions, payments, stakes);
    const domain = { name: "Crowdstake PaymentEscrow", version: "1", chainId: 31337, verifyingContract: escrow } as const;
    const splits = [{ recipient: owners[3]!.address, bps: 500 }, { recipient: merchants[3]!.address, bps: 1_000 }];
    const deadline = BigInt(t0 + 365 * DAY);
    let salt = 0n;
    const shopPayments: { id: Hex; payer: Wallet; amount: bigint }[] = [];
    const poolStakers = new Set<Wallet>();
    for (let step = 0; step < steps; step++) {
      if (step < contributions) {
        const user = step % 25 === 0 ? busy : users[step % users.length]!;
        const campaign = pick(backs.get(user)!);
        campaign.backers.add(user);
        if (campaign.native) await tx("Campaign:Contributed", user, campaign.address, call.contributeNative(), GAS.contribute, ether(5 + Math.floor(rand() * 200)));
        else await tx("Campaign:Contributed", user, campaign.address, call.contribute(cusd(5 + Math.floor(rand() * 95))), GAS.contribute);
      }
      if (step < payments) {
        const payer = step % 50 === 0 ? busy : users[(step * 7) % users.length]!;
        const merchant = step % 12 < 5 ? shop : instantShops[step % instantShops.length]!;
        const native = step % 10 === 9;
        const amount = native ? ether(1 + Math.floor(rand() * 50)) : cusd(1 + Math.floor(rand() * 80));
        salt += 1n;
        const intent = {
          id: `${merchant.address.toLowerCase()}${salt.toString(16).padStart(24, "0")}` as Hex,
          merchant: merchant.address,
          token: native ? ZERO_ADDRESS : stablecoin,
          amount,
          deadline,
          payer: ZERO_ADDRESS as Address,
          splits: merchant === instantShops[instantShops.length - 1] ? splits : [],
          metadataHash: `0x${salt.toString(16).padStart(64, "0")}` as Hex,
        };
        const signature = await merchant.account.signTypedData({ domain, types: INTENT_TYPES, primaryType: "PaymentIntent", message: intent as never });
        await tx("PaymentEscrow:PaymentReceived", payer, escrow, call.pay(intent, signature), GAS.pay, native ? amount : 0n);
        if (merchant === shop) shopPayments.push({ id: intent.id, payer, amount });
        else expected["PaymentEscrow:PaymentReleased"] = (expected["PaymentEscrow:PaymentReleased"] ?? 0) + 1; // settles at once
      }
      if (step < stakes) {
        const user = step % 20 === 0 ? busy : users[(step * 3) % users.length]!;
        await tx("StakingPool:Staked", user, standalonePool, call.stake(cusd(10 + Math.floor(rand() * 90))), GAS.stake);
        poolStakers.add(user);
      }
    }
    await sender.flush();
    log(`history: phase 1 done, ${sender.stats().transactions} transactions (${Math.round(performance.now() - started)} ms)`);

    // ---------------------------------------------------------------- phase 2: ends and disputes
    for (const campaign of campaigns) {
      if (campaign.kind === "successful") await tx("Campaign:Finalized", campaign.owner, campaign.address, call.finalize(), GAS.owner);
      if (campaign.kind === "cancelled") await tx("Campaign:Cancelled", campaign.owner, campaign.address, call.cancel(), GAS.owner);
    }
    // Disputes within the window: the latest payments are the youngest.
    const disputed = shopPayments.slice(-n(150));
    for (const payment of disputed) await tx("PaymentEscrow:DisputeOpened", payment.payer, escrow, call.openDispute(payment.id), GAS.dispute);
    await sender.flush();

    // ---------------------------------------------------------------- phase 3: after the failed campaigns' end
    const failedEnd = t0 + 3 * DAY;
    sender.advance(Math.max(0, failedEnd - Number(sender.nextTime())) + 3_600);
    const settled = shopPayments.slice(0, shopPayments.length - disputed.length);
    const refunded = settled.slice(0, n(1_000));
    const released = settled.slice(refunded.length, refunded.length + n(5_000));
    for (const campaign of campaigns) {
      for (const backer of campaign.backers) {
        if (campaign.kind === "successful") {
          await tx("Campaign:TokensClaimed", backer, campaign.address, call.claimTokens(), GAS.claim);
          await tx(undefined, backer, campaign.token, call.approveToken(campaign.pool!, MAX), GAS.approve);
        }
        if (campaign.kind === "failed" || campaign.kind === "cancelled") await tx("Campaign:Refunded", backer, campaign.address, call.refund(), GAS.refund);
      }
    }
    for (const payment of refunded) await tx("PaymentEscrow:PaymentRefunded", shop, escrow, call.refundPayment(payment.id, payment.amount), GAS.refund);
    for (const payment of released) await tx("PaymentEscrow:PaymentReleased", shop, escrow, call.release(payment.id), GAS.release);
    for (const [index, payment] of disputed.entries()) {
      if (index % 2 === 0) await tx("PaymentEscrow:DisputeResolved", deployer, escrow, call.resolveDispute(payment.id, payment.amount / 2n), GAS.resolve);
    }
    for (const user of poolStakers) await tx(undefined, user, standalonePool, call.getReward(), GAS.reward);
    await sender.flush();

    // ---------------------------------------------------------------- phase 4: stake the claimed tokens
    for (let round = 0; round < 3; round++) {
      for (const campaign of campaigns.filter((entry) => entry.pool)) {
        for (const backer of campaign.backers) await tx("StakingPool:Staked", backer, campaign.pool!, call.stake(10n ** 18n), GAS.stake);
      }
    }
    await sender.flush();

    // ---------------------------------------------------------------- phase 5: rewards and withdrawals
    for (const campaign of campaigns.filter((entry) => entry.pool)) {
      for (const backer of campaign.backers) await tx(undefined, backer, campaign.pool!, call.getReward(), GAS.reward);
    }
    for (const user of poolStakers) {
      await tx(undefined, user, standalonePool, call.getReward(), GAS.reward);
      await tx("StakingPool:Withdrawn", user, standalonePool, call.withdraw(cusd(1)), GAS.withdraw);
    }
    await sender.flush();
    // Ponder backfills blocks older than its finality window (30 blocks on chain 31337) with its
    // historical sync and takes the newest 30 one by one through its realtime sync (minutes for
    // blocks this full). Empty blocks on top put the whole history in the backfill, as on a chain
    // whose history is older than the window.
    const last = Number(sender.nextTime());
    for (let i = 0; i < FINALITY_BLOCKS + 2; i++) await rpc.call("evm_mine", [last + i * 12]);
    const generationMs = performance.now() - started;

    const head = await blockInfo(rpc);
    const contractOf = new Map<string, IndexedContract>([[factory.toLowerCase(), "CampaignFactory"], [escrow.toLowerCase(), "PaymentEscrow"]]);
    for (const campaign of campaigns) contractOf.set(campaign.address.toLowerCase(), "Campaign");
    for (const pool of pools) contractOf.set(pool.toLowerCase(), "StakingPool");
    const eventsByKind = await countIndexedEvents(rpc, contractOf, head.number);
    const events = Object.values(eventsByKind).reduce((sum, count) => sum + count, 0);
    const short = Object.entries(expected).filter(([kind, count]) => (eventsByKind[kind] ?? 0) < count);
    if (short.length > 0) throw new Error(`history: transactions reverted: ${short.map(([kind, count]) => `${kind} ${eventsByKind[kind] ?? 0} of ${count}`).join(", ")}`);
    const { transactions, blocks } = sender.stats();
    const cpu = process.cpuUsage(cpuAtStart);
    log(`history: ${events} indexed events in ${transactions} transactions, ${blocks} blocks, ${(generationMs / 1000).toFixed(1)} s (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU in this process)`);
    return {
      chain,
      events,
      eventsByKind,
      transactions,
      blocks,
      trailingBlocks: FINALITY_BLOCKS + 2,
      head: head.number,
      setupMs,
      generationMs,
      accounts: everyone.length,
      campaigns: campaigns.length,
      pools: pools.length,
      merchants: merchants.length,
      busyAccount: busy.address.toLowerCase() as Address,
      busyMerchant: shop.address.toLowerCase() as Address,
    };
  } catch (error) {
    await chain.stop();
    throw error;
  }
}

/** Logs of the indexed contracts that the real indexer handles, per Contract:Event. */
async function countIndexedEvents(rpc: Rpc, contractOf: Map<string, IndexedContract>, head: bigint): Promise<Record<string, number>> {
  const handled = new Map(handledEvents().map((entry) => [`${entry.contract}:${entry.selector}`, `${entry.contract}:${entry.event}`]));
  const counts: Record<string, number> = {};
  const addresses = [...contractOf.keys()];
  for (let from = 0n; from <= head; from += 100n) {
    const to = from + 99n < head ? from + 99n : head;
    const logs = await rpc.call<{ address: string; topics: Hex[] }[]>("eth_getLogs", [{ address: addresses, fromBlock: numberToHex(from), toBlock: numberToHex(to) }]);
    for (const entry of logs) {
      const kind = handled.get(`${contractOf.get(entry.address.toLowerCase())}:${entry.topics[0]}`);
      if (kind) counts[kind] = (counts[kind] ?? 0) + 1;
    }
  }
  return counts;
}

// Alone: `node scripts/bench/history.ts [scale]` generates the history, prints its counts and stops.
if (import.meta.main) {
  const history = await generateHistory({ scale: Number(process.argv[2] ?? 1), log: console.log });
  const { chain, ...rest } = history;
  console.log(rest);
  await chain.stop();
}
