import { createHash } from "node:crypto";
import fs from "node:fs";
import type { SearchEngine } from "../../src/search/engine";

export type EvalCase = { q: string; expect: string[]; note?: string };
export type EvalResult = {
  /** Share of positive queries whose first result is expected. */
  top1: number;
  /** Mean of 1/rank of the first expected result within the first five (0 if none). */
  mrr5: number;
  /** Share of positive queries with an expected result within the first five. */
  recall5: number;
  /** Share of positive queries that got no result at all. */
  empty: number;
  /** Share of negative queries answered with no result. */
  negativePrecision: number;
  positives: number;
  negatives: number;
  misses: string[];
  /** Positive queries with no result whose expected question is among the "possibly related". */
  relatedRight: number;
  /** Negative queries with no result that are offered "possibly related" questions. */
  negativesRelated: number;
  /** Top-1 by kind of query (`note`'s first word): `[right, all, empty]`. */
  kinds: Record<string, [number, number, number]>;
};

export function readCases(file: string): EvalCase[] {
  return fs.readFileSync(file, "utf8").trim().split("\n").map((line) => JSON.parse(line));
}

/**
 * The fixed split of every blind set: a query belongs to the held-out half when the first byte of
 * its SHA-256 is odd. Tune on the other half only; report both.
 */
export function half(c: EvalCase): "tuning" | "held-out" {
  return createHash("sha256").update(c.q).digest()[0] & 1 ? "held-out" : "tuning";
}

/**
 * Question texts compared as `search-eval/README.md` says (and its scorer does): without anchors,
 * leading numbers, spaces, punctuation and entities, one containing the other.
 */
const loose = (s: string) =>
  s
    .replace(/\[([^\]]*)\]\(id:[^)]*\)/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/^\s*\d+\s*[.、:：]?\s*/, "")
    .replace(/[\s？?。，,、：:（）()'"“”‘’]/g, "")
    .toLowerCase();
export function sameQuestion(a: string, b: string): boolean {
  const x = loose(a);
  const y = loose(b);
  return x.length > 0 && y.length > 0 && (x === y || x.includes(y) || y.includes(x));
}

/** Scores a query set the way `search-eval/README.md` defines it. */
export function evaluate(engine: SearchEngine, cases: EvalCase[]): EvalResult {
  const r: EvalResult = { top1: 0, mrr5: 0, recall5: 0, empty: 0, negativePrecision: 1, positives: 0, negatives: 0, relatedRight: 0, negativesRelated: 0, misses: [], kinds: {} };
  let negativesEmpty = 0;
  for (const c of cases) {
    const { hits, related } = engine.searchWithRelated(c.q);
    const questions = hits.map((h) => h.doc.question);
    const expected = (q: string) => c.expect.some((e) => sameQuestion(q, e));
    if (c.expect.length === 0) {
      r.negatives++;
      if (related.length > 0) r.negativesRelated++;
      if (hits.length === 0) negativesEmpty++;
      else r.misses.push(`${c.q} (negative) → ${questions[0]}`);
      continue;
    }
    r.positives++;
    const rank = questions.slice(0, 5).findIndex(expected);
    const kind = (r.kinds[(c.note ?? "other").split(/[ :(]/)[0]] ??= [0, 0, 0]);
    kind[1]++;
    if (rank === 0) {
      r.top1++;
      kind[0]++;
    } else r.misses.push(`${c.q} → ${questions[0] ?? "(nothing)"}${rank > 0 ? ` (expected at rank ${rank + 1})` : ""}  [${c.note ?? ""}] want: ${c.expect[0]}`);
    if (rank >= 0) {
      r.mrr5 += 1 / (rank + 1);
      r.recall5++;
    }
    if (hits.length === 0) {
      r.empty++;
      kind[2]++;
      if (related.some((h) => expected(h.doc.question))) r.relatedRight++;
    }
  }
  const n = Math.max(1, r.positives);
  return { ...r, top1: r.top1 / n, mrr5: r.mrr5 / n, recall5: r.recall5 / n, empty: r.empty / n, negativePrecision: r.negatives ? negativesEmpty / r.negatives : 1 };
}

export function formatResult(name: string, r: EvalResult): string {
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
  return `${name}: top-1 ${pct(r.top1)}, MRR@5 ${r.mrr5.toFixed(3)}, recall@5 ${pct(r.recall5)}, no result ${pct(r.empty)} (${r.positives} positive); negatives empty ${pct(r.negativePrecision)} (${r.negatives})`;
}

export function formatRelated(r: EvalResult): string {
  const empty = Math.round(r.empty * r.positives);
  return `when nothing answers: the right question among the possibly related for ${r.relatedRight} of ${empty}; negatives offered possibly related: ${r.negativesRelated} of ${r.negatives}`;
}

export function formatKinds(r: EvalResult): string {
  return Object.entries(r.kinds)
    .map(([k, [right, all, empty]]) => `${k} ${right}/${all}${empty ? ` (${empty} empty)` : ""}`)
    .join(", ");
}

/**
 * The evaluation sets and the content each runs on. Blind sets were written from the pages by people
 * who had not seen the engine, before tuning; they are split by `half`. Public sets come from
 * `shared/search-eval/` (copied, so `npm test` needs nothing outside the repository) and are never
 * tuned on. `corpus-fresh` was written the same way at stop 22, after the engine was built, and is
 * never tuned on either. `corpus-cases` is the set the earlier engine was tuned on.
 */
export type EvalSet = { name: string; file: string; content: string; split: boolean; neverTuned?: boolean };
export const EVAL_SETS: EvalSet[] = [
  { name: "seed public", file: "tests/fixtures/search-eval/seed-public.jsonl", content: "content", split: false, neverTuned: true },
  { name: "seed blind", file: "tests/fixtures/search-eval/seed-blind.jsonl", content: "content", split: true },
  { name: "corpus blind", file: "tests/fixtures/search-eval/corpus-blind.jsonl", content: "tests/fixtures/qcloud-faq", split: true },
  { name: "corpus public", file: "tests/fixtures/search-eval/corpus-public.jsonl", content: "tests/fixtures/qcloud-faq", split: false, neverTuned: true },
  { name: "corpus fresh", file: "tests/fixtures/search-eval/corpus-fresh.jsonl", content: "tests/fixtures/qcloud-faq", split: false, neverTuned: true },
  { name: "corpus cases (earlier tuning)", file: "tests/fixtures/search-eval/corpus-cases.jsonl", content: "tests/fixtures/search-corpus", split: false },
];

/** A set's cases as they are scored: whole, or one half of a blind set. */
export function evalParts(set: EvalSet): { name: string; cases: EvalCase[]; tuning: boolean }[] {
  const cases = readCases(set.file);
  if (!set.split) return [{ name: set.name, cases, tuning: !set.neverTuned }];
  return (["tuning", "held-out"] as const).map((h) => ({ name: `${set.name}, ${h} half`, cases: cases.filter((c) => half(c) === h), tuning: h === "tuning" }));
}
