// `npm run bench:browser -- --content DIR [--throttle] [--cadence MS] [--baseline REF] [--trace]`: the real search box in
// Chromium, with the sharded index of DIR (e.g. `make-corpus.mjs --pages 1000`, 10,000 questions)
// in place of the built site's own. Needs a built `out/` (npm run build). Cold cache; `--throttle`:
// a phone on Slow 4G (150 ms round trip, 1.6 Mbps down) with a 4× slower CPU. The link is emulated
// by the benchmark's server, for every request alike (DevTools' network throttling does not reach a
// page's workers, which fetch the index); the CPU by Chromium in the page, and for the worker, which
// Chromium cannot slow down, by adding three times the time its engine took (`searchEngineMs`).
// `--baseline REF`: the same measurement, in the same run, of the site and single-file index of a
// git commit (e.g. the last one before the sharded index), built in a scratch worktree.
// Prints: bytes fetched for the first search (gzip as served: worker, manifest, shards, chunks) and
// its sequential round trips, first keystroke → first results, warm keystroke → results p95 (the
// debounce included), and the worker's heap after 20 queries.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import { loadSite, loadSynonyms } from "../src/content/load";
import { buildIndexData } from "../src/search/build-index";
import { searchIndexFiles } from "../src/search/index-files";
import { SEARCH_INDEX_LATEST } from "../src/search/options";
import { createServer } from "../src/server/server";

const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const dir = path.resolve(arg("content") ?? "content");
const throttle = process.argv.includes("--throttle");
/**
 * `--cadence MS`: type a key every MS ms at the fastest (the next key waits for the results and for
 * MS ms since the last one), as a person does: 0 (the default) types the next key as soon as the
 * results are complete, which leaves the worker no time to fetch ahead.
 */
const cadenceMs = Number(arg("cadence") ?? 0);
/** `--trace`: one line per keystroke (times, engine time, files, bytes and round trips it fetched). */
const trace = process.argv.includes("--trace");
const baselineRef = arg("baseline");
const SCRATCH = path.resolve(".bench-build", "browser");
/** Slow 4G as DevTools defines it: each request waits a round trip, then shares a 1.6 Mbps link. */
const LINK = { latencyMs: 150, bytesPerSecond: 1.6e6 / 8 };
const QUERIES = ["人脸识别失败", "实名认证审核", "云服务器无法登录", "录制文件怎么获取", "安全组规则", "renlian shibie", "退款多久到账", "cvm 重装系统", "子账号权限", "对象存储收费", "短信验证码", "rlsb", "容器服务节点", "带宽怎么升级", "数据库备份", "域名解析", "直播推流地址", "告警通知", "镜像复制", "负载均衡健康检查"];

type Variant = { name: string; root: string };

fs.rmSync(SCRATCH, { recursive: true, force: true });
fs.mkdirSync(SCRATCH, { recursive: true });
const variants: Variant[] = [ours()];
if (baselineRef) variants.push(baseline(baselineRef));

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium" });
console.log(`content: ${path.relative(process.cwd(), dir) || dir}${throttle ? "; throttled: Slow 4G, 4× CPU" : ""}; cold cache; ${cadenceMs ? `a key every ${cadenceMs} ms at the fastest` : "each key as soon as the last one's results are complete"}`);
for (const v of variants) console.log(`${v.name.padEnd(10)} ${format(await measure(browser, v))}`);
await browser.close();

/** The built site with DIR's sharded index in place of its own (hard links: nothing is copied). */
function ours(): Variant {
  const root = path.join(SCRATCH, "ours");
  execFileSync("cp", ["-al", fs.realpathSync("out"), root]);
  putShardedIndex(root, searchIndexFiles(buildIndexData(loadSite(dir).site, loadSynonyms(dir).synonyms)));
  return { name: "sharded", root };
}

/** A built site's sharded index replaced by these files (its pages name the new manifest). */
function putShardedIndex(root: string, { manifest, files }: { manifest: string; files: Record<string, string> }) {
  const oldManifest = fs.readdirSync(path.join(root, "search-index")).find((f) => f.startsWith("index.") && f.endsWith(".json"))!;
  fs.rmSync(path.join(root, "search-index"), { recursive: true });
  fs.mkdirSync(path.join(root, "search-index"));
  for (const [name, json] of Object.entries(files)) writeGzipped(path.join(root, "search-index", name), json);
  writeGzipped(path.join(root, SEARCH_INDEX_LATEST.slice(1)), JSON.stringify({ manifest: `/search-index/${manifest}` }));
  replaceInPages(root, oldManifest, manifest);
}

/**
 * REF's site, built in a scratch worktree, with DIR's index as REF builds it in place of its own:
 * its sharded index where it has one (src/search/index-files.ts), else its single file.
 */
function baseline(ref: string): Variant {
  const tree = path.join(SCRATCH, "baseline-src");
  execFileSync("git", ["worktree", "add", "--force", "--detach", tree, ref], { stdio: "ignore" });
  try {
    // Turbopack refuses a node_modules linked from outside the project: hard links instead (no copy).
    execFileSync("cp", ["-al", path.resolve("node_modules"), path.join(tree, "node_modules")]);
    execFileSync("npx", ["tsx", "scripts/build.ts"], { cwd: tree, stdio: "ignore", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    const out = fs.realpathSync(path.join(tree, "out"));
    const root = path.join(SCRATCH, "baseline");
    execFileSync("cp", ["-r", out, root]);
    const load = `import { loadSite, loadSynonyms } from "./src/content/load"; const site = loadSite(${JSON.stringify(dir)}).site; const synonyms = loadSynonyms(${JSON.stringify(dir)}).synonyms;`;
    const run = (code: string) => execFileSync("npx", ["tsx", "-e", `${load} ${code}`], { cwd: tree, maxBuffer: 1 << 30 }).toString();
    if (fs.existsSync(path.join(tree, "src/search/index-files.ts"))) {
      putShardedIndex(root, JSON.parse(run(`import { buildIndexData } from "./src/search/build-index"; import { searchIndexFiles } from "./src/search/index-files"; process.stdout.write(JSON.stringify(searchIndexFiles(buildIndexData(site, synonyms))));`)));
    } else {
      const file = fs.readdirSync(path.join(out, "search-index")).find((f) => f.endsWith(".json"))!;
      writeGzipped(path.join(root, "search-index", file), run(`import { buildSearchPayload } from "./src/search/build-index"; process.stdout.write(JSON.stringify(buildSearchPayload(site, synonyms)));`));
    }
    return { name: `${ref.slice(0, 7)}`, root };
  } finally {
    execFileSync("git", ["worktree", "remove", "--force", tree], { stdio: "ignore" });
  }
}

function writeGzipped(file: string, text: string) {
  fs.writeFileSync(file, text);
  fs.writeFileSync(`${file}.gz`, gzipSync(text, { level: 9 }));
}

function replaceInPages(root: string, from: string, to: string) {
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const file = path.join(entry.parentPath, entry.name);
    const html = fs.readFileSync(file, "utf8");
    if (!html.includes(from)) continue;
    fs.rmSync(file); // a hard link: replace it, never write through to the real build
    fs.writeFileSync(file, html.replaceAll(from, to));
    fs.rmSync(`${file}.gz`, { force: true });
  }
}

type Result = { firstBytes: number; firstRequests: number; roundTrips: number; firstMs: number; warm: number[]; warmComplete: number[]; heapMb: number | null };

type Request = { url: string; start: number; end: number; bytes: number };

/**
 * The site's server behind an emulated link (when throttled), logging each request's bytes on the
 * wire (as sent: gzip where the client accepts it) and when it started and ended.
 */
function linkedServer(root: string) {
  const site = createServer({ siteRoot: root, log: () => {} });
  const handle = site.listeners("request")[0] as http.RequestListener;
  const log: Request[] = [];
  let linkFree = 0;
  const server = http.createServer((req, res) => {
    const entry: Request = { url: req.url ?? "", start: performance.now(), end: Infinity, bytes: 0 };
    log.push(entry);
    const write = res.write.bind(res) as (chunk: Buffer) => boolean;
    const end = res.end.bind(res) as (chunk?: Buffer) => void;
    let queue = Promise.resolve();
    const send = (chunk: Buffer | undefined, last: boolean) => {
      const bytes = chunk ? chunk.length : 0;
      entry.bytes += bytes;
      queue = queue.then(async () => {
        if (throttle && bytes) {
          const at = Math.max(performance.now(), linkFree);
          linkFree = at + (bytes / LINK.bytesPerSecond) * 1000;
          await new Promise((r) => setTimeout(r, linkFree - performance.now()));
        }
        if (last) {
          end(chunk);
          entry.end = performance.now();
        } else if (chunk) write(chunk);
      });
    };
    const toBuffer = (chunk: unknown) => (chunk == null ? undefined : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
    res.write = ((chunk: unknown) => (send(toBuffer(chunk), false), true)) as typeof res.write;
    res.end = ((chunk?: unknown) => (typeof chunk === "function" ? send(undefined, true) : send(toBuffer(chunk), true), res)) as typeof res.end;
    setTimeout(() => handle(req, res), throttle ? LINK.latencyMs : 0);
  });
  return { server, log };
}

async function measure(browser: Browser, v: Variant): Promise<Result> {
  const { server, log } = linkedServer(v.root);
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (throttle) await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(`${base}/account/`, { waitUntil: "load" });
  // Timed in the page, from the input event: when results for the typed text are first shown, and
  // when they are complete (the search box's data-searched and data-complete).
  await page.evaluate(() => {
    const w = window as unknown as { __keyAt: number; __shown: Record<string, number>; __done: Record<string, number> };
    w.__shown = {};
    w.__done = {};
    document.addEventListener("input", () => (w.__keyAt = performance.now()), true);
    const box = document.querySelector("[data-searched]")!;
    new MutationObserver(() => {
      const q = box.getAttribute("data-searched")!;
      w.__shown[q] ??= performance.now() - w.__keyAt;
      if (box.getAttribute("data-complete") !== "false") w.__done[q] ??= performance.now() - w.__keyAt;
    }).observe(box, { attributes: true, attributeFilter: ["data-searched", "data-complete"] });
  });
  const box = page.getByRole("combobox").first();
  const before = log.length;
  let first: Request[] = [];
  const latencies: number[] = [];
  const complete: number[] = [];
  for (const query of QUERIES) {
    await box.fill("");
    for (let i = 1; i <= query.length; i++) {
      const typed = query.slice(0, i);
      const keyAt = performance.now();
      await box.pressSequentially(query[i - 1]);
      if ((await box.inputValue()) !== typed) await box.fill(typed);
      if (!typed.trim() || typed !== typed.trim()) continue;
      const keyLog = log.length;
      const engineBefore = await engineMs(browser);
      await page.waitForSelector(`[data-searched="${typed}"]:not([data-complete="false"])`, { timeout: 120_000 });
      const [shown, done] = await page.evaluate((q) => {
        const w = window as unknown as { __shown: Record<string, number>; __done: Record<string, number> };
        return [w.__shown[q], w.__done[q]];
      }, typed);
      // Chromium cannot slow the worker: three times its engine's time stands for a 4× slower CPU.
      const slower = throttle ? 3 * ((await engineMs(browser)) - engineBefore) : 0;
      if (trace) console.error(`  ${JSON.stringify(typed)} shown ${(shown + slower).toFixed(0)} ms, complete ${(done + slower).toFixed(0)} ms, engine ${slower.toFixed(0)} ms, ${log.length - keyLog} files ${(log.slice(keyLog).reduce((n, r) => n + r.bytes, 0) / 1024).toFixed(0)} KB in ${waves(log.slice(keyLog))} rounds`);
      latencies.push(shown + slower);
      complete.push(done + slower);
      const wait = keyAt + cadenceMs - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (latencies.length === 1) first = log.slice(before).filter((r) => r.end < Infinity);
    }
  }
  const heapMb = await workerHeapMb(browser);
  await context.close();
  server.close();
  return { firstBytes: first.reduce((n, r) => n + r.bytes, 0), firstRequests: first.length, roundTrips: waves(first), firstMs: complete[0], warm: latencies.slice(1), warmComplete: complete.slice(1), heapMb };
}

/** Sequential round trips: a request that starts after every earlier one has finished starts a new one. */
function waves(requests: Request[]): number {
  let count = 0;
  let finished = -Infinity;
  for (const r of [...requests].sort((a, b) => a.start - b.start)) {
    if (r.start >= finished) count++;
    finished = Math.max(finished, r.end);
  }
  return count;
}

/** Evaluates an expression in the page's search worker, through the browser's DevTools protocol. */
async function inWorker(browser: Browser, method: string, params: object = {}): Promise<Record<string, unknown> | null> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send("Target.getTargets");
    const worker = targetInfos.find((t) => t.type === "worker");
    if (!worker) return null;
    const { sessionId } = await cdp.send("Target.attachToTarget", { targetId: worker.targetId, flatten: false });
    const reply = new Promise<Record<string, unknown>>((resolve) =>
      cdp.on("Target.receivedMessageFromTarget", (e) => {
        const message = JSON.parse(e.message);
        if (message.id === 1) resolve(message.result);
      }),
    );
    await cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id: 1, method, params }) });
    return await reply;
  } finally {
    await cdp.detach();
  }
}

/** Time the worker's engine has spent so far (0 before the worker starts, or for a baseline without the counter). */
async function engineMs(browser: Browser): Promise<number> {
  const result = await inWorker(browser, "Runtime.evaluate", { expression: "globalThis.searchEngineMs ?? 0", returnByValue: true });
  return Number((result?.result as { value?: number } | undefined)?.value ?? 0);
}

/** The search worker's JavaScript heap. */
async function workerHeapMb(browser: Browser): Promise<number | null> {
  const result = await inWorker(browser, "Runtime.getHeapUsage");
  return result ? Number(result.usedSize) / 2 ** 20 : null;
}

function format(r: Result): string {
  const at = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.floor(values.length * share)] ?? NaN;
  return [
    `first search: ${(r.firstBytes / 1024).toFixed(0)} KB in ${r.firstRequests} requests, ${r.roundTrips} sequential round trips, first keystroke → results ${r.firstMs.toFixed(0)} ms`,
    `warm keystroke → results shown (debounce included): median ${at(r.warm, 0.5).toFixed(0)} ms, p95 ${at(r.warm, 0.95).toFixed(0)} ms; → complete: median ${at(r.warmComplete, 0.5).toFixed(0)} ms, p95 ${at(r.warmComplete, 0.95).toFixed(0)} ms (${r.warm.length} keystrokes)`,
    `worker heap after ${QUERIES.length} queries: ${r.heapMb === null ? "n/a" : `${r.heapMb.toFixed(1)} MB`}`,
  ].join("\n           ");
}
