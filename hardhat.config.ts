import { createRequire } from "node:module";
import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import { configVariable, defineConfig } from "hardhat/config";
import { crowdstakeTasks } from "./scripts/tasks/index.js";

// Hardhat cannot download solc on this machine: the `solc` npm package ships the
// compiler as wasm, and giving the profile a `path` makes Hardhat load it as solcjs.
const require = createRequire(import.meta.url);
const SOLJSON = require.resolve("solc/soljson.js");
const SOLC_VERSION: string = require("solc/package.json").version;

const compilerSettings = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: "cancun",
};

// A remote network is configured only from the environment (or Hardhat's keystore):
// `npx hardhat keystore set DEPLOYER_PRIVATE_KEY`, or export DEPLOYER_PRIVATE_KEY.
export default defineConfig({
  plugins: [hardhatToolboxMochaEthers],
  solidity: {
    profiles: {
      default: { version: SOLC_VERSION, path: SOLJSON, settings: compilerSettings },
      production: { version: SOLC_VERSION, path: SOLJSON, settings: compilerSettings },
    },
  },
  networks: {
    hardhatMainnet: { type: "edr-simulated", chainType: "l1" },
    localhost: { type: "http", chainType: "l1", url: process.env.LOCALHOST_RPC_URL ?? "http://127.0.0.1:8545" },
    remote: {
      type: "http",
      chainType: "l1",
      url: configVariable("RPC_URL"),
      accounts: [configVariable("DEPLOYER_PRIVATE_KEY")],
    },
  },
  paths: {
    // Ignition modules live in deploy/ and their deployments in deploy/deployments/.
    ignition: "deploy",
  },
  tasks: crowdstakeTasks,
  test: {
    solidity: { fuzz: { runs: 256 } },
  },
});
