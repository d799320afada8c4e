import type { ContractTransactionResponse } from "ethers";

/** One measured operation: gas is the receipt's gasUsed (21,000 intrinsic included). */
export interface GasRow {
  /** table the row belongs to: "Campaigns", "Staking" or "Payments" */
  group: string;
  operation: string;
  gas: bigint;
  /** the reference figure this operation must not exceed, if it has one (DESIGN.md) */
  target?: bigint;
  /** where the target comes from, e.g. "Synthetix StakingRewards stake, first staker" */
  targetLabel?: string;
}

/** The gas of a transaction: its receipt's gasUsed, once mined. */
export async function gasOf(tx: Promise<ContractTransactionResponse>): Promise<bigint> {
  const receipt = await (await tx).wait();
  if (receipt === null) throw new Error("no receipt");
  return receipt.gasUsed;
}
