// ABIs of the platform's contracts, from the generated module (never hand-written).
export {
  campaignAbi,
  campaignFactoryAbi,
  campaignTokenAbi,
  devStablecoinAbi,
  paymentEscrowAbi,
  stakingPoolAbi,
} from "../../../generated/crowdstake.ts";
import { erc20Abi } from "viem";
export { erc20Abi };
