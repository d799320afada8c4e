// Gas of the PaymentEscrow's user operations, measured as receipt.gasUsed (21,000 included),
// against DESIGN.md's Coinbase Commerce `Transfers` figures. `npx hardhat run scripts/gas/payments.ts`
// prints the table; scripts/gas/report.ts imports measurePayments.
import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { ZeroAddress, type ContractTransactionResponse } from "ethers";
import { gasOf, type GasRow } from "./types.js";
import { formatGasTable } from "./format.js";
import type { MockERC20, PaymentEscrow } from "../../types/ethers-contracts/index.js";
import { INTENT_TYPES, escrowDomain, newPaymentId, signPermit, type PaymentIntent } from "../lib/eip712.js";

const GROUP = "Payments";
const COINBASE_ERC20_FIRST = 140_689n;
const COINBASE_ERC20_STEADY = 106_489n;
const COINBASE_NATIVE = 85_188n;
const ESCROW_FACTOR = (x: bigint) => (x * 16n) / 10n;
const ZERO = ZeroAddress;
// A fixed deadline (2100-01-01) keeps the calldata, hence the gas, independent of the clock.
const DEADLINE = 4_102_444_800n;



export async function measurePayments(ethers: HardhatEthers): Promise<GasRow[]> {
  const [admin, treasury, m0, m1, m2, alice, bob, s1, s2] = await ethers.getSigners();
  const escrow = (await ethers.deployContract("PaymentEscrow", [admin.address, treasury.address, 100])) as unknown as PaymentEscrow;
  const token = (await ethers.deployContract("MockERC20", ["USD Stable", "USDS", 18])) as unknown as MockERC20;
  const escrowAddress = await escrow.getAddress();
  const tokenAddress = await token.getAddress();
  const { chainId } = await ethers.provider.getNetwork();
  const domain = escrowDomain(chainId, escrowAddress);
  let counter = 0;
  const intent = (merchant: HardhatEthersSigner, tokenAddr: string, amount: bigint, splits: PaymentIntent["splits"] = []): PaymentIntent => ({
    // merchant-bound id with a fixed salt (reproducible calldata): 96 low bits of keccak("gas-n")
    id: newPaymentId(merchant.address, BigInt(ethers.keccak256(ethers.toUtf8Bytes(`gas-${counter++}`))) & ((1n << 96n) - 1n)),
    merchant: merchant.address,
    token: tokenAddr,
    amount,
    deadline: DEADLINE,
    payer: ZERO,
    splits,
    metadataHash: ethers.keccak256(ethers.toUtf8Bytes("order")),
  });
  const sign = (merchant: HardhatEthersSigner, i: PaymentIntent) => merchant.signTypedData(domain, INTENT_TYPES, i);
  const amount = ethers.parseEther("100");
  for (const payer of [alice, bob]) {
    await token.mint(payer.address, ethers.parseEther("1000000"));
    await token.connect(payer).approve(escrowAddress, ethers.parseEther("1000000"));
  }
  const rows: GasRow[] = [];
  const row = (operation: string, gas: bigint, target?: bigint, targetLabel?: string) =>
    rows.push({ group: GROUP, operation, gas, ...(target === undefined ? {} : { target, targetLabel }) });

  // Warm-up, a live escrow's normal state: the treasury has fees credited in both currencies, the
  // token is registered and the escrow holds a payment in it (m0 escrows with a 30-day delay).
  let i = intent(m0, tokenAddress, amount);
  await (await escrow.connect(bob).pay(i, await sign(m0, i))).wait();
  i = intent(m0, ZERO, amount);
  await (await escrow.connect(bob).pay(i, await sign(m0, i), { value: amount })).wait();
  await (await escrow.connect(m0).setReleaseDelay(30 * 86_400)).wait();
  i = intent(m0, tokenAddress, amount);
  await (await escrow.connect(bob).pay(i, await sign(m0, i))).wait();

  // Settled at once (release delay 0).
  i = intent(m1, tokenAddress, amount);
  row("pay ERC-20, settles at once, first payment to this merchant", await gasOf(escrow.connect(alice).pay(i, await sign(m1, i))), COINBASE_ERC20_FIRST, "Coinbase Transfers ERC-20, first to merchant");
  i = intent(m1, tokenAddress, amount);
  row("pay ERC-20, settles at once, steady state", await gasOf(escrow.connect(alice).pay(i, await sign(m1, i))), COINBASE_ERC20_STEADY, "Coinbase Transfers ERC-20, steady state");
  i = intent(m1, ZERO, amount);
  row("pay native, settles at once", await gasOf(escrow.connect(alice).pay(i, await sign(m1, i), { value: amount })), COINBASE_NATIVE, "Coinbase Transfers native");
  i = intent(m1, tokenAddress, amount);
  {
    const deadline = DEADLINE;
    const sig = await signPermit(token, alice, escrowAddress, amount, deadline);
    row("payWithPermit ERC-20, settles at once", await gasOf(escrow.connect(alice).payWithPermit(i, await sign(m1, i), deadline, sig.v, sig.r, sig.s)));
    // the permit replaced alice's allowance with exactly `amount`, now spent: approve again
    await (await token.connect(alice).approve(escrowAddress, ethers.parseEther("1000000"))).wait();
  }

  // Escrowed (release delay 1 day): pay, then release by the merchant.
  await (await escrow.connect(m2).setReleaseDelay(86_400)).wait();
  i = intent(m2, tokenAddress, amount);
  await (await escrow.connect(bob).pay(i, await sign(m2, i))).wait(); // registers the token, warms m2
  await (await escrow.connect(m2).release(i.id)).wait();
  const escrowed = async (label: string, tokenAddr: string, splits: PaymentIntent["splits"], target: bigint, targetLabel: string) => {
    const it = intent(m2, tokenAddr, amount, splits);
    const value = tokenAddr === ZERO ? amount : 0n;
    const payGas = await gasOf(escrow.connect(alice).pay(it, await sign(m2, it), { value }));
    const releaseGas = await gasOf(escrow.connect(m2).release(it.id));
    row(`escrowed pay ${label}`, payGas);
    row(`release ${label}`, releaseGas);
    row(`escrowed pay + release ${label}`, payGas + releaseGas, target, targetLabel);
  };
  await escrowed("ERC-20, 0 splits", tokenAddress, [], ESCROW_FACTOR(COINBASE_ERC20_STEADY), "1.6 × Coinbase ERC-20 steady state");
  // split recipients already hold the token (steady state)
  await token.mint(s1.address, 1n);
  await token.mint(s2.address, 1n);
  await escrowed("ERC-20, 2 splits", tokenAddress, [{ recipient: s1.address, bps: 1000 }, { recipient: s2.address, bps: 500 }], ESCROW_FACTOR(COINBASE_ERC20_STEADY), "1.6 × Coinbase ERC-20 steady state");
  await escrowed("native, 0 splits", ZERO, [], ESCROW_FACTOR(COINBASE_NATIVE), "1.6 × Coinbase native");

  // Refunds and disputes on escrowed ERC-20 payments.
  i = intent(m2, tokenAddress, amount);
  await (await escrow.connect(alice).pay(i, await sign(m2, i))).wait();
  row("refund ERC-20, partial", await gasOf(escrow.connect(m2).refund(i.id, amount / 4n)));
  row("refund ERC-20, full (rest)", await gasOf(escrow.connect(m2).refund(i.id, amount - amount / 4n)));
  i = intent(m2, tokenAddress, amount);
  await (await escrow.connect(alice).pay(i, await sign(m2, i))).wait();
  row("openDispute", await gasOf(escrow.connect(alice).openDispute(i.id)));
  await (await escrow.grantRole(await escrow.ARBITER_ROLE(), admin.address)).wait();
  row("resolveDispute ERC-20 (half to payer)", await gasOf(escrow.connect(admin).resolveDispute(i.id, amount / 2n)));
  i = intent(m2, tokenAddress, amount);
  row("cancelIntent (merchant, unpaid id)", await gasOf(escrow.connect(m2).cancelIntent(i.id)));
  return rows;
}

if (process.argv.some((arg) => arg.endsWith("scripts/gas/payments.ts"))) {
  const { network } = await import("hardhat");
  const { ethers } = await network.create();
  console.log(formatGasTable(await measurePayments(ethers)));
}
