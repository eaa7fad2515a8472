import path from "node:path";
import { loadSite, loadSynonyms } from "/work/main/src/content/load";
import { siteEngine } from "/work/main/src/search/site-engine";
const d = path.resolve(process.argv[2]);
const e = siteEngine(loadSite(d).site, loadSynonyms(d).synonyms);
for (const q of process.argv.slice(3)) { const x = e.explain(q); console.log(q, JSON.stringify(x.slots)); for (const r of x.ranked.slice(0,5)) console.log("   ", r.relevance, r.question, r.slots.join(" ")); }
