import path from "node:path";
import { loadSite, loadSynonyms } from "./src/content/load";
import { buildSearchPayload } from "./src/search/build-index";
import { createSearchEngine } from "./src/search/engine";
import { EVAL_SETS, evalParts, sameQuestion } from "./scripts/lib/search-eval";
const mode = process.argv[2];
const cache = new Map();
let n = 0;
for (const set of EVAL_SETS) {
  if (set.name.includes("earlier") || set.name.includes("public")) continue;
  let engine = cache.get(set.content);
  if (!engine) { const d = path.resolve(set.content); engine = createSearchEngine(buildSearchPayload(loadSite(d).site, loadSynonyms(d).synonyms)); cache.set(set.content, engine); }
  for (const part of evalParts(set)) {
    if (!part.tuning) continue;
    for (const c of part.cases) {
      const ex = engine.explain(c.q);
      const best = ex.ranked[0];
      const rank = ex.ranked.findIndex((r: any) => c.expect.some((e) => sameQuestion(r.question, e)));
      const show = mode === "neg" ? !c.expect.length && (best?.relevance ?? 0) > 0.25 : mode === "lowpos" ? c.expect.length && rank === 0 && best.relevance < 0.35 : c.expect.length && rank !== 0;
      if (!show || n++ > Number(process.argv[3] ?? 30)) continue;
      console.log(`${c.q} [${c.note}] rank=${rank} rel=${best?.relevance} top=${best?.question} | want ${c.expect[0]}`);
      console.log("   " + ex.slots.map((s: any) => `${s.typed}:${s.weight}${s.alternatives.length ? "(" + s.alternatives.slice(0, 3).join(",") + ")" : ""}`).join(" "));
    }
  }
}
