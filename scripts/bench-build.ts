// `npm run bench:build -- [--pages N | --content DIR] [--no-baseline]`: builds a site in a scratch copy of
// the project and prints, for each build, its time, its phases, the peak memory of all build
// processes together (and of the largest one) and what it wrote:
//   1. cold: a fresh copy, no .next/, no caches;
//   2. warm: the same content again, nothing changed;
//   3. one-page edit: a question added to one page (the incremental build: unchanged pages are reused);
//   4. baseline: the same edited content with `--clean`, every page rendered again, the caches warm:
//      what the edit cost before builds were incremental (skip it with --no-baseline).
// `--pages N` generates N pages with make-corpus.mjs (../shared/tools/, or MAKE_CORPUS=path); `--content
// DIR` copies DIR. The project's own out/, caches and content are not touched.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BuildRecord } from "./lib/incremental";
import { scratchProject } from "./lib/scratch-project";

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const pages = arg("--pages");
const scratch = scratchProject();
const content = path.join(scratch, "content-copy");
if (pages) generateCorpus(Number(pages), content);
else fs.cpSync(path.resolve(arg("--content") ?? "content"), content, { recursive: true });

type Measured = { label: string; title: string; ok: boolean; seconds: number; cpu: number; load: string; peak: number; largest: number; log: string; record: BuildRecord | null; files: FileCounts };
const results: Measured[] = [];
/** Runs and prints one build (each as it ends: a 10,000-page run takes a quarter of an hour). */
async function step(label: string, why: string, args: string[] = []): Promise<boolean> {
  const result = await measuredBuild(label, why, args);
  results.push(result);
  print(result);
  return result.ok;
}
try {
  if ((await step("cold", "a fresh copy: no .next/, no caches")) && (await step("warm", "nothing changed"))) {
    const page = (fs.readdirSync(content, { recursive: true }) as string[]).filter((f) => f.endsWith(".md")).sort()[0];
    fs.appendFileSync(path.join(content, page), "\n### 基准测试加的问题？\n这是第二次构建前加入的答案。\n");
    if ((await step("one-page edit", `a question added to ${page}`)) && !process.argv.includes("--no-baseline")) {
      await step("baseline", "the same edit, every page rendered: --clean, caches warm", ["--clean"]);
    }
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
if (results.length > 1) {
  console.log("summary:");
  for (const r of results) console.log(`  ${r.label.padEnd(14)} ${r.seconds.toFixed(1).padStart(7)} s (CPU ${r.cpu.toFixed(0).padStart(4)} s)   peak ${mb(r.peak).padStart(6)} MB (largest process ${mb(r.largest)} MB)   ${r.record ? `${r.record.rendered.length} of ${Object.keys(r.record.routes).length} category and FAQ pages rendered` : ""}`);
}
process.exit(results.every((r) => r.ok) ? 0 : 1);

function generateCorpus(count: number, dir: string): void {
  const tool = process.env.MAKE_CORPUS || path.resolve("..", "shared", "tools", "make-corpus.mjs");
  if (!Number.isInteger(count) || count < 1) throw new Error("--pages needs a whole number of pages, e.g. --pages 1000");
  if (!fs.existsSync(tool)) throw new Error(`--pages needs make-corpus.mjs (looked for ${tool}): set MAKE_CORPUS=path/to/make-corpus.mjs, or use --content DIR`);
  const made = spawnSync(process.execPath, [tool, "--out", dir, "--pages", String(count)], { encoding: "utf8" });
  if (made.status !== 0) throw new Error(`make-corpus failed:\n${made.stderr}`);
  console.log(made.stdout.trim() || made.stderr.trim());
}

async function measuredBuild(label: string, why: string, args: string[] = []): Promise<Measured> {
  const title = `${label} (${why})`;
  const load = os.loadavg().map((l) => l.toFixed(1)).join(" ");
  const cpuBefore = childrenCpuSeconds();
  const started = Date.now();
  const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/build.ts", ...args], {
    cwd: scratch,
    env: { ...process.env, CONTENT_DIR: content, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  // Peak memory: the resident memory of the build and all its descendants, summed, sampled.
  let peak = 0, largest = 0;
  const sampler = setInterval(() => {
    const sizes = treeRss(child.pid!);
    peak = Math.max(peak, sizes.reduce((a, b) => a + b, 0));
    largest = Math.max(largest, ...sizes);
  }, 200);
  const exit: number = await new Promise((resolve) => child.on("exit", resolve));
  clearInterval(sampler);
  const seconds = (Date.now() - started) / 1000;
  const cpu = childrenCpuSeconds() - cpuBefore;
  const recordFile = path.join(scratch, ".next", "cache", "faq-build.json");
  const record = exit === 0 && fs.existsSync(recordFile) ? (JSON.parse(fs.readFileSync(recordFile, "utf8")) as BuildRecord) : null;
  return { label, title, ok: exit === 0, seconds, cpu, load, peak, largest, log, record, files: countFiles(path.join(scratch, "out")) };
}

function print(r: Measured): void {
  console.log(`\n${r.title}: ${r.ok ? "ok" : `FAILED\n${r.log.slice(-3000)}`}`);
  for (const phase of r.log.split("\n").filter((l) => l.startsWith("✓"))) console.log(`  ${phase}`);
  console.log(`  build time: ${r.seconds.toFixed(1)} s (CPU time of all build processes: ${r.cpu.toFixed(0)} s; load average before: ${r.load})`);
  console.log(`  peak memory: ${mb(r.peak)} MB, all build processes together (largest process: ${mb(r.largest)} MB)`);
  const f = r.files;
  console.log(`  out/: ${f.files} files, ${mb(f.bytes)} MB: ${f.pages} pages (index.html), ${f.gzip} .gz copies, ${f.searchIndex} search index files`);
}

/**
 * CPU seconds (user + system) of this process's finished children and all they waited for: the
 * build and its Next.js processes and threads. Less disturbed than wall time by other work on the machine.
 */
function childrenCpuSeconds(): number {
  const stat = fs.readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[13]) + Number(fields[14])) / 100; // cutime, cstime in clock ticks (USER_HZ = 100)
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

/** Resident memory of `root` and each of its descendants. */
function treeRss(root: number): number[] {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p)).map(Number)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), pid]);
      rss.set(pid, Number(fields[21]) * 4096);
    } catch {
      // the process ended while we looked
    }
  }
  const sizes: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    sizes.push(rss.get(pid) ?? 0);
    stack.push(...(children.get(pid) ?? []));
  }
  return sizes;
}

type FileCounts = { files: number; bytes: number; pages: number; gzip: number; searchIndex: number };
function countFiles(dir: string): FileCounts {
  const counts: FileCounts = { files: 0, bytes: 0, pages: 0, gzip: 0, searchIndex: 0 };
  if (!fs.existsSync(dir)) return counts;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(dir, path.join(entry.parentPath, entry.name));
    counts.files++;
    counts.bytes += fs.statSync(path.join(dir, rel)).size;
    if (entry.name === "index.html") counts.pages++;
    if (entry.name.endsWith(".gz")) counts.gzip++;
    if (rel.startsWith(`search-index${path.sep}`) && !entry.name.endsWith(".gz")) counts.searchIndex++;
  }
  return counts;
}
