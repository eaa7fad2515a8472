// `npm run bench:report [-- --events 10000000] [--days 90]`: the report over a large database.
// Fills a scratch database (SQLite; PostgreSQL with DATABASE_URL=postgres://…, a scratch database on
// that server, dropped after) with synthetic raw events spread over the days, as the collector
// stores them: settled searches (93 %: queries drawn from 200,000 distinct ones with a Zipf law,
// s = 1.1, so a few are frequent and most are rare; 15 % find nothing, 55 % have a click), votes on
// 10,000 questions (6 %) and 没找到 texts (1 %), each day's roll-ups made from its raw rows (the
// collector counts them with each write; a bulk load rebuilds them). Then it times the report over
// the last `days` days, three times. Prints load and roll-up times, the report's median time, and the bytes the
// database takes per event (file size on SQLite, relation sizes with indexes on PostgreSQL).
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { dayOf, dayStart } from "../src/collector/day";
import { buildReport } from "../src/collector/report/report";
import { openStore } from "../src/collector/store/open";
import { rebuildDay } from "../src/collector/store/rollup";
import type { Tables } from "../src/collector/store/tables";
import { scratchDatabase } from "./lib/collector-process";

// --keep: leave the scratch database (SQLite) in place and print where, to look into a slow query.
const { values } = parseArgs({ options: { events: { type: "string", default: "10000000" }, days: { type: "string", default: "90" }, keep: { type: "boolean", default: false } } });
const total = Number(values.events);
const days = Number(values.days);
const QUERIES = 200_000;
const QUESTIONS = 10_000;
const ROWS = 1000; // rows per INSERT

/** Zipf(s) over 1…n by inverse transform on a precomputed cumulative table. */
function zipf(n: number, s: number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let k = 1; k <= n; k++) cumulative[k - 1] = sum += 1 / k ** s;
  return () => {
    const u = Math.random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

const scratch = await scratchDatabase();
const store = await openStore(scratch.location);
const { db } = store;
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
try {
  const now = Date.now();
  const today = dayOf(now);
  const started = performance.now();
  for (let i = 1; i <= QUERIES; i += ROWS) {
    await db.insertInto("queries").values(Array.from({ length: Math.min(ROWS, QUERIES - i + 1) }, (_, j) => ({ id: i + j, text: `查询 ${i + j} ${(i + j).toString(36)}` }))).execute();
  }
  for (let i = 1; i <= QUESTIONS; i += ROWS) {
    await db.insertInto("questions").values(Array.from({ length: ROWS }, (_, j) => ({ id: i + j, page: `/c${(i + j) % 100}/p${Math.floor((i + j) / 10)}/`, anchor: `q${i + j}` }))).execute();
  }
  if (store.dialect === "postgres") {
    await sql`select setval('queries_id_seq', ${QUERIES}), setval('questions_id_seq', ${QUESTIONS})`.execute(db);
  }
  const query = zipf(QUERIES, 1.1);
  const question = zipf(QUESTIONS, 0.8);
  let loaded = 0;
  for (let d = days - 1; d >= 0; d--) {
    const day = today - d;
    const count = Math.round(total / days);
    const base = dayStart(day);
    const at = () => base + Math.floor(Math.random() * 86_400_000);
    const searches: Tables["searches"][] = [];
    const votes: Tables["votes"][] = [];
    const notfound: Tables["notfound"][] = [];
    for (let i = 0; i < count; i++) {
      const r = Math.random();
      if (r < 0.93) {
        const results = Math.random() < 0.15 ? 0 : 1 + Math.floor(Math.random() * 10);
        searches.push({ event_id: randomUUID(), day, ts: at(), query_id: query(), results, position: results && Math.random() < 0.55 ? 1 + Math.floor(Math.random() * Math.min(results, 5)) : null });
      } else if (r < 0.99) {
        const helpful = Math.random() < 0.7 ? 1 : 0;
        votes.push({ vote_id: randomUUID(), seq: 1, day, ts: at(), visitor: randomBytes(8), question_id: question(), helpful, reason: helpful ? null : Math.floor(Math.random() * 6), comment: !helpful && Math.random() < 0.2 ? "第二步的入口找不到，和截图不一样" : null });
      } else {
        notfound.push({ event_id: randomUUID(), day, ts: at(), query_id: query(), text: Math.random() < 0.5 ? "" : "想知道境外护照能不能实名认证" });
      }
    }
    for (const [table, rows] of [["searches", searches], ["votes", votes], ["notfound", notfound]] as const) {
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += ROWS) await trx.insertInto(table).values(rows.slice(i, i + ROWS) as never).execute();
      });
    }
    // Loaded in bulk, so the roll-ups the collector counts with each write are made here, from the raw rows.
    await rebuildDay(db, day);
    loaded += count;
    if (d % 10 === 0) console.error(`… ${loaded.toLocaleString("en")} events loaded (${seconds(started)} s)`);
  }
  const loadTime = seconds(started);

  const times: number[] = [];
  let report;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    report = await buildReport(db, null, { days, siteUrl: "https://help.example.com", now });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);

  let bytes: number;
  if (store.dialect === "sqlite") {
    await sql`pragma wal_checkpoint(truncate)`.execute(db);
    bytes = fs.statSync(scratch.location.dialect === "sqlite" ? scratch.location.file : "").size;
  } else {
    await sql`vacuum analyze`.execute(db);
    const row = await sql<{ bytes: number }>`select sum(pg_total_relation_size(c.oid))::bigint as bytes from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'm')`.execute(db);
    bytes = Number(row.rows[0].bytes);
  }
  const rawBytes = bytes;
  console.log(
    [
      `report: ${scratch.label}, ${loaded.toLocaleString("en")} events over ${days} days (${report!.totals.searches.toLocaleString("en")} searches, ${(report!.totals.helpful + report!.totals.notHelpful).toLocaleString("en")} votes in the report)`,
      `load ${loadTime} s (raw rows and their daily roll-ups)`,
      `report of ${days} days: median ${Math.round(times[1])} ms (runs ${times.map((t) => Math.round(t)).join(", ")} ms), from the daily roll-ups`,
      `storage: ${(rawBytes / 1e6).toFixed(0)} MB, ${Math.round(rawBytes / loaded)} bytes per event (raw events, dictionaries, roll-ups and indexes)`,
    ].join("\n"),
  );
} finally {
  await store.close();
  if (values.keep && scratch.location.dialect === "sqlite") console.log(`kept ${scratch.location.file}`);
  else await scratch.drop();
}
