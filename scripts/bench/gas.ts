// Gas: runs `npm run gas` (scripts/gas/report.ts prints its tables and regenerates docs/gas.md),
// then reads docs/gas.md back, the one rendering of its tables, rather than re-measuring.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { BenchSection } from "./section.ts";
import { npmRun } from "./stack-run.ts";

const GAS_DOC = path.resolve(import.meta.dirname, "../../docs/gas.md");

interface Row {
  area: string;
  cells: string[];
}

/** The table rows of docs/gas.md, each with its "## Area". */
function rows(doc: string): Row[] {
  const found: Row[] = [];
  let area = "";
  for (const line of doc.split("\n")) {
    if (line.startsWith("## ")) area = line.slice(3).trim();
    else if (line.startsWith("| ") && !line.startsWith("| operation ")) found.push({ area, cells: line.slice(1, -1).split(" | ").map((cell) => cell.trim()) });
  }
  return found;
}

/** The notifyRewardAmount rows pull the rewards themselves, where Synthetix has them sent first: its like-for-like rows say whether that is all. */
function notifyNote(over: Row[], targeted: Row[]): string {
  if (!over.some((row) => row.cells[0]!.startsWith("notifyRewardAmount"))) return "";
  const likeForLike = targeted.filter((row) => row.cells[0]!.includes("like-for-like"));
  if (likeForLike.length === 0 || likeForLike.some((row) => row.cells[3]!.includes("over"))) return "";
  return " The `notifyRewardAmount` rows pull the reward tokens themselves where Synthetix expects them sent beforehand; with that transfer counted (the like-for-like rows) they are under target.";
}

export async function benchGas(): Promise<BenchSection[]> {
  await npmRun("gas");
  const doc = readFileSync(GAS_DOC, "utf8");
  const all = rows(doc);
  const targeted = all.filter((row) => row.cells[2] !== "");
  const over = targeted.filter((row) => row.cells[3]!.includes("over"));
  const measured = /^Measured .*$/m.exec(doc)?.[0] ?? "";
  const body = [
    `Method: \`npm run gas\` (scripts/gas/); its full tables, every operation of every contract, are in [docs/gas.md](gas.md). ${measured}`,
    "Targets (DESIGN.md): each staking operation ≤ the same step of Synthetix `StakingRewards`; a payment that settles at once ≤ Coinbase Commerce `Transfers`; an escrowed payment plus its release ≤ 1.6× it. The operations with a target:",
    "",
    "| area | operation | gas | target | vs target |",
    "|---|---|---:|---|---:|",
    ...targeted.map((row) => `| ${row.area} | ${row.cells.join(" | ")} |`),
    "",
    over.length === 0
      ? "Every operation with a target is within it."
      : `Over target: ${over.map((row) => row.cells[0]).join("; ")}.${notifyNote(over, targeted)} See docs/contracts.md.`,
  ].join("\n");
  return [
    {
      id: "gas",
      title: "Gas (`npm run gas`)",
      figures: [
        { name: "Operations over their gas target", value: over.length, unit: "operations", target: { op: "<=", value: 0 } },
        { name: "Operations with a gas target", value: targeted.length, unit: "operations" },
        { name: "Operations measured", value: all.length, unit: "operations" },
      ],
      body,
    },
  ];
}
