import { sql } from "kysely";
import type { Catalog } from "../catalog";
import { dayLabel, dayOf, dayStart } from "../day";
import { REASONS } from "../protocol";
import type { Db } from "../store/open";
import { rankWorst } from "./wilson";

/** One query over the period. `zeroResults`: at least half its searches found nothing. */
export type SearchLine = { query: string; searches: number; clicks: number; zeroResultSearches: number; zeroResults: boolean; clickThroughRate: number; avgClickPosition: number | null };

/** One question over the period, with where to fix it. */
export type QuestionLine = {
  /** The live anchor: absolute with SITE_URL, else a site path; "" for a question the database no longer names. */
  url: string;
  question: string;
  source: string;
  helpful: number;
  notHelpful: number;
  helpfulShare: number | null;
  /** Wilson lower bound (95 %) of the not-helpful share; null under 5 votes (not ranked). */
  worstScore: number | null;
  reasons: Record<string, number>;
  comments: string[];
};

export type DayLine = { day: string; searches: number; zeroResultShare: number | null; clickThroughRate: number | null; helpful: number; notHelpful: number; helpfulShare: number | null };

export type Report = {
  from: string;
  to: string;
  days: number;
  generatedAt: string;
  totals: { searches: number; zeroResultSearches: number; searchesWithClick: number; helpful: number; notHelpful: number };
  searches: SearchLine[];
  zeroResultSearches: SearchLine[];
  searchesWithoutClick: SearchLine[];
  notFound: { query: string; text: string; day: string }[];
  questions: QuestionLine[];
  worst: QuestionLine[];
  daily: DayLine[];
  definitions: { name: string; definition: string }[];
};

/** `siteUrl`: the live site's origin for absolute links; null gives site paths (`/account/…#id`), right wherever the site is. */
export type ReportOptions = { days: number; siteUrl: string | null; now?: number; limit?: number; commentsPerQuestion?: number };

export const DEFINITIONS: Report["definitions"] = [
  { name: "搜索次数", definition: "已确定的搜索：读者点击结果、按回车、离开搜索框、停顿约 1.5 秒或离开页面时记一次；不按键计数，输入法组字时不计。发送 DNT: 1 或 Sec-GPC: 1 的读者不记录。" },
  { name: "有点击的搜索", definition: "至少点击了一个结果的搜索。" },
  { name: "点击率", definition: "有点击的搜索 ÷ 搜索次数。" },
  { name: "平均点击位置", definition: "有点击的搜索中，第一个被点击的结果所在位置的平均值（从 1 起，1 是第一个结果）。" },
  { name: "无结果搜索", definition: "没有问题能回答的搜索（读者看到空结果或“可能相关”的问题；点开可能相关的问题不算点击）；一个查询至少一半的搜索无结果时，标为无结果。" },
  { name: "无点击搜索", definition: "有结果、但在此期间一次也没有被点击的查询。" },
  { name: "没找到留言", definition: "搜索无结果后，读者在“没找到？告诉我们您在找什么”里写下的内容（已去除证件号、手机号、邮箱和银行卡号）。" },
  { name: "有帮助 / 没帮助", definition: "每位读者对每个问题计一票，以最新一次为准（读者可以改票）；改票后计入改票当天，原来那天减去。" },
  { name: "有帮助占比", definition: "有帮助 ÷（有帮助 + 没帮助）。" },
  { name: "最差回答", definition: "至少 5 票的问题，按“没帮助”占比的 Wilson 置信下限（95%）从高到低排列：越靠前，越能确定读者觉得它没帮助；一两票的偶然不会排在稳定的趋势之前。" },
  { name: "原因", definition: "点“没帮助”后选的原因，只统计计入的那一票。" },
  { name: "统计周期", definition: "按中国标准时间（UTC+8）的自然日，截至今天。计数来自每日汇总：每个事件写入时一并计入，所以新的投票立刻可见，原始事件过期后汇总仍在；留言和没找到留言来自原始事件，随其过期。" },
];

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function searchLine(row: { query: string; searches: number; zero_results: number; clicked: number; position_sum: number }): SearchLine {
  const searches = Number(row.searches);
  const clicks = Number(row.clicked);
  const zero = Number(row.zero_results);
  return {
    query: row.query,
    searches,
    clicks,
    zeroResultSearches: zero,
    zeroResults: zero * 2 >= searches,
    clickThroughRate: clicks / searches,
    avgClickPosition: clicks ? Number(row.position_sum) / clicks : null,
  };
}

/**
 * The writers' report over the last `days` days (today included): the same for `npm run report`
 * and `/admin/`. Counts come from the daily roll-ups, which every write keeps current
 * (store/write.ts), so a vote shows up at once; 没找到 texts and comments from the raw rows.
 */
export async function buildReport(db: Db, catalog: Catalog | null, options: ReportOptions): Promise<Report> {
  const now = options.now ?? Date.now();
  const limit = options.limit ?? 50;
  const to = dayOf(now);
  const from = to - options.days + 1;
  // Every query of the period once, then three lists from it, in one statement.
  const perQuery = db
    .selectFrom("search_daily")
    .where("day", ">=", from)
    .where("day", "<=", to)
    .select((eb) => [
      "query_id",
      eb.fn.sum<number>("searches").as("searches"),
      eb.fn.sum<number>("zero_results").as("zero_results"),
      eb.fn.sum<number>("clicked").as("clicked"),
      eb.fn.sum<number>("position_sum").as("position_sum"),
    ])
    .groupBy("query_id");
  const list = (name: string) => sql<string>`${sql.lit(name)}`.as("list");
  const lists = await db
    .with((cte) => cte("totals").materialized(), () => perQuery)
    .selectFrom((eb) => eb.selectFrom("totals").selectAll().select(list("top")).orderBy("searches", "desc").orderBy("query_id").limit(limit).as("top"))
    .selectAll()
    .unionAll((eb) => eb.selectFrom((e) => e.selectFrom("totals").selectAll().select(list("zero")).where("zero_results", ">", 0).orderBy("zero_results", "desc").orderBy("query_id").limit(limit).as("z")).selectAll())
    .unionAll((eb) =>
      eb.selectFrom((e) => e.selectFrom("totals").selectAll().select(list("noclick")).where("clicked", "=", 0).whereRef("zero_results", "<", "searches").orderBy("searches", "desc").orderBy("query_id").limit(limit).as("n")).selectAll(),
    )
    .execute();
  const queryIds = [...new Set(lists.map((r) => r.query_id))];
  const texts = new Map((queryIds.length ? await db.selectFrom("queries").select(["id", "text"]).where("id", "in", queryIds).execute() : []).map((r) => [r.id, r.text]));
  const lines = (name: string) => lists.filter((r) => r.list === name).map((r) => searchLine({ ...r, query: texts.get(r.query_id) ?? "?" }));

  const [votes, reasons, daily, notFound, comments] = await Promise.all([
    db
      .selectFrom("vote_daily")
      .select((eb) => ["question_id", eb.fn.sum<number>("helpful").as("helpful"), eb.fn.sum<number>("not_helpful").as("not_helpful")])
      .where("day", ">=", from)
      .where("day", "<=", to)
      .groupBy("question_id")
      .having((eb) => eb(eb.fn.sum("helpful"), ">", 0).or(eb(eb.fn.sum("not_helpful"), ">", 0)))
      .execute(),
    db
      .selectFrom("reason_daily")
      .select((eb) => ["question_id", "reason", eb.fn.sum<number>("votes").as("votes")])
      .where("day", ">=", from)
      .where("day", "<=", to)
      .groupBy(["question_id", "reason"])
      .execute(),
    db.selectFrom("day_totals").selectAll().where("day", ">=", from).where("day", "<=", to).execute(),
    db.selectFrom("notfound").innerJoin("queries", "queries.id", "notfound.query_id").select(["queries.text as query", "notfound.text", "notfound.day"]).where("notfound.day", ">=", from).where("notfound.day", "<=", to).where("notfound.text", "!=", "").orderBy("notfound.ts", "desc").limit(limit * 2).execute(),
    db.selectFrom("votes").select(["question_id", "comment"]).where("comment", "is not", null).where("ts", ">=", dayStart(from)).orderBy("ts", "desc").limit(2000).execute(),
  ]);

  const questionIds = [...new Set(votes.map((v) => v.question_id))];
  const where = new Map((questionIds.length ? await db.selectFrom("questions").select(["id", "page", "anchor"]).where("id", "in", questionIds).execute() : []).map((q) => [q.id, q]));
  const reasonsOf = new Map<number, Record<string, number>>();
  for (const r of reasons) {
    if (Number(r.votes) <= 0) continue;
    const label = REASONS[Number(r.reason)]?.[1] ?? "其他";
    const entry = reasonsOf.get(r.question_id) ?? {};
    entry[label] = (entry[label] ?? 0) + Number(r.votes);
    reasonsOf.set(r.question_id, entry);
  }
  const commentsOf = new Map<number, string[]>();
  for (const c of comments) {
    const list = commentsOf.get(c.question_id) ?? [];
    if (list.length < (options.commentsPerQuestion ?? 5)) list.push(c.comment!);
    commentsOf.set(c.question_id, list);
  }
  const questions: (QuestionLine & { key: string })[] = votes.map((v) => {
    const q = where.get(v.question_id);
    const page = q ? catalog?.pages[q.page] : undefined;
    const known = q ? page?.questions[q.anchor] : undefined;
    const helpful = Number(v.helpful);
    const notHelpful = Number(v.not_helpful);
    return {
      key: q ? `${q.page}#${q.anchor}` : String(v.question_id),
      url: q ? `${options.siteUrl ?? ""}${q.page}#${encodeURIComponent(q.anchor)}` : "",
      question: known?.question ?? `${q?.anchor ?? "?"} (no longer in the site)`,
      source: page && known ? `${page.source}:${known.line}` : "(removed)",
      helpful,
      notHelpful,
      helpfulShare: share(helpful, helpful + notHelpful),
      worstScore: null,
      reasons: reasonsOf.get(v.question_id) ?? {},
      comments: commentsOf.get(v.question_id) ?? [],
    };
  });
  const worst = rankWorst(questions);
  const scores = new Map(worst.map((q) => [q.key, q.worstScore]));
  for (const q of questions) q.worstScore = scores.get(q.key) ?? null;
  questions.sort((a, b) => b.notHelpful + b.helpful - (a.notHelpful + a.helpful) || (a.key < b.key ? -1 : 1));

  const byDay = new Map(daily.map((d) => [Number(d.day), d]));
  const dailyLines: DayLine[] = [];
  const totals = { searches: 0, zeroResultSearches: 0, searchesWithClick: 0, helpful: 0, notHelpful: 0 };
  for (let d = from; d <= to; d++) {
    const row = byDay.get(d);
    const [searches, zero, clicked, helpful, notHelpful] = [row?.searches, row?.zero_results, row?.clicked, row?.helpful, row?.not_helpful].map((n) => Number(n ?? 0));
    totals.searches += searches;
    totals.zeroResultSearches += zero;
    totals.searchesWithClick += clicked;
    totals.helpful += helpful;
    totals.notHelpful += notHelpful;
    dailyLines.push({ day: dayLabel(d), searches, zeroResultShare: share(zero, searches), clickThroughRate: share(clicked, searches), helpful, notHelpful, helpfulShare: share(helpful, helpful + notHelpful) });
  }
  const strip = (q: QuestionLine & { key: string }): QuestionLine => {
    const { key, ...line } = q;
    void key;
    return line;
  };
  return {
    from: dayLabel(from),
    to: dayLabel(to),
    days: options.days,
    generatedAt: new Date(now).toISOString(),
    totals,
    searches: lines("top"),
    zeroResultSearches: lines("zero"),
    searchesWithoutClick: lines("noclick"),
    notFound: notFound.map((n) => ({ query: n.query, text: n.text, day: dayLabel(n.day) })),
    questions: questions.map(strip),
    worst: worst.map((q) => strip({ ...q, worstScore: q.worstScore })),
    daily: dailyLines,
    definitions: DEFINITIONS,
  };
}
