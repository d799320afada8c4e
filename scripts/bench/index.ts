// `npm run bench`: every benchmark of the project, one part after another (never in parallel: the
// machine has 2 cores and a part's figures would include another's load). Each part's sections
// are printed and written into docs/benchmarks.md, whose header names the machine and the date;
// a final summary lists every figure with met/missed. A benchmark never fails on a missed target;
// it fails only when a part cannot run.
//   node scripts/bench/index.ts [--only gas,indexer,realtime,onramp,web]
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { BENCHMARKS_DOC, describeFigure, machine, met, printSection, writeSection, type BenchSection } from "./section.ts";
import { stopSharedChain } from "./stack-chain.ts";

interface Part {
  name: string;
  run(): Promise<BenchSection[]>;
  /** The part's script writes its own block of docs/benchmarks.md (web): left as written. */
  ownBlock?: boolean;
}

// Imported when run, so that `--only` needs only the parts it names.
const PARTS: Part[] = [
  { name: "gas", run: async () => (await import("./gas.ts")).benchGas() },
  { name: "indexer", run: async () => (await import("./backfill.ts")).benchIndexer() },
  { name: "realtime", run: async () => (await import("./realtime.ts")).benchRealtime() },
  { name: "onramp", run: async () => (await import("./onramp.ts")).benchOnramp() },
  { name: "web", run: async () => (await import("./web.ts")).benchWeb(), ownBlock: true },
];

function selectedParts(argv: string[]): Part[] {
  const at = argv.indexOf("--only");
  const inline = argv.find((arg) => arg.startsWith("--only="));
  const list = inline ? inline.slice("--only=".length) : at >= 0 ? argv[at + 1] : undefined;
  if (list === undefined) return PARTS;
  const names = list.split(",").map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !PARTS.some((part) => part.name === name));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(`--only takes a comma-separated list of ${PARTS.map((part) => part.name).join(", ")}; got "${list}"`);
  }
  return PARTS.filter((part) => names.includes(part.name));
}

/** Rewrites everything above the first section block: the title, what the page is, the machine and the date. */
function writeHeader(parts: Part[]): void {
  const current = existsSync(BENCHMARKS_DOC) ? readFileSync(BENCHMARKS_DOC, "utf8") : "";
  const firstBlock = current.indexOf("<!-- bench:");
  const blocks = firstBlock >= 0 ? current.slice(firstBlock) : "";
  const all = parts.length === PARTS.length;
  const header = [
    "# Benchmarks",
    "",
    "Figures measured by `npm run bench` (scripts/bench/; `npm run bench -- --only gas,indexer,realtime,onramp,web` for some of its parts). " +
      "Each section is rewritten by the part named in it and says how it was measured. Benchmarks never fail on a missed target: they say \"missed\" and why.",
    "",
    `Last run: ${new Date().toISOString().slice(0, 10)}, ${all ? "every part" : `parts ${parts.map((part) => part.name).join(", ")}`}, on ${machine()}.`,
    "",
  ].join("\n");
  writeFileSync(BENCHMARKS_DOC, `${header}\n${blocks}`.trimEnd() + "\n");
}

const parts = selectedParts(process.argv.slice(2));
const results: { part: string; sections: BenchSection[]; error?: string; seconds: number }[] = [];
try {
  for (const part of parts) {
    console.log(`\n=== bench: ${part.name} ===`);
    const started = performance.now();
    try {
      const sections = await part.run();
      for (const section of sections) {
        printSection(section);
        if (!part.ownBlock) writeSection(section);
      }
      results.push({ part: part.name, sections, seconds: (performance.now() - started) / 1000 });
    } catch (error) {
      // One broken part must not cost the others' figures: report it and go on.
      console.error(`bench: ${part.name} failed:`, error);
      results.push({ part: part.name, sections: [], error: (error as Error).message?.split("\n")[0] ?? String(error), seconds: (performance.now() - started) / 1000 });
    }
  }
} finally {
  await stopSharedChain();
}
writeHeader(parts);

console.log("\n=== bench: summary ===");
console.log(machine());
for (const result of results) {
  console.log(`\n${result.part} (${result.seconds.toFixed(0)} s)${result.error ? `: FAILED: ${result.error}` : ""}`);
  for (const section of result.sections) {
    for (const figure of section.figures) {
      const verdict = met(figure);
      const mark = verdict === undefined ? "   -  " : verdict ? "  met " : "MISSED";
      console.log(`  ${mark} ${describeFigure(figure).replaceAll("**", "")}`);
    }
  }
}
const failed = results.filter((result) => result.error);
console.log(`\nwrote ${BENCHMARKS_DOC}${failed.length ? `; ${failed.length} part(s) could not run: ${failed.map((result) => result.part).join(", ")}` : ""}`);
process.exitCode = failed.length > 0 ? 1 : 0;
