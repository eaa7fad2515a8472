import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePage } from "@/content/parse";
import { seedEngine } from "./search/seed-index";

/** Pieces of the dialect and of Markdown, to build inputs that look like real pages gone wrong. */
const FRAGMENTS = ["### ", "## ", "# ", "[](id:", ")", "[](id:x)", ">? ", ">!", "> ", "<dx-tabs>", "</dx-tabs>", "<dx-accordion>", "::: ", ":::", "```", "**", "__", "<br>", "<li>", "<table><tr><td>", "</td></tr></table>", "<script>", "<img src=x onerror=y>", "---\n", "title: x\n", "|a|b|\n|---|---|\n", "\n", "\n\n", "问题？", "答案。", "\t", "&lt;", "\\s", "<span id=\"a\">", "</span>", "1. ", "- "];
const markdown = fc.oneof(fc.string({ unit: "grapheme", maxLength: 400 }), fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join("")));

describe("the parser on any input", () => {
  it("never throws: problems come back as diagnostics", () => {
    fc.assert(
      fc.property(markdown, (md) => {
        const { page, diagnostics } = parsePage(md, { path: "x.md", category: "c", fileSlug: "x" });
        expect(Array.isArray(page.sections)).toBe(true);
        for (const d of diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});

describe("search on any query", () => {
  const engine = seedEngine();
  const HOSTILE = [".*+?^${}()|[]\\", "a".repeat(10_000), "😀".repeat(500), "\uD800\uDC00\uD800", "\u202E\u200F实名\u202C", "？！。，、；：".repeat(50), "<img src=x onerror=alert(1)>", "' OR 1=1 --", "\0\0\0", "=^!$'|"];
  // Not a speed test (benchmarks measure speed): a ceiling far above any real query, to catch hangs
  // such as a regular expression that backtracks forever.
  const HANG_MS = 2000;

  const searchBounded = (q: string) => {
    const started = performance.now();
    const hits = engine.search(q);
    expect(performance.now() - started).toBeLessThan(HANG_MS);
    return hits;
  };

  it("never throws and never hangs on hostile queries", () => {
    for (const q of HOSTILE) expect(Array.isArray(searchBounded(q))).toBe(true);
  });

  it("never throws and never hangs on random queries", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 80 })), (q) => {
        for (const hit of searchBounded(q)) expect(hit.doc.url).toMatch(/^\//);
      }),
      { numRuns: 500 },
    );
  });
});
