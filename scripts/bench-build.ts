// `npm run bench:build -- --content DIR [--warm]`: builds the site from DIR into a scratch copy of the
// project and prints build time, peak memory (all build processes together), page count and output
// size. `--warm` then edits one page and builds again in the same copy, as a writer's next build
// runs: with Next's compile cache and the parse cache of the first. The project's own out/ is not touched.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { scratchProject } from "./lib/scratch-project";

const i = process.argv.indexOf("--content");
const source = i > 0 ? path.resolve(process.argv[i + 1]) : path.resolve("content");
const warm = process.argv.includes("--warm");
const scratch = scratchProject();
// The warm run edits a page, so it builds a copy of the content (never the writer's own files).
const content = warm ? path.join(scratch, "content-copy") : source;
if (warm) fs.cpSync(source, content, { recursive: true });

let code = await measuredBuild("cold build (fresh copy: no .next/, no caches)");
if (warm && code === 0) {
  const page = (fs.readdirSync(content, { recursive: true }) as string[]).filter((f) => f.endsWith(".md")).sort()[0];
  fs.appendFileSync(path.join(content, page), "\n### 基准测试加的问题？\n这是第二次构建前加入的答案。\n");
  code = await measuredBuild(`warm build (after editing ${page})`);
}
fs.rmSync(scratch, { recursive: true, force: true });
process.exit(code);

async function measuredBuild(title: string): Promise<number> {
  const started = Date.now();
  const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/build.ts"], {
    cwd: scratch,
    env: { ...process.env, CONTENT_DIR: content, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  // Peak memory: the sum of resident memory of the build and all its descendants, sampled.
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 200);
  const exit: number = await new Promise((resolve) => child.on("exit", resolve));
  clearInterval(sampler);
  const seconds = (Date.now() - started) / 1000;
  const out = path.join(scratch, "out");
  const pages = fs.existsSync(out) ? (fs.readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith("index.html")).length : 0;
  console.log(`${title}: ${exit === 0 ? "ok" : `FAILED (exit ${exit})\n${log.slice(-3000)}`}`);
  console.log(`content: ${source}`);
  for (const phase of log.split("\n").filter((l) => l.startsWith("✓"))) console.log(`  ${phase}`);
  console.log(`build time: ${seconds.toFixed(1)} s (content check + next build + export)`);
  console.log(`peak memory (all processes): ${(peak / 1024 / 1024).toFixed(0)} MB`);
  console.log(`pages written: ${pages}; out/ size: ${(dirSize(out) / 1024 / 1024).toFixed(1)} MB`);
  return exit;
}

function treeRss(root: number): number {
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
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function dirSize(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return (fs.readdirSync(dir, { recursive: true }) as string[]).reduce((n, f) => {
    const stat = fs.statSync(path.join(dir, f));
    return n + (stat.isFile() ? stat.size : 0);
  }, 0);
}
