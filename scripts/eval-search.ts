// `npm run eval:search [-- --misses] [--all-misses]`: relevance of the search engine on every
// evaluation set (scripts/lib/search-eval.ts): top-1, MRR@5, recall@5, queries with no result and
// negatives answered. --misses lists the misses of the sets one may tune on; --all-misses also those
// of the held-out halves and the public sets (look, don't tune). --without STAGE[,STAGE] turns stages
// of the engine off (see STAGES in src/search/engine.ts), to measure what each adds.
import path from "node:path";
import { loadSite, loadSynonyms } from "../src/content/load";
import { STAGES, type SearchEngine, type Stage } from "../src/search/engine";
import { siteEngine } from "../src/search/site-engine";
import { EVAL_SETS, evalParts, evaluate, formatKinds, formatRelated, formatResult } from "./lib/search-eval";

const args = process.argv.slice(2);
const allMisses = args.includes("--all-misses");
const misses = allMisses || args.includes("--misses");
const withoutArg = args.includes("--without") ? args[args.indexOf("--without") + 1].split(",") : [];
const unknownStage = withoutArg.find((s) => !(STAGES as readonly string[]).includes(s));
if (unknownStage) {
  console.error(`unknown stage "${unknownStage}"; stages: ${STAGES.join(", ")}`);
  process.exit(2);
}
const without = withoutArg as Stage[];

const engines = new Map<string, SearchEngine>();
function engineFor(dir: string): SearchEngine {
  let engine = engines.get(dir);
  if (!engine) {
    const abs = path.resolve(dir);
    const onError = (error: unknown) => {
      throw error;
    };
    engines.set(dir, (engine = siteEngine(loadSite(abs).site, loadSynonyms(abs).synonyms, { onError, without })));
  }
  return engine;
}

for (const set of EVAL_SETS) {
  for (const part of evalParts(set)) {
    const result = evaluate(engineFor(set.content), part.cases);
    console.log(formatResult(part.name, result));
    console.log(`  by kind: ${formatKinds(result)}`);
    console.log(`  ${formatRelated(result)}`);
    if (misses && (part.tuning || allMisses)) for (const m of result.misses) console.log(`  - ${m}`);
  }
}
