// `npm run budget`: size budgets of the built site (run after a build); exits 1 when one is exceeded.
// - each FAQ page's HTML ≤ 60 KB gzip;
// - each page's first-load JS ≤ Next's runtime + 15 KB gzip. The built site ships none of Next's
//   runtime (scripts/lib/strip-runtime.ts), so every page's scripts are ours and must fit in 15 KB;
//   Next's runtime, as `next build` made it, is reported for comparison;
// - the feedback code (vote widget, search logging, 没找到, its queue) ≤ 3 KB gzip on top of the page
//   script without it: the page script built with the collector on and off, in this same run;
// - no web fonts (the system font stack has good Chinese faces).
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { COLLECTOR_URL } from "../src/lib/config";
import { pageScript } from "./lib/client-bundle";

const KB = 1024;
const HTML_BUDGET = 60 * KB;
const OWN_JS_BUDGET = 15 * KB;
const FEEDBACK_BUDGET = 3 * KB;
const NEXT_DIR = ".next";
const OUT = "out";

const gzipOf = (file: string) => gzipSync(fs.readFileSync(file)).length;
const fmt = (n: number) => `${(n / KB).toFixed(1)} KB`;
const failures: string[] = [];
const htmlFiles = (fs.readdirSync(OUT, { recursive: true }) as string[]).filter((f) => f.endsWith(".html"));

type RouteStats = { route: string; firstLoadChunkPaths: string[] };
const stats = JSON.parse(fs.readFileSync(path.join(NEXT_DIR, "diagnostics", "route-bundle-stats.json"), "utf8")) as RouteStats[];
const everywhere = stats.map((r) => new Set(r.firstLoadChunkPaths)).reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
const nextRuntime = [...everywhere].reduce((n, f) => n + gzipOf(f), 0); // paths start with .next/
console.log(`Next's client runtime as built: ${fmt(nextRuntime)} gzip; shipped: 0 KB (stripped from every page)`);

let largestJs = { file: "", size: 0 };
for (const file of htmlFiles) {
  const html = fs.readFileSync(path.join(OUT, file), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
  const runtime = scripts.filter((s) => s.startsWith("/_next/"));
  if (runtime.length) failures.push(`${file}: loads Next's runtime (${runtime.join(", ")})`);
  const size = scripts.reduce((n, s) => n + gzipOf(path.join(OUT, s.split("?")[0])), 0);
  if (size > largestJs.size) largestJs = { file, size };
  if (size > OWN_JS_BUDGET) failures.push(`${file}: first-load JS ${fmt(size)} gzip, over ${fmt(OWN_JS_BUDGET)}`);
}
console.log(`first-load JS of every page (${htmlFiles.length} pages): at most ${fmt(largestJs.size)} gzip (${largestJs.file}) = Next's runtime 0 KB + ours ${fmt(largestJs.size)}; budget ${fmt(OWN_JS_BUDGET)}`);

const pages = (fs.readdirSync(OUT, { recursive: true }) as string[]).filter((f) => f.endsWith("index.html") && f.split(path.sep).length === 3);
const largest = pages.map((f) => ({ f, size: gzipOf(path.join(OUT, f)) })).sort((a, b) => b.size - a.size);
console.log(`FAQ pages: ${pages.length}; largest HTML ${largest[0] ? `${largest[0].f} ${fmt(largest[0].size)} gzip` : "-"}`);
for (const { f, size } of largest.filter((p) => p.size > HTML_BUDGET)) failures.push(`${f}: HTML ${fmt(size)} gzip, over ${fmt(HTML_BUDGET)}`);

// gzip level 6, as the build's .gz copies (scripts/lib/precompress.ts).
const [withFeedback, without] = await Promise.all([pageScript(COLLECTOR_URL === "off" ? "/api/events" : COLLECTOR_URL), pageScript("off")]);
const feedback = gzipSync(withFeedback, { level: 6 }).length - gzipSync(without, { level: 6 }).length;
console.log(`feedback code (vote widget, search logging, 没找到, queue): +${fmt(feedback)} gzip on a page script of ${fmt(gzipSync(without, { level: 6 }).length)} without it; budget ${fmt(FEEDBACK_BUDGET)}`);
if (feedback > FEEDBACK_BUDGET) failures.push(`feedback code ${fmt(feedback)} gzip, over ${fmt(FEEDBACK_BUDGET)}`);

const fonts = (fs.readdirSync(OUT, { recursive: true }) as string[]).filter((f) => /\.(woff2?|ttf|otf|eot)$/.test(f));
const fontFaces = (fs.readdirSync(path.join(OUT, "_next", "static"), { recursive: true }) as string[]).filter((f) => f.endsWith(".css") && fs.readFileSync(path.join(OUT, "_next", "static", f), "utf8").includes("@font-face"));
console.log(`web fonts: ${fonts.length + fontFaces.length}`);
if (fonts.length + fontFaces.length) failures.push(`web fonts found: ${[...fonts, ...fontFaces].join(", ")}`);

if (failures.length) {
  console.error(`\n✗ over budget:\n- ${failures.join("\n- ")}`);
  process.exit(1);
}
console.log("✓ within budget");
