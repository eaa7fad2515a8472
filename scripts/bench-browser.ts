// `npm run bench:browser -- --content DIR`: keystroke-to-results latency of the real search UI in
// Chromium, with the index of DIR (e.g. ~10,000 questions) swapped in for the built site's own.
// Needs a built `out/` (npm run build). Baseline in the same page: plain fuse.js, default options.
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium } from "@playwright/test";
import { loadSite, loadSynonyms } from "../src/content/load";
import { pageEntries } from "../src/content/types";
import { buildSearchPayload } from "../src/search/build-index";
import { DEBOUNCE_MS } from "../src/client/search-box";
import { createServer } from "../src/server/server";

const arg = (name: string, fallback: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : fallback);
const dir = arg("content", "content");
const QUERIES = ["人脸识别失败", "实名认证审核", "云服务器无法登录", "录制文件怎么获取", "安全组规则", "renlian shibie"];

const { site } = loadSite(dir);
const payload = JSON.stringify(buildSearchPayload(site, loadSynonyms(dir).synonyms));
const docs = site.categories.flatMap((c) => c.pages.flatMap((p) => pageEntries(p).map((e) => ({ question: e.question, answer: e.text }))));
const server = createServer({ siteRoot: path.resolve("out") }).listen(0);
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium" });
const page = await browser.newPage();
await page.route("**/search-index/*", (route) => route.fulfill({ body: payload, contentType: "application/json" }));
await page.goto(`${base}/account/`);

const box = page.getByRole("combobox", { name: "搜索问题" });
const t0 = Date.now();
await box.fill("实名");
await page.waitForSelector('[data-searched="实名"]', { timeout: 60_000 });
const loadMs = Date.now() - t0;

// Timed inside the page: from the input event to the moment the results of that query are in the
// DOM (the search box's data-searched attribute changes), so Playwright's own delays do not count.
await page.evaluate(() => {
  const w = window as unknown as { __keyAt: number; __shown: Record<string, number> };
  w.__shown = {};
  // `input`, not `keydown`: characters typed through an IME (and Playwright's Chinese) fire no keydown.
  document.addEventListener("input", () => (w.__keyAt = performance.now()), true);
  const box = document.querySelector("[data-searched]")!;
  new MutationObserver(() => (w.__shown[box.getAttribute("data-searched")!] = performance.now() - w.__keyAt)).observe(box, { attributes: true, attributeFilter: ["data-searched"] });
});
const latencies: number[] = [];
for (const query of QUERIES) {
  await box.fill("");
  for (let i = 1; i <= query.length; i++) {
    const typed = query.slice(0, i);
    await box.press(query[i - 1] === " " ? "Space" : query[i - 1]).catch(() => box.fill(typed));
    if ((await box.inputValue()) !== typed) await box.fill(typed);
    if (!typed.trim() || typed !== typed.trim()) continue;
    await page.waitForSelector(`[data-searched="${typed}"]`, { timeout: 10_000 });
    latencies.push((await page.evaluate((q) => (window as unknown as { __shown: Record<string, number> }).__shown[q], typed)) - DEBOUNCE_MS);
  }
}

// Baseline: plain fuse.js over the same questions and answers, on a blank page's main thread (the
// site's own pages forbid injected scripts by their Content-Security-Policy).
const blank = await browser.newPage();
await blank.route("**/__blank", (route) => route.fulfill({ body: "<!doctype html><title>baseline</title>", contentType: "text/html" }));
await blank.route("**/__fuse.mjs", (route) => route.fulfill({ body: fs.readFileSync("node_modules/fuse.js/dist/fuse.min.mjs", "utf8"), contentType: "text/javascript" }));
await blank.goto(`${base}/__blank`);
await blank.addScriptTag({ type: "module", content: "import Fuse from '/__fuse.mjs'; window.__Fuse = Fuse;" });
await blank.waitForFunction(() => "__Fuse" in window);
const fuseTimes = await blank.evaluate(
  ({ docs, queries }) => {
    const Fuse = (window as unknown as { __Fuse: new (d: unknown[], o: unknown) => { search(q: string, o: unknown): unknown } }).__Fuse;
    const fuse = new Fuse(docs, { keys: ["question", "answer"] });
    return queries.flatMap((q) => [...q].map((_, i) => {
      const s = performance.now();
      fuse.search(q.slice(0, i + 1), { limit: 8 });
      return performance.now() - s;
    }));
  },
  { docs, queries: QUERIES },
);

const stats = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(0)} ms, p95 ${s[Math.floor(s.length * 0.95)].toFixed(0)} ms, max ${s[s.length - 1].toFixed(0)} ms`;
};
console.log(`content: ${dir}, ${docs.length} questions; index ${(payload.length / 1024).toFixed(0)} KB raw`);
console.log(`first search (fetch index + build engine in the worker): ${loadMs} ms`);
console.log(`input → results in the page, minus the ${DEBOUNCE_MS} ms debounce (${latencies.length} keystrokes, timed in the page): ${stats(latencies)}`);
console.log(`plain fuse.js search alone, same keystrokes, main thread: ${stats(fuseTimes)}`);
await browser.close();
server.close();
