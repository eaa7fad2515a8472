import path from "node:path";
import { loadSite, loadSynonyms } from "./src/content/load";
import { buildSearchPayload } from "./src/search/build-index";
import { createSearchEngine } from "./src/search/engine";
import { EVAL_SETS, evalParts, sameQuestion } from "./scripts/lib/search-eval";
const which = process.argv[2] ?? "tuning";
const rows: { set: string; kind: string; rel: number; correct: boolean | null; rank: number }[] = [];
const cache = new Map();
for (const set of EVAL_SETS) {
  if (set.name.includes("earlier")) continue;
  let engine = cache.get(set.content);
  if (!engine) { const d = path.resolve(set.content); engine = createSearchEngine(buildSearchPayload(loadSite(d).site, loadSynonyms(d).synonyms)); cache.set(set.content, engine); }
  for (const part of evalParts(set)) {
    if (which === "tuning" && !part.tuning) continue;
    for (const c of part.cases) {
      const ex = engine.explain(c.q);
      const best = ex.ranked[0];
      const rank = ex.ranked.findIndex((r: any) => c.expect.some((e) => sameQuestion(r.question, e)));
      rows.push({ set: part.name, kind: c.expect.length ? "pos" : "neg", rel: best?.relevance ?? 0, correct: c.expect.length ? rank === 0 : null, rank });
    }
  }
}
const pos = rows.filter((r) => r.kind === "pos"), neg = rows.filter((r) => r.kind === "neg");
console.log("positives", pos.length, "ranked right first (no threshold):", pos.filter((r) => r.correct).length, "in top5:", pos.filter((r) => r.rank >= 0 && r.rank < 5).length, "in top10:", pos.filter((r) => r.rank >= 0).length);
for (const t of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]) {
  const top1 = pos.filter((r) => r.correct && r.rel >= t).length, emp = pos.filter((r) => r.rel < t).length, negOk = neg.filter((r) => r.rel < t).length;
  console.log(`τ=${t}: top1 ${(100 * top1 / pos.length).toFixed(1)}% empty ${(100 * emp / pos.length).toFixed(1)}% neg ${negOk}/${neg.length}`);
}
console.log("neg rels:", neg.map((r) => r.rel).sort((a, b) => b - a).slice(0, 20).join(" "));
