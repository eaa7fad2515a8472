// `npm run report [-- --days N] [--json | --csv] [--out FILE]`: the writers' report of the collector's
// database (SQLite under DATA_DIR, or DATABASE_URL), the same as /admin/ shows: top searches,
// zero-result searches, searches without a click, 没找到 texts, votes per question with the worst
// ranked by the Wilson lower bound, daily trends, each question with its `content/…md:LINE` and live
// link, and the definitions of the metrics.
//   --url https://help.example.com   read the report from that collector's API (needs ADMIN_TOKEN)
//   --out FILE                       write the report (or the export) to FILE instead of stdout
//   --export jsonl [--out FILE]      every raw event still kept, one JSON object per line, with event_id
// Whatever goes wrong that the writer can fix (settings, a collector down, a wrong token) is one ✗
// line on stderr saying what to do, and a non-zero exit: no stack trace.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readCatalog } from "../src/collector/catalog";
import { collectorConfig, ConfigError, type CollectorConfig } from "../src/collector/config";
import { formatCsv } from "../src/collector/report/csv";
import { exportEvents } from "../src/collector/report/export";
import { formatText } from "../src/collector/report/format";
import { fetchReport, RemoteReportError } from "../src/collector/report/remote";
import { buildReport, type Report } from "../src/collector/report/report";
import { jsonVisible } from "../src/collector/report/visible";
import { openStore } from "../src/collector/store/open";
import { currentBuildDir } from "../src/server/build-dirs";

const USAGE = "usage: npm run report [-- --days N] [--json | --csv] [--out FILE] [--url URL] | npm run report -- --export jsonl [--out FILE]";

/** A mistake in the command line: the usage follows, exit 2. */
function usageError(message: string): never {
  console.error(`✗ ${message}\n${USAGE}`);
  process.exit(2);
}

/** Something the writer can fix outside the command line: one line, exit 1. */
function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

function options() {
  let args;
  try {
    args = parseArgs({
      options: { days: { type: "string", default: "30" }, json: { type: "boolean" }, csv: { type: "boolean" }, url: { type: "string" }, export: { type: "string" }, out: { type: "string" }, help: { type: "boolean" } },
      strict: true,
    }).values;
  } catch (error) {
    usageError(error instanceof Error ? error.message : String(error));
  }
  if (args.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const days = Number(args.days);
  if (!Number.isInteger(days) || days < 1 || days > 3660) usageError("--days must be a whole number from 1 to 3660");
  if (args.json && args.csv) usageError("choose --json or --csv");
  if (args.export !== undefined && args.export !== "jsonl") usageError("--export takes jsonl");
  return { ...args, days, url: args.url === undefined ? undefined : siteAddress(args.url) };
}

function siteAddress(value: string): URL {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || !/^https?:$/.test(url.protocol)) usageError(`--url must be the site's address, such as https://help.example.com or http://localhost:3000 (got "${value}")`);
  return url;
}

function config(): CollectorConfig {
  try {
    return collectorConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

/** The collector's database, or one ✗ line saying which setting to check (a server down, a wrong URL). */
async function openDatabase(settings: CollectorConfig): Promise<Awaited<ReturnType<typeof openStore>>> {
  try {
    return await openStore(settings.store);
  } catch (error) {
    fail(`cannot open the collector's database: ${error instanceof Error ? error.message : String(error)}; check DATABASE_URL (PostgreSQL) or DATA_DIR (SQLite)`);
  }
}

async function localReport(settings: CollectorConfig, days: number): Promise<Report> {
  const store = await openDatabase(settings);
  const build = currentBuildDir(path.resolve("out"));
  const report = await buildReport(store.db, build ? readCatalog(build) : null, { days, siteUrl: settings.siteUrl });
  await store.close();
  // The database does not say where the site is served; a guessed origin would be a wrong link.
  if (!settings.siteUrl) console.error("⚠ SITE_URL is not set, so the links are paths on the site (/account/…#id): set SITE_URL=https://help.example.com for full links");
  return report;
}

async function remoteReport(settings: CollectorConfig, base: URL, days: number): Promise<Report> {
  if (!settings.adminToken) usageError("--url needs ADMIN_TOKEN, the token of that collector's report");
  try {
    return await fetchReport(base, settings.adminToken, days);
  } catch (error) {
    if (error instanceof RemoteReportError) fail(error.message);
    throw error;
  }
}

async function exportJsonl(settings: CollectorConfig, file: string | undefined): Promise<number> {
  const store = await openDatabase(settings);
  const out = file ? fs.createWriteStream(file, { fd: openForWriting(file) }) : process.stdout;
  const written = await exportEvents(store.db, (line) => new Promise<void>((resolve) => (out.write(line + "\n") ? resolve() : out.once("drain", resolve))));
  if (file) await new Promise((resolve) => (out as fs.WriteStream).end(resolve));
  await store.close();
  return written;
}

/** A file descriptor to write `file`, or one ✗ line saying why it cannot be written. */
function openForWriting(file: string): number {
  try {
    return fs.openSync(file, "w");
  } catch (error) {
    fail(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function writeFile(file: string, text: string): void {
  try {
    fs.writeFileSync(file, text);
  } catch (error) {
    fail(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

const args = options();
const settings = config();
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
if (args.export) {
  const written = await exportJsonl(settings, args.out);
  console.error(`✓ exported ${written} raw events in ${seconds()} s${args.out ? ` to ${args.out}` : ""}`);
} else {
  const report = args.url ? await remoteReport(settings, args.url, args.days) : await localReport(settings, args.days);
  const text = args.json ? jsonVisible(JSON.stringify(report, null, 2)) + "\n" : args.csv ? formatCsv(report) : formatText(report);
  // A CSV file opened in Excel or WPS on Chinese Windows is read as GBK unless it begins with a BOM.
  if (args.out) writeFile(args.out, args.csv ? `\uFEFF${text}` : text);
  else process.stdout.write(text);
  console.error(`${args.out ? "✓ " : ""}report of ${report.days} days in ${Math.round(performance.now() - started)} ms${args.out ? ` written to ${args.out}` : ""}`);
}
