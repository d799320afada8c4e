// Ignition module for a local or test chain: the core platform plus the development stablecoin
// (cUSD, 6 decimals, permit), owned by the deployer, who mints demo balances with it.
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import CoreModule from "./core.js";

export default buildModule("CrowdstakeLocal", (m) => {
  const core = m.useModule(CoreModule);
  const stablecoin = m.contract("DevStablecoin", [m.getAccount(0)]);
  return { ...core, stablecoin };
});
