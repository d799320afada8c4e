import path from "node:path";

export const INDEXER_ROOT = path.resolve(import.meta.dirname, "../..");
export const REPO_ROOT = path.resolve(INDEXER_ROOT, "..");
export const HARDHAT_CLI = path.join(REPO_ROOT, "node_modules/hardhat/dist/src/cli.js");
export const PONDER_CLI = path.join(REPO_ROOT, "node_modules/ponder/dist/esm/bin/ponder.js");
