import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { SearchEngine } from "@/search/engine";
import { EVAL_SETS, evalParts, evaluate, formatResult, type EvalResult } from "../../../scripts/lib/search-eval";
import { contentEngine } from "./seed-index";

/**
 * The quality gate, on the sets we may tune on (the tuning halves of the blind sets) and on the
 * public sets, at thresholds the held-out halves also meet (README "Search quality" has the figures
 * of every set). It fails when relevance drops below them.
 */
type Gate = { top1: number; recall5: number; empty: number; negatives: number };
const GATES: Record<string, Gate> = {
  "seed public": { top1: 0.97, recall5: 0.97, empty: 0.03, negatives: 1 },
  "seed blind, tuning half": { top1: 0.84, recall5: 0.9, empty: 0.1, negatives: 0.6 },
  "corpus blind, tuning half": { top1: 0.82, recall5: 0.92, empty: 0.03, negatives: 0.33 },
  "corpus public": { top1: 0.8, recall5: 0.92, empty: 0.04, negatives: 0.33 },
  "corpus fresh": { top1: 0.84, recall5: 0.92, empty: 0.03, negatives: 0.2 },
};

const engines = new Map<string, SearchEngine>();
const engineFor = (dir: string) => {
  if (!engines.has(dir)) engines.set(dir, contentEngine(path.resolve(dir)));
  return engines.get(dir)!;
};

const parts = EVAL_SETS.flatMap((set) => evalParts(set).map((part) => ({ ...part, content: set.content }))).filter((part) => GATES[part.name]);

describe.each(parts)("relevance: $name", (part) => {
  const gate = GATES[part.name];
  let result: EvalResult;
  beforeAll(() => {
    result = evaluate(engineFor(part.content), part.cases);
    console.log(formatResult(part.name, result) + (result.misses.length ? `\n  misses:\n  - ${result.misses.join("\n  - ")}` : ""));
  });

  it(`puts the right question first for at least ${gate.top1 * 100} % and within five for ${gate.recall5 * 100} %`, () => {
    expect(result.top1, result.misses.join("\n")).toBeGreaterThanOrEqual(gate.top1);
    expect(result.recall5).toBeGreaterThanOrEqual(gate.recall5);
  });

  it(`answers at most ${gate.empty * 100} % of the answerable queries with nothing`, () => {
    expect(result.empty).toBeLessThanOrEqual(gate.empty);
  });

  it(`answers at least ${gate.negatives * 100} % of the unanswerable queries with nothing`, () => {
    expect(result.negativePrecision, result.misses.filter((m) => m.includes("(negative)")).join("\n")).toBeGreaterThanOrEqual(gate.negatives);
  });
});
