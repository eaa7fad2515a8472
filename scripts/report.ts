// `npm run report [-- --days N] [--json | --csv]`: the writers' report of the collector's database
// (SQLite under DATA_DIR, or DATABASE_URL), the same as /admin/ shows: top searches, zero-result
// searches, searches without a click, 没找到 texts, votes per question with the worst ranked by the
// Wilson lower bound, daily trends, each question with its `content/…md:LINE` and live link, and
// the definitions of the metrics.
//   --url https://help.example.com   read the report from that collector's API (needs ADMIN_TOKEN)
//   --export jsonl [--out FILE]      every raw event still kept, one JSON object per line, with event_id
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readCatalog } from "../src/collector/catalog";
import { collectorConfig } from "../src/collector/config";
import { exportEvents } from "../src/collector/report/export";
import { formatCsv } from "../src/collector/report/csv";
import { formatText } from "../src/collector/report/format";
import { buildReport, type Report } from "../src/collector/report/report";
import { jsonVisible } from "../src/collector/report/visible";
import { openStore } from "../src/collector/store/open";
import { currentBuildDir } from "../src/server/build-dirs";

const USAGE = "usage: npm run report [-- --days N] [--json | --csv] [--url URL] | npm run report -- --export jsonl [--out FILE]";

function fail(message: string): never {
  console.error(`✗ ${message}\n${USAGE}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: { days: { type: "string", default: "30" }, json: { type: "boolean" }, csv: { type: "boolean" }, url: { type: "string" }, export: { type: "string" }, out: { type: "string" }, help: { type: "boolean" } },
    strict: true,
  }).values;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const days = Number(args.days);
if (!Number.isInteger(days) || days < 1 || days > 3660) fail("--days must be a whole number from 1 to 3660");
if (args.json && args.csv) fail("choose --json or --csv");
if (args.export !== undefined && args.export !== "jsonl") fail("--export takes jsonl");

const config = collectorConfig();

async function fromApi(base: string): Promise<Report> {
  if (!config.adminToken) fail("--url needs ADMIN_TOKEN, the token of that collector's report");
  const res = await fetch(new URL(`/api/admin/report?days=${days}`, base), { headers: { Authorization: `Bearer ${config.adminToken}` } });
  if (!res.ok) fail(`${base} answered ${res.status}: ${(await res.text()).trim()}`);
  return (await res.json()) as Report;
}

const started = performance.now();
if (args.export) {
  const store = await openStore(config.store);
  const out = args.out ? fs.createWriteStream(args.out) : process.stdout;
  const written = await exportEvents(store.db, (line) => new Promise<void>((resolve) => (out.write(line + "\n") ? resolve() : out.once("drain", resolve))));
  if (args.out) await new Promise((resolve) => (out as fs.WriteStream).end(resolve));
  await store.close();
  console.error(`✓ exported ${written} raw events in ${((performance.now() - started) / 1000).toFixed(1)} s${args.out ? ` to ${args.out}` : ""}`);
} else {
  let report: Report;
  if (args.url) report = await fromApi(args.url);
  else {
    const store = await openStore(config.store);
    const build = currentBuildDir(path.resolve("out"));
    report = await buildReport(store.db, build ? readCatalog(build) : null, { days, siteUrl: config.siteUrl });
    await store.close();
  }
  process.stdout.write(args.json ? jsonVisible(JSON.stringify(report, null, 2)) + "\n" : args.csv ? formatCsv(report) : formatText(report));
  console.error(`report of ${report.days} days in ${Math.round(performance.now() - started)} ms`);
}
