import { network } from "hardhat";
import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type {
  FeeOnTransferToken,
  MockERC20,
  NoReturnToken,
  PaymentEscrow,
  ReentrantToken,
} from "../../types/ethers-contracts/index.js";
import { INTENT_TYPES, escrowDomain, newPaymentId, type PaymentIntent, type SplitArg } from "../../scripts/lib/eip712.js";

export { INTENT_TYPES };
export type { SplitArg };
export type Intent = PaymentIntent;
export const ZERO = "0x0000000000000000000000000000000000000000";
export const ZERO32 = "0x" + "00".repeat(32);
export const FEE_BPS = 250n;
export const DAY = 86_400n;

export enum Status {
  None,
  Held,
  Disputed,
  Released,
  Refunded,
  Resolved,
  Cancelled,
}


export const conn = await network.create();
export const { ethers, networkHelpers } = conn;

/** A fresh intent id bound to `merchant` (its top 20 bytes), as the escrow requires. */
export function newId(merchant: string): string {
  return newPaymentId(merchant);
}

export async function deployFixture() {
  const [admin, treasury, merchant, signer, payer, other, operator, arbiter, split1, split2] = await ethers.getSigners();
  const escrow = (await ethers.deployContract("PaymentEscrow", [admin.address, treasury.address, FEE_BPS])) as unknown as PaymentEscrow;
  const token = (await ethers.deployContract("MockERC20", ["USD Stable", "USDS", 18])) as unknown as MockERC20;
  const usdt = (await ethers.deployContract("NoReturnToken")) as unknown as NoReturnToken;
  const feeToken = (await ethers.deployContract("FeeOnTransferToken")) as unknown as FeeOnTransferToken;
  const reentrant = (await ethers.deployContract("ReentrantToken")) as unknown as ReentrantToken;
  const escrowAddress = await escrow.getAddress();
  const tokenAddress = await token.getAddress();
  await escrow.grantRole(await escrow.OPERATOR_ROLE(), operator.address);
  await escrow.grantRole(await escrow.ARBITER_ROLE(), arbiter.address);
  const big = ethers.parseEther("1000000");
  for (const acct of [payer, other, operator]) {
    await token.mint(acct.address, big);
    await token.connect(acct).approve(escrowAddress, big);
    await usdt.mint(acct.address, big);
    await usdt.connect(acct).approve(escrowAddress, big);
    await feeToken.mint(acct.address, big);
    await feeToken.connect(acct).approve(escrowAddress, big);
    await reentrant.mint(acct.address, big);
    await reentrant.connect(acct).approve(escrowAddress, big);
  }
  const { chainId } = await ethers.provider.getNetwork();
  const domain = escrowDomain(chainId, escrowAddress);
  return {
    escrow, token, usdt, feeToken, reentrant, escrowAddress, tokenAddress, domain, chainId,
    admin, treasury, merchant, signer, payer, other, operator, arbiter, split1, split2,
  };
}

export type Fixture = Awaited<ReturnType<typeof deployFixture>>;

export async function makeIntent(fx: Fixture, over: Partial<Intent> = {}): Promise<Intent> {
  const now = BigInt(await networkHelpers.time.latest());
  const merchant = over.merchant ?? fx.merchant.address;
  return {
    id: newId(merchant),
    merchant,
    token: fx.tokenAddress,
    amount: ethers.parseEther("100"),
    deadline: now + DAY,
    payer: ZERO,
    splits: [],
    metadataHash: ethers.keccak256(ethers.toUtf8Bytes("order #1")),
    ...over,
  };
}

export async function sign(fx: Fixture, by: HardhatEthersSigner, intent: Intent, domainOver: Record<string, unknown> = {}) {
  return by.signTypedData({ ...fx.domain, ...domainOver }, INTENT_TYPES, intent);
}

/** Pays `intent` signed by the merchant, from `from` (native value set automatically). */
export async function payIntent(fx: Fixture, intent: Intent, from: HardhatEthersSigner = fx.payer) {
  const sig = await sign(fx, fx.merchant, intent);
  const value = intent.token === ZERO ? intent.amount : 0n;
  return fx.escrow.connect(from).pay(intent, sig, { value });
}

/** Fee/split math as specified (PaymentMath): fee first, splits of the net, remainder to the merchant. */
export function divide(settled: bigint, feeBps: bigint, splits: SplitArg[]) {
  const fee = (settled * feeBps) / 10_000n;
  const net = settled - fee;
  const splitAmounts = splits.map((s) => (net * BigInt(s.bps)) / 10_000n);
  const merchantAmount = net - splitAmounts.reduce((a, b) => a + b, 0n);
  return { fee, merchantAmount, splitAmounts };
}


