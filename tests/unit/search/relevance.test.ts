import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate, formatResult, readCases } from "./relevance";
import { contentEngine, seedEngine } from "./seed-index";

/** The quality gate: fails when relevance drops below the targets. */
const TARGETS = { top1: 0.95, negativePrecision: 1 };

const corpusEngine = () => contentEngine(path.resolve("tests/fixtures/search-corpus")); // 14 real pages + the seed page

describe.each([
  ["seed FAQ, public cases", seedEngine, "tests/fixtures/search-eval/seed-public.jsonl"],
  ["real pages, our cases", corpusEngine, "tests/fixtures/search-eval/corpus-cases.jsonl"],
])("relevance: %s", (name, engine, file) => {
  const result = evaluate(engine(), readCases(file));
  console.log(formatResult(name, result) + (result.misses.length ? `\n  misses:\n  - ${result.misses.join("\n  - ")}` : ""));

  it(`puts the right question first for at least ${TARGETS.top1 * 100} %`, () => {
    expect(result.top1, result.misses.join("\n")).toBeGreaterThanOrEqual(TARGETS.top1);
  });

  it("returns nothing for every unrelated query", () => {
    expect(result.negativePrecision, result.misses.join("\n")).toBe(TARGETS.negativePrecision);
  });
});
