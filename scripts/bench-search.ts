// `npm run bench:search -- --content DIR [--runs 3]`: search index size, what a cold first search
// fetches, and query latency of our engine against plain fuse.js (default options over question +
// answer), in the same process and run.
import Fuse from "fuse.js";
import { gzipSync } from "node:zlib";
import { loadSite, loadSynonyms } from "../src/content/load";
import { pageEntries } from "../src/content/types";
import { buildIndexData } from "../src/search/build-index";
import { createSearchEngine } from "../src/search/engine";
import { searchIndexFiles } from "../src/search/index-files";
import { memorySource, shardedSource } from "../src/search/index-source";
import type { IndexManifest } from "../src/search/types";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const dir = arg("content", "content");
const runs = Number(arg("runs", "3"));
const ms = (t0: number) => performance.now() - t0;

let t0 = performance.now();
const { site } = loadSite(dir);
const parseMs = ms(t0);
t0 = performance.now();
const data = buildIndexData(site, loadSynonyms(dir).synonyms);
const { manifest, files } = searchIndexFiles(data);
const buildMs = ms(t0);
const gzipped = new Map(Object.entries(files).map(([name, json]) => [name, gzipSync(json, { level: 9 }).length]));

t0 = performance.now();
const engine = createSearchEngine(memorySource(data));
const loadMs = ms(t0);
const docs = site.categories.flatMap((c) => c.pages.flatMap((p) => pageEntries(p).map((e) => ({ question: e.question, answer: e.text }))));
t0 = performance.now();
const fuse = new Fuse(docs, { keys: ["question", "answer"] });
const fuseLoadMs = ms(t0);

const queries = makeQueries(docs.map((d) => d.question));
const time = (fn: (q: string) => unknown, sample = queries, rounds = runs) => {
  sample.forEach((q) => fn(q)); // warm-up
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) for (const q of sample) {
    const s = performance.now();
    fn(q);
    samples.push(performance.now() - s);
  }
  return stats(samples);
};
const ours = time((q) => engine.search(q, 10));
// Plain fuse.js scans every question: above 20,000 it gets every fifth query, once.
const large = docs.length > 20_000;
const plain = time((q) => fuse.search(q, { limit: 10 }), large ? queries.filter((_, i) => i % 5 === 0) : queries, large ? 1 : runs);

// A first search as the browser runs it: the manifest, then the files each round asks for.
const firstSearch = queries.map((q) => {
  const source = shardedSource(JSON.parse(files[manifest]) as IndexManifest);
  const cold = createSearchEngine(source);
  let bytes = gzipped.get(manifest)!;
  let rounds = 0;
  for (let missing = (cold.search(q), source.missing()); missing.length; missing = (cold.search(q), source.missing())) {
    rounds++;
    for (const file of missing) {
      source.add(file, JSON.parse(files[file]));
      bytes += gzipped.get(file)!;
    }
  }
  return { bytes, rounds };
});

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const sizes = [...gzipped.values()];
console.log(`content: ${dir}: ${site.categories.length} categories, ${docs.length} questions, ${data.meta.entries} distinct`);
console.log(`parse content ${parseMs.toFixed(0)} ms; build index ${buildMs.toFixed(0)} ms`);
console.log(`index: ${sizes.length} files, ${kb(Object.values(files).reduce((n, f) => n + Buffer.byteLength(f), 0))} raw, ${kb(sizes.reduce((a, b) => a + b, 0))} gzip; manifest ${kb(gzipped.get(manifest)!)} gzip, largest file ${kb(Math.max(...sizes))} gzip`);
const b = stats(firstSearch.map((f) => f.bytes));
const r = stats(firstSearch.map((f) => f.rounds));
console.log(`first search, cold: ${kb(b.median)} median, ${kb(b.p95)} p95, ${kb(b.max)} max gzip (manifest, shards, chunks; not the worker script); fetch rounds after the manifest: median ${r.median}, max ${r.max}`);
console.log(`engine load: ${loadMs.toFixed(0)} ms; plain fuse.js load: ${fuseLoadMs.toFixed(0)} ms`);
console.log(`${queries.length} queries × ${runs} runs, the whole index in memory`);
console.log(`                 median     p95      max`);
console.log(`ours        ${fmt(ours)}`);
console.log(`plain fuse  ${fmt(plain)}`);
console.log(`speed-up: ${(plain.median / ours.median).toFixed(1)}× at the median, ${(plain.p95 / ours.p95).toFixed(1)}× at p95`);

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)], max: s[s.length - 1] };
}
function fmt(s: ReturnType<typeof stats>) {
  return [s.median, s.p95, s.max].map((v) => `${v.toFixed(2)} ms`.padStart(9)).join(" ");
}

/** Customer-like queries, deterministic: phrases cut from questions, as-you-type prefixes, pinyin, codes, unrelated words. */
function makeQueries(questions: string[]): string[] {
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const out: string[] = [];
  for (let i = 0; i < 150; i++) {
    const q = questions[Math.floor(rand() * questions.length)].replace(/[？?，。、：“”]/g, "");
    const start = Math.floor(rand() * Math.max(1, q.length - 6));
    out.push(q.slice(start, start + 3 + Math.floor(rand() * 6)));
  }
  const typed = "人脸识别失败";
  for (let i = 1; i <= typed.length; i++) out.push(typed.slice(0, i));
  out.push("renlian shibie", "rlsb", "zzh smrz", "shiming renzheng", "实名认症审核", "-1101", "FailedOperation", "API 密钥", "退款", "数据库备份", "域名解析怎么配置", "cos", "q", "co");
  return out;
}
