import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { Catalog } from "@/collector/catalog";
import { dayOf, dayStart } from "@/collector/day";
import { exportEvents } from "@/collector/report/export";
import { buildReport } from "@/collector/report/report";
import { openStore, type OpenStore } from "@/collector/store/open";
import { rebuildDay, upkeep } from "@/collector/store/rollup";
import { EventWriter, type Received, type StoredEvent } from "@/collector/store/write";
import { VisitorKeys } from "@/collector/visitor";
import { describeEachStore, type Scratch } from "./databases";

// Real servers and databases in other processes: caps for a slow, shared machine, not measurements.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const PAGE = "/account/real-name-auth/";
const CATALOG: Catalog = {
  pages: { [PAGE]: { title: "实名认证常见问题", source: "content/account/real-name-auth.md", questions: { faceiderr: { question: "人脸识别失败怎么办？", line: 51 }, other: { question: "如何解除实名认证？", line: 12 } } } },
};
const NOW = Date.parse("2026-11-28T12:00:00+08:00");
const TODAY = dayOf(NOW);
const visitor = (n: number) => Buffer.alloc(8, n);
const at = (day: number, n = 1, events: StoredEvent[]): Received => ({ ts: dayStart(day) + 3600_000, day, visitor: visitor(n), events });
const search = (query: string, results: number, position: number | null = null, id = randomUUID()): StoredEvent => ({ type: "search", id, query, results, position });
const vote = (voteId: string, seq: number, helpful: boolean, extra: { question?: string; reason?: number | null; comment?: string | null } = {}): StoredEvent => ({
  type: "vote",
  vote: voteId,
  seq,
  page: PAGE,
  question: extra.question ?? "faceiderr",
  helpful,
  reason: extra.reason ?? null,
  comment: extra.comment ?? null,
});
const report = (store: OpenStore, days = 30, now = NOW) => buildReport(store.db, CATALOG, { days, now, siteUrl: "https://help.example.com" });
/** The roll-ups as rows (counts as numbers, rows of zeros left out: a vote moved away leaves one). */
async function rollups(store: OpenStore) {
  const out: Record<string, unknown[]> = {};
  for (const table of ["search_daily", "vote_daily", "reason_daily", "day_totals"] as const) {
    const rows = (await store.db.selectFrom(table).selectAll().execute()) as Record<string, number>[];
    out[table] = rows
      .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])))
      .filter((r) => Object.entries(r).some(([k, v]) => !["day", "query_id", "question_id", "reason"].includes(k) && v !== 0))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return out;
}

/** The roll-ups the writes counted equal those recounted from the raw rows of the same days. */
async function expectRollupsMatchRaw(store: OpenStore, days: number[]) {
  const counted = await rollups(store);
  for (const day of days) await rebuildDay(store.db, day);
  expect(counted).toEqual(await rollups(store));
}

const votesOf = async (store: OpenStore, question = "faceiderr") => (await report(store)).questions.find((q) => q.url.endsWith(`#${question}`)) ?? { helpful: 0, notHelpful: 0 };

describeEachStore("collector store", (makeScratch) => {
  let scratch: Scratch;
  let store: OpenStore;
  let writer: EventWriter;
  beforeAll(async () => {
    scratch = await makeScratch();
    store = await openStore(scratch.location);
    writer = new EventWriter(store.db);
  });
  afterAll(async () => {
    await store?.close();
    await scratch?.drop();
  });

  it("migrates on every open without doing it twice", async () => {
    const again = await openStore(scratch.location);
    await again.close();
    const migrations = await store.db.selectFrom("kysely_migration" as never).selectAll().execute();
    expect(migrations).toHaveLength(1);
  });

  it("stores a search once however often it is sent, and only its first click", async () => {
    const id = randomUUID();
    await writer.write([at(TODAY, 1, [search("实名认证", 3, null, id)])]);
    await writer.write([at(TODAY, 1, [search("实名认证", 3, null, id)]), at(TODAY, 1, [{ type: "click", search: id, position: 2 }])]);
    await writer.write([at(TODAY, 1, [{ type: "click", search: id, position: 5 }, { type: "click", search: randomUUID(), position: 1 }])]);
    const line = (await report(store)).searches.find((s) => s.query === "实名认证")!;
    expect(line).toMatchObject({ searches: 1, clicks: 1, avgClickPosition: 2, zeroResults: false });
  });

  it("counts the latest version of a vote, ignores replays and older versions, and keeps one vote per visitor and question", async () => {
    const v = randomUUID();
    await writer.write([at(TODAY, 2, [vote(v, 1, true)])]);
    await writer.write([at(TODAY, 2, [vote(v, 2, false, { reason: 1 })])]);
    for (let i = 0; i < 5; i++) await writer.write([at(TODAY, 2, [vote(v, 1, true)])]); // an old version replayed
    expect(await votesOf(store)).toMatchObject({ helpful: 0, notHelpful: 1, reasons: { 内容过时或与实际不符: 1 } });
    // The same visitor again under new vote ids (storage cleared, a replay tool): still one vote, the latest.
    for (let i = 0; i < 20; i++) await writer.write([at(TODAY, 2, [vote(randomUUID(), 1, i % 2 === 0)])]);
    expect(await votesOf(store)).toMatchObject({ helpful: 0, notHelpful: 1 });
    await writer.write([at(TODAY, 3, [vote(randomUUID(), 1, true)])]); // another visitor
    expect(await votesOf(store)).toMatchObject({ helpful: 1, notHelpful: 1 });
  });

  it("writes nothing of a batch that fails", async () => {
    const id = randomUUID();
    const broken = { ...search("坏的", 1), results: null as unknown as number }; // NOT NULL
    await expect(writer.write([at(TODAY, 4, [search("整批失败", 1, null, id), vote(randomUUID(), 1, true, { question: "other" }), broken])])).rejects.toThrow();
    expect((await report(store)).searches.find((s) => s.query === "整批失败")).toBeUndefined();
    expect((await report(store)).questions.find((q) => q.url.endsWith("#other"))).toBeUndefined();
  });

  it("counts the daily roll-ups with every write, equal to the raw rows, and keeps them when the raw rows expire", async () => {
    const s = await makeScratch();
    const st = await openStore(s.location);
    try {
      const w = new EventWriter(st.db);
      const days: number[] = [];
      for (let d = 0; d < 20; d++) {
        const day = TODAY - d;
        days.push(day);
        const ids = [randomUUID(), randomUUID()];
        const events: StoredEvent[] = [search("发票", d % 3 ? 2 : 0, d % 2 ? 1 : null, ids[0]), search("退款", 4, 3), search(`第${d}天`, 0), search("发票", 5, null, ids[1])];
        await w.write([at(day, 10 + d, events)]);
        await w.write([at(day, 10 + d, [search("发票", 0, null, ids[0]), { type: "click", search: ids[1], position: 2 }])]); // a replay and a later click
        await w.write([at(day, 10 + d, [vote(randomUUID(), 1, d % 4 === 0, { reason: d % 4 === 0 ? null : d % 6, comment: d === 3 ? "第三天的留言" : null })])]);
        await w.write([at(day, 10 + d, [{ type: "notfound", id: randomUUID(), query: `第${d}天`, text: `找第${d}天` }])]);
      }
      await expectRollupsMatchRaw(st, days);
      const counted = await report(st, 30);
      expect(counted.totals).toEqual({ searches: 80, zeroResultSearches: 27, searchesWithClick: 50, helpful: 5, notHelpful: 15 });
      expect(counted.searches.find((x) => x.query === "发票")).toMatchObject({ searches: 40, clicks: 30, avgClickPosition: (10 * 1 + 20 * 2) / 30 });
      expect(counted.questions[0]).toMatchObject({ source: "content/account/real-name-auth.md:51", url: "https://help.example.com/account/real-name-auth/#faceiderr", comments: ["第三天的留言"] });
      expect(counted.worst[0].worstScore).toBeGreaterThan(0.5);
      expect(counted.daily).toHaveLength(30);

      // 14 months later: the raw rows are gone, the roll-ups answer.
      const later = NOW + 425 * 86_400_000;
      expect((await upkeep(st.db, 13, later)).expiredRows).toBe(20 * 4 + 20 + 20);
      expect(await st.db.selectFrom("searches").selectAll().execute()).toEqual([]);
      const old = await report(st, 500, later);
      expect(old.totals).toEqual(counted.totals);
      expect(old.searches).toEqual(counted.searches);
      expect(old.notFound).toEqual([]); // texts are raw events: they expire
    } finally {
      await st.close();
      await s.drop();
    }
  });

  it("counts a late click on its search's day, and moves a changed vote from its old day to today", async () => {
    const s = await makeScratch();
    const st = await openStore(s.location);
    try {
      const w = new EventWriter(st.db);
      const id = randomUUID();
      const v = randomUUID();
      await w.write([at(TODAY - 3, 1, [search("迟到的点击", 5, null, id), vote(v, 1, true)])]);
      await w.write([at(TODAY, 1, [{ type: "click", search: id, position: 4 }, vote(v, 2, false, { reason: 0 })])]);
      expect((await report(st)).searches[0]).toMatchObject({ searches: 1, clicks: 1, avgClickPosition: 4 });
      expect(await votesOf(st)).toMatchObject({ helpful: 0, notHelpful: 1, reasons: { 没解决我的问题: 1 } });
      const days = (await report(st)).daily;
      expect(days.at(-4)).toMatchObject({ searches: 1, clickThroughRate: 1, helpful: 0, notHelpful: 0 });
      expect(days.at(-1)).toMatchObject({ searches: 0, helpful: 0, notHelpful: 1 });
      await expectRollupsMatchRaw(st, [TODAY - 3, TODAY]);
    } finally {
      await st.close();
      await s.drop();
    }
  });

  it("makes one visitor key a day from a salt it deletes 48 hours later", async () => {
    const s = await makeScratch();
    const st = await openStore(s.location); // its own: upkeep at a later time rolls up the days of the others
    try {
      const keys = new VisitorKeys(st.db);
      const a = await keys.key(TODAY, "198.51.100.7", "UA");
      expect(await keys.key(TODAY, "198.51.100.7", "UA")).toEqual(a);
      expect(await keys.key(TODAY, "198.51.100.8", "UA")).not.toEqual(a);
      expect(await keys.key(TODAY + 1, "198.51.100.7", "UA")).not.toEqual(a);
      const salts = await st.db.selectFrom("salts").select(["day", "created_at"]).execute();
      expect(salts.map((x) => x.day).sort()).toEqual([TODAY, TODAY + 1]);
      const newest = Math.max(...salts.map((x) => Number(x.created_at)));
      await upkeep(st.db, 13, newest + 47 * 3600_000);
      expect(await st.db.selectFrom("salts").selectAll().execute()).toHaveLength(2);
      await upkeep(st.db, 13, newest + 48 * 3600_000 + 1);
      expect(await st.db.selectFrom("salts").selectAll().execute()).toEqual([]);
    } finally {
      await st.close();
      await s.drop();
    }
  });

  it("exports every raw event with its event_id", async () => {
    const lines: string[] = [];
    const n = await exportEvents(store.db, async (l) => void lines.push(l));
    const events = lines.map((l) => JSON.parse(l) as { event_id: string; type: string });
    expect(n).toBe(lines.length);
    expect(events.every((e) => /^[0-9a-f-]{36}$/.test(e.event_id))).toBe(true);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(["search", "vote"]));
    expect(new Set(events.map((e) => e.event_id)).size).toBe(events.length);
  });

  it("keeps one vote when two collector instances write the same visitor's votes at once", async () => {
    const other = await openStore(scratch.location);
    try {
      const second = new EventWriter(other.db);
      const question = "other";
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? writer : second).write([at(TODAY, 99, [vote(randomUUID(), 1, false, { question })])]).catch(() => {})));
      // SQLite has one writer at a time; on PostgreSQL a clash may fail a transaction (the client
      // retries), but never counts twice, and the roll-ups agree with the rows.
      expect(await votesOf(store, question)).toMatchObject({ helpful: 0, notHelpful: 1 });
      await expectRollupsMatchRaw(store, [TODAY]);
    } finally {
      await other.close();
    }
  });
});
