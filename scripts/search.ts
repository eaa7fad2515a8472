// `npm run search -- [--json] [--stdin] "query"`: the browser's search engine and index, in a terminal.
import readline from "node:readline";
import { checkContent } from "./lib/content-report";
import { contentDir, loadSynonyms } from "../src/content/load";
import { siteEngine } from "../src/search/site-engine";
import type { SearchHit } from "../src/search/types";

const args = process.argv.slice(2);
const json = args.includes("--json");
const stdin = args.includes("--stdin");
const query = args.filter((a) => !a.startsWith("--")).join(" ");
if (!stdin && !query) {
  console.error('usage: npm run search -- [--json] [--stdin] "query"');
  process.exit(2);
}

// Warnings are for `npm run check`; errors still stop the search.
const { site, ok } = await checkContent(() => {});
if (!ok) {
  console.error("content has errors: run `npm run check` to see them");
  process.exit(1);
}
// A crash answers that query with [] (as the site does), is reported, and fails the command.
const engine = siteEngine(site, loadSynonyms(contentDir()).synonyms, {
  onError(error, q) {
    console.error(`search failed for ${JSON.stringify(q)}:`, error);
    process.exitCode = 1;
  },
});

// A reader that stops early (`npm run search -- 实名 | head -1`) closes the pipe: that is the end, not a crash.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0); // a failed search before still fails
});

const toJson = (hits: SearchHit[]) => hits.map((h) => ({ question: h.doc.question, url: h.doc.url, id: h.doc.id, score: h.score }));
function print(q: string): void {
  const hits = engine.search(q);
  if (json || stdin) {
    console.log(JSON.stringify(toJson(hits)));
    return;
  }
  if (hits.length === 0) console.log(`没有找到与“${q}”相关的问题`);
  hits.forEach((h, i) => console.log(`${i + 1}. ${h.doc.question}\n   ${h.doc.url}  (score ${h.score})`));
}

if (stdin) {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", print);
} else print(query);
