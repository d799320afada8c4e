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
