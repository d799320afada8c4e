// The pool's ABI plus the staking token's custom errors, so a stake that fails inside the token
// (allowance, balance, permit) is decoded to a readable message too.
import { campaignTokenAbi, stakingPoolAbi } from "../lib/contracts.ts";

const tokenErrors = campaignTokenAbi.filter((item) => item.type === "error");
export const poolWriteAbi = [...stakingPoolAbi, ...tokenErrors] as const;
