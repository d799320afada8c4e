// Web: runs `npm run bench:web` (web/scripts/bench-web.ts: builds the app, measures it against
// the whole stack, and writes its own <!-- bench:web --> block of docs/benchmarks.md), then reads
// that block's three headline lines back as Figures for the summary. index.ts leaves the block as
// the web script wrote it.
import { readFileSync } from "node:fs";
import { BENCHMARKS_DOC, type BenchSection, type Figure } from "./section.ts";
import { npmRun } from "./stack-run.ts";

/** A headline line of the web block, e.g. "- JS loaded by the landing page: **170.1 kB** gzipped (target ≤ 250 kB: met)". */
function figure(block: string, name: string, label: RegExp): Figure {
  const line = block.split("\n").find((text) => label.test(text));
  const match = line && /\*\*([\d.,]+)\s*([^*]*)\*\*.*\(target\s*(≤)?\s*([\d.,]+)/.exec(line);
  if (!match) throw new Error(`bench: the web block of docs/benchmarks.md lacks "${label.source}"`);
  const number = (text: string) => Number(text.replaceAll(",", ""));
  return { name, value: number(match[1]!), unit: match[2]!.trim() || "violations", target: { op: "<=", value: number(match[4]!) } };
}

export async function benchWeb(): Promise<BenchSection[]> {
  await npmRun("bench:web");
  const doc = readFileSync(BENCHMARKS_DOC, "utf8");
  const block = /<!-- bench:web:start -->([\s\S]*?)<!-- bench:web:end -->/.exec(doc)?.[1];
  if (!block) throw new Error("bench: npm run bench:web left no <!-- bench:web --> block in docs/benchmarks.md");
  return [
    {
      id: "web",
      title: "Web app (`npm run bench:web`)",
      figures: [
        figure(block, "JS loaded by the landing page, gzipped", /JS loaded by the landing page/),
        figure(block, "Largest contentful paint, slowest page", /Largest contentful paint/),
        figure(block, "axe-core serious + critical violations, all pages", /axe-core serious/),
      ],
      body: block,
    },
  ];
}
