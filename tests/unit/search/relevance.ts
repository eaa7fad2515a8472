import fs from "node:fs";
import type { SearchEngine } from "@/search/engine";

export type EvalCase = { q: string; expect: string[]; note?: string };
export type EvalResult = { top1: number; mrr5: number; negativePrecision: number; positives: number; negatives: number; misses: string[] };

export function readCases(file: string): EvalCase[] {
  return fs.readFileSync(file, "utf8").trim().split("\n").map((line) => JSON.parse(line));
}

/** Scores a query set the way `search-eval/README.md` defines it. */
export function evaluate(engine: SearchEngine, cases: EvalCase[]): EvalResult {
  const positives = cases.filter((c) => c.expect.length > 0);
  const negatives = cases.filter((c) => c.expect.length === 0);
  const misses: string[] = [];
  let top1 = 0;
  let mrr = 0;
  for (const c of positives) {
    const questions = engine.search(c.q, 5).map((h) => h.doc.question);
    const rank = questions.findIndex((q) => c.expect.includes(q));
    if (rank === 0) top1++;
    else misses.push(`${c.q} → ${questions[0] ?? "(nothing)"}${rank > 0 ? ` (expected at rank ${rank + 1})` : ""}`);
    if (rank >= 0) mrr += 1 / (rank + 1);
  }
  let empty = 0;
  for (const c of negatives) {
    const hits = engine.search(c.q);
    if (hits.length === 0) empty++;
    else misses.push(`${c.q} (negative) → ${hits[0].doc.question}`);
  }
  return {
    top1: top1 / Math.max(1, positives.length),
    mrr5: mrr / Math.max(1, positives.length),
    negativePrecision: negatives.length ? empty / negatives.length : 1,
    positives: positives.length,
    negatives: negatives.length,
    misses,
  };
}

export function formatResult(name: string, r: EvalResult): string {
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
  return `${name}: top-1 ${pct(r.top1)} (${r.positives} queries), MRR@5 ${r.mrr5.toFixed(3)}, negative precision ${pct(r.negativePrecision)} (${r.negatives})`;
}
