// `npm run lighthouse`: Lighthouse 12.8.2 (mobile preset) on the home page, the FAQ page and a search
// results page, served exactly as `npm start` serves them. Three runs each; prints the median score of
// every category, what cost points, and exits 1 below the targets. Reports: reports/lighthouse/.
// `--baseline` also measures, in the same run, a bare Next.js page (same Next and React, one heading,
// no code of ours) built in .bench-build/, served the same way: the floor this machine allows.
import fs from "node:fs";
import os from "node:os";
import type { AddressInfo } from "node:net";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { spawnSync } from "node:child_process";
import { build } from "./build";
import { precompress } from "./lib/precompress";
import { NEXT_BIN } from "./lib/next-bin";
import { createCollector } from "../src/collector/collector";
import { collectorConfig } from "../src/collector/config";
import { createServer } from "../src/server/server";
import { buildStamp, readStamp } from "./lib/stamp";

const RUNS = Number(process.env.LIGHTHOUSE_RUNS || 3);
const PAGES = { home: "/", faq: "/account/real-name-auth/", search: `/search/?q=${encodeURIComponent("实名认证")}`, "empty search": "/search/" };
const TARGETS: Record<string, number> = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };
const REPORTS = path.resolve("reports", "lighthouse");

const OUT = path.resolve("out");
if (readStamp(OUT) !== buildStamp() && !(await build())) process.exit(1);
// As npm start serves: with the collector (pages send their settled searches), storing into a scratch SQLite.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "faq-lighthouse-collector-"));
const collector = createCollector({ siteRoot: OUT, config: collectorConfig({ ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, ADMIN_TOKEN: "" }), log: () => {} });
await collector.start();
const server = createServer({ siteRoot: OUT, routes: collector.routes }).listen(0, "127.0.0.1");
await new Promise((resolve) => server.once("listening", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
fs.mkdirSync(REPORTS, { recursive: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let failed = false;

/** Runs Lighthouse RUNS times on one page and prints the medians; returns whether it meets TARGETS. */
async function measure(name: string, origin: string, url: string): Promise<boolean> {
  const runs: Record<string, number>[] = [];
  const lost = new Set<string>();
  const lcp: number[] = [], tbt: number[] = [], cls: number[] = [];
  for (let i = 0, retries = 0; i < RUNS; i++) {
    // A fresh browser per run, as Lighthouse's CLI does: no warm cache between runs. --no-sandbox: root.
    const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", chromeFlags: ["--headless=new", "--no-sandbox"] });
    try {
      const result = await lighthouse(origin + url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: Object.keys(TARGETS) });
      if (!result) throw new Error("Lighthouse returned no result");
      const { lhr } = result;
      // Lighthouse sometimes loses the trace (NO_NAVSTART): that run measured nothing, so run it again.
      if (lhr.runtimeError && retries++ < 3) {
        console.error(`  retrying ${name} run ${i + 1}: ${lhr.runtimeError.code}`);
        i--;
        continue;
      }
      fs.writeFileSync(path.join(REPORTS, `${name}-${i + 1}.json`), result.report as string);
      runs.push(Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)])));
      lcp.push(lhr.audits["largest-contentful-paint"].numericValue ?? NaN);
      tbt.push(lhr.audits["total-blocking-time"].numericValue ?? NaN);
      cls.push(lhr.audits["cumulative-layout-shift"].numericValue ?? NaN);
      for (const category of Object.values(lhr.categories)) {
        for (const ref of category.auditRefs) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1) lost.add(`${category.id}: ${ref.id} (${audit.displayValue ?? audit.score})`);
        }
      }
    } finally {
      await chrome.kill();
    }
  }
  let ok = true;
  const scores = Object.keys(TARGETS).map((id) => {
    const value = median(runs.map((r) => r[id]));
    if (value < TARGETS[id]) ok = false;
    return `${id} ${value} (${runs.map((r) => r[id]).join("/")})`;
  });
  console.log(`${name.padEnd(8)} ${url}\n  ${scores.join(" · ")}\n  median LCP ${Math.round(median(lcp))} ms · TBT ${Math.round(median(tbt))} ms · CLS ${median(cls).toFixed(3)}`);
  for (const item of lost) console.log(`  lost points: ${item}`);
  return ok;
}

for (const [name, url] of Object.entries(PAGES)) if (!(await measure(name, base, url))) failed = true;
if (process.argv.includes("--baseline")) {
  const baseline = createServer({ siteRoot: await buildBaseline() }).listen(0, "127.0.0.1");
  await new Promise((resolve) => baseline.once("listening", resolve));
  await measure("baseline", `http://127.0.0.1:${(baseline.address() as AddressInfo).port}`, "/");
  baseline.close();
}
server.close();
await collector.close();
fs.rmSync(dataDir, { recursive: true, force: true });
console.log(failed ? `✗ below target (${JSON.stringify(TARGETS)})` : "✓ every page meets the targets (median of runs)");
process.exit(failed ? 1 : 0);

/** A bare Next.js app (one page, no code of ours), exported and precompressed like the site. */
async function buildBaseline(): Promise<string> {
  const dir = path.resolve(".bench-build", "lh-baseline");
  fs.mkdirSync(path.join(dir, "app"), { recursive: true });
  fs.writeFileSync(path.join(dir, "next.config.mjs"), `export default { output: "export", trailingSlash: true };\n`);
  fs.writeFileSync(path.join(dir, "app", "layout.jsx"), `export default function RootLayout({ children }) {\n  return (<html lang="zh-CN"><body>{children}</body></html>);\n}\n`);
  fs.writeFileSync(path.join(dir, "app", "page.jsx"), `export const metadata = { title: "基线", description: "A bare Next.js page." };\nexport default function Page() {\n  return (<main><h1>常见问题</h1><p>同样的 Next 与 React 版本，没有我们的代码：性能基线。</p></main>);\n}\n`);
  const next = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (next.status !== 0) throw new Error("baseline build failed");
  await precompress(path.join(dir, "out"));
  return path.join(dir, "out");
}
