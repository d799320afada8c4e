// One benchmark's result: the figures it prints and the section of docs/benchmarks.md it owns
// (between <!-- bench:<id>:start --> and <!-- bench:<id>:end -->). Benchmarks never fail on a
// missed target; they say "missed" and the note explains why.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";

export const BENCHMARKS_DOC = path.resolve(import.meta.dirname, "../../docs/benchmarks.md");

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** e.g. { op: "<=", value: 50 } for "p99 ≤ 50 ms"; absent when the figure has no target. */
  target?: { op: "<=" | ">="; value: number };
}

export interface BenchSection {
  /** Marker id in docs/benchmarks.md, e.g. "indexer-backfill". */
  id: string;
  /** The section's heading, e.g. "Indexer backfill". */
  title: string;
  /** The headline figures, printed and listed first in the section. */
  figures: Figure[];
  /** Markdown after the headline figures: method, tables, notes. */
  body: string;
}

export function met(figure: Figure): boolean | undefined {
  if (!figure.target) return undefined;
  return figure.target.op === "<=" ? figure.value <= figure.target.value : figure.value >= figure.target.value;
}

export function describeFigure(figure: Figure): string {
  const value = Number.isInteger(figure.value) ? figure.value.toLocaleString("en-US") : figure.value.toLocaleString("en-US", { maximumFractionDigits: 2 });
  const target = figure.target ? ` (target ${figure.target.op === "<=" ? "≤" : "≥"} ${figure.target.value.toLocaleString("en-US")} ${figure.unit}: ${met(figure) ? "met" : "missed"})` : "";
  return `${figure.name}: **${value} ${figure.unit}**${target}`;
}

/** This machine, for the page's "measured on" line. */
export function machine(): string {
  const cpu = cpus()[0]?.model?.trim() ?? "unknown CPU";
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export function renderSection(section: BenchSection): string {
  return [
    `<!-- bench:${section.id}:start -->`,
    `## ${section.title}`,
    "",
    ...section.figures.map((figure) => `- ${describeFigure(figure)}`),
    "",
    section.body.trim(),
    `<!-- bench:${section.id}:end -->`,
  ].join("\n");
}

/** Prints a section's figures. */
export function printSection(section: BenchSection): void {
  console.log(`\n${section.title}`);
  for (const figure of section.figures) console.log(`  ${describeFigure(figure).replaceAll("**", "")}`);
}

/** Replaces (or appends) the section's block in docs/benchmarks.md, keeping every other block. */
export function writeSection(section: BenchSection, doc = BENCHMARKS_DOC): void {
  const current = existsSync(doc) ? readFileSync(doc, "utf8") : "# Benchmarks\n";
  const block = renderSection(section);
  const pattern = new RegExp(`<!-- bench:${section.id}:start -->[\\s\\S]*?<!-- bench:${section.id}:end -->`);
  const next = pattern.test(current) ? current.replace(pattern, block) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(doc, next);
}

/** Percentile (0–100) of a list of numbers, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
