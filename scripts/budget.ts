// `npm run budget`: size budgets of the built site (run after a build); exits 1 when one is exceeded.
// - each FAQ page's HTML ≤ 60 KB gzip;
// - each route's first-load JS ≤ Next's runtime + 15 KB gzip. Next's runtime: the chunks every route
//   loads, less those holding our code (recognized by class names and attributes only our components
//   use: the bundles carry no source paths);
// - no web fonts (the system font stack has good Chinese faces).
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const KB = 1024;
const HTML_BUDGET = 60 * KB;
const OWN_JS_BUDGET = 15 * KB;
const NEXT_DIR = ".next";
const OUT = "out";

type RouteStats = { route: string; firstLoadChunkPaths: string[] };
const stats = JSON.parse(fs.readFileSync(path.join(NEXT_DIR, "diagnostics", "route-bundle-stats.json"), "utf8")) as RouteStats[];
const gzipOf = (file: string) => gzipSync(fs.readFileSync(fs.existsSync(file) ? file : path.join(NEXT_DIR, file))).length;
const sum = (files: Iterable<string>) => [...files].reduce((n, f) => n + gzipOf(f), 0);
const OUR_MARKERS = ["search__input", "data-searched", "data-targeted", "faq-tabpanel", "copy-link", "entry__question", "question-index__"];
const ours = (chunk: string) => {
  const text = fs.readFileSync(fs.existsSync(chunk) ? chunk : path.join(NEXT_DIR, chunk), "utf8");
  return OUR_MARKERS.some((m) => text.includes(m));
};
const everywhere = stats.map((r) => new Set(r.firstLoadChunkPaths)).reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
const shared = new Set([...everywhere].filter((c) => !ours(c)));
const runtime = sum(shared);
const fmt = (n: number) => `${(n / KB).toFixed(1)} KB`;
const failures: string[] = [];

console.log(`Next's runtime (on every route, none of our code): ${fmt(runtime)} gzip`);
for (const route of stats) {
  const own = sum(route.firstLoadChunkPaths.filter((c) => !shared.has(c)));
  const line = `${route.route.padEnd(24)} first-load JS ${fmt(runtime + own)} gzip = Next's runtime + ${fmt(own)} (ours and route code)`;
  console.log(line);
  if (own > OWN_JS_BUDGET) failures.push(`${line}: over runtime + ${fmt(OWN_JS_BUDGET)}`);
}

const pages = (fs.readdirSync(OUT, { recursive: true }) as string[]).filter((f) => f.endsWith("index.html") && f.split(path.sep).length === 3);
const largest = pages.map((f) => ({ f, size: gzipOf(path.join(OUT, f)) })).sort((a, b) => b.size - a.size);
console.log(`FAQ pages: ${pages.length}; largest HTML ${largest[0] ? `${largest[0].f} ${fmt(largest[0].size)} gzip` : "-"}`);
for (const { f, size } of largest.filter((p) => p.size > HTML_BUDGET)) failures.push(`${f}: HTML ${fmt(size)} gzip, over ${fmt(HTML_BUDGET)}`);

const fonts = (fs.readdirSync(OUT, { recursive: true }) as string[]).filter((f) => /\.(woff2?|ttf|otf|eot)$/.test(f));
const fontFaces = (fs.readdirSync(path.join(OUT, "_next", "static"), { recursive: true }) as string[]).filter((f) => f.endsWith(".css") && fs.readFileSync(path.join(OUT, "_next", "static", f), "utf8").includes("@font-face"));
console.log(`web fonts: ${fonts.length + fontFaces.length}`);
if (fonts.length + fontFaces.length) failures.push(`web fonts found: ${[...fonts, ...fontFaces].join(", ")}`);

if (failures.length) {
  console.error(`\n✗ over budget:\n- ${failures.join("\n- ")}`);
  process.exit(1);
}
console.log("✓ within budget");
