// `npm run coverage`: runs every test (TypeScript and Solidity) under Hardhat's coverage
// instrumentation and fails unless each production contract reaches 100% of lines and of
// statements. Hardhat writes statement figures only to its console table (lcov has lines
// only), so the table is read from the run's output. Test-only contracts (contracts/test/)
// and Solidity test files (*.t.sol) are not production code and are left out of the gate.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const REQUIRED = 100;
const extraArgs = process.argv.slice(2);
// Hardhat's own CLI on this Node (node_modules/.bin need not be on PATH).
const hardhatCli = fileURLToPath(new URL("../../node_modules/hardhat/dist/src/cli.js", import.meta.url));
const child = spawn(process.execPath, [hardhatCli, "test", "--coverage", ...extraArgs], { stdio: ["ignore", "pipe", "inherit"] });
let output = "";
child.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  output += chunk.toString();
});
const code = await new Promise((resolve) => child.on("close", resolve));
if (code !== 0) {
  console.error(`\n[coverage] the tests failed (exit ${code})`);
  process.exit(code ?? 1);
}

const plain = output.replace(/\x1b\[[0-9;]*m/g, "");
mkdirSync("coverage", { recursive: true });
writeFileSync("coverage/summary.txt", plain);
const rows = [...plain.matchAll(/║\s*(contracts\/\S+\.sol)\s*│\s*([\d.]+)\s*│\s*([\d.]+)\s*│\s*([^║]*)║/g)]
  .map(([, file, lines, statements, uncovered]) => ({ file, lines: Number(lines), statements: Number(statements), uncovered: uncovered.trim() }))
  .filter(({ file }) => !file.startsWith("contracts/test/") && !file.endsWith(".t.sol"));

if (rows.length === 0) {
  console.error("[coverage] no coverage table found in Hardhat's output");
  process.exit(1);
}
const short = rows.filter((row) => row.lines < REQUIRED || row.statements < REQUIRED);
for (const row of short) {
  console.error(`[coverage] ${row.file}: lines ${row.lines}%, statements ${row.statements}% (uncovered lines: ${row.uncovered})`);
}
if (short.length > 0) {
  console.error(`[coverage] ${short.length} production contract(s) below ${REQUIRED}% — the gate fails`);
  process.exit(1);
}
console.log(`[coverage] ${rows.length} production contracts at ${REQUIRED}% of lines and statements`);
