import { sql, type Transaction } from "kysely";
import type { Db } from "./open";
import type { Tables } from "./tables";

/** An event as it is stored: checked, redacted, with the question and query as text. */
export type StoredEvent =
  | { type: "search"; id: string; query: string; results: number; position: number | null }
  | { type: "click"; search: string; position: number }
  | { type: "notfound"; id: string; query: string; text: string }
  | { type: "vote"; vote: string; seq: number; page: string; question: string; helpful: boolean; reason: number | null; comment: string | null };

/** Events of one request, with what the server knows of it: when, and the visitor's daily key. */
export type Received = { ts: number; day: number; visitor: Buffer; events: StoredEvent[] };

type Trx = Transaction<Tables>;
const CHUNK = 500; // rows per INSERT: far below SQLite's 32,766 parameters

/**
 * Ids of dictionary rows (queries, questions) by key. Ids read or made inside a transaction are
 * cached only once it committed: a rolled-back insert must not leave an id that was never stored.
 */
class Dictionary {
  private readonly cache = new Map<string, number>();
  constructor(
    private readonly find: (trx: Trx, keys: string[]) => Promise<[string, number][]>,
    private readonly insert: (trx: Trx, keys: string[]) => Promise<void>,
    private readonly max = 100_000,
  ) {}

  async ids(trx: Trx, keys: Iterable<string>, learned: Map<string, number>): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const missing = [...new Set(keys)].filter((k) => {
      const id = this.cache.get(k);
      if (id !== undefined) out.set(k, id);
      return id === undefined;
    });
    for (let i = 0; i < missing.length; i += CHUNK) {
      const chunk = missing.slice(i, i + CHUNK);
      await this.insert(trx, chunk); // ON CONFLICT DO NOTHING: those already there stay
      for (const [key, id] of await this.find(trx, chunk)) {
        out.set(key, id);
        learned.set(key, id);
      }
    }
    return out;
  }

  remember(learned: Map<string, number>): void {
    if (this.cache.size + learned.size > this.max) this.cache.clear();
    for (const [k, v] of learned) this.cache.set(k, v);
  }
}

const questionKey = (page: string, anchor: string) => `${page}#${anchor}`;

/** Counts to add to the daily roll-ups, collected over a transaction and written at its end. */
class Tally {
  readonly searches = new Map<string, Tables["search_daily"]>();
  readonly votes = new Map<string, Tables["vote_daily"]>();
  readonly reasons = new Map<string, Tables["reason_daily"]>();
  readonly days = new Map<number, Tables["day_totals"]>();

  private day(day: number) {
    let t = this.days.get(day);
    if (!t) this.days.set(day, (t = { day, searches: 0, zero_results: 0, clicked: 0, helpful: 0, not_helpful: 0 }));
    return t;
  }
  private search(query_id: number, day: number) {
    const key = `${query_id}:${day}`;
    let t = this.searches.get(key);
    if (!t) this.searches.set(key, (t = { query_id, day, searches: 0, zero_results: 0, clicked: 0, position_sum: 0 }));
    return t;
  }

  searched(s: { day: number; query_id: number; results: number; position: number | null }): void {
    const zero = s.results === 0 ? 1 : 0;
    const clicked = s.position === null ? 0 : 1;
    for (const t of [this.search(s.query_id, s.day), this.day(s.day)]) {
      t.searches += 1;
      t.zero_results += zero;
      t.clicked += clicked;
    }
    this.search(s.query_id, s.day).position_sum += s.position ?? 0;
  }

  clicked(s: { day: number; query_id: number }, position: number): void {
    const t = this.search(s.query_id, s.day);
    t.clicked += 1;
    t.position_sum += position;
    this.day(s.day).clicked += 1;
  }

  /** A vote counted (`sign` 1) or no longer counted (-1) on its day. */
  vote(v: VoteState, sign: 1 | -1): void {
    const key = `${v.question_id}:${v.day}`;
    let t = this.votes.get(key);
    if (!t) this.votes.set(key, (t = { question_id: v.question_id, day: v.day, helpful: 0, not_helpful: 0 }));
    const d = this.day(v.day);
    if (v.helpful) {
      t.helpful += sign;
      d.helpful += sign;
    } else {
      t.not_helpful += sign;
      d.not_helpful += sign;
    }
    if (v.reason === null) return;
    const rkey = `${v.question_id}:${v.reason}:${v.day}`;
    let r = this.reasons.get(rkey);
    if (!r) this.reasons.set(rkey, (r = { question_id: v.question_id, reason: v.reason, day: v.day, votes: 0 }));
    r.votes += sign;
  }

  /**
   * Adds the counts with one upsert per table (`count = count + excluded.count`), rows in key
   * order: concurrent transactions on PostgreSQL take the row locks in the same order, so they wait
   * for each other rather than deadlock.
   */
  async write(trx: Trx): Promise<void> {
    const sorted = <T>(m: Map<string | number, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
    const add = (table: string, columns: string[]) => Object.fromEntries(columns.map((c) => [c, sql`${sql.ref(`${table}.${c}`)} + ${sql.ref(`excluded.${c}`)}`])) as never;
    for (let i = 0, rows = sorted(this.searches); i < rows.length; i += CHUNK) {
      await trx.insertInto("search_daily").values(rows.slice(i, i + CHUNK)).onConflict((oc) => oc.columns(["query_id", "day"]).doUpdateSet(add("search_daily", ["searches", "zero_results", "clicked", "position_sum"]))).execute();
    }
    for (let i = 0, rows = sorted(this.votes); i < rows.length; i += CHUNK) {
      await trx.insertInto("vote_daily").values(rows.slice(i, i + CHUNK)).onConflict((oc) => oc.columns(["question_id", "day"]).doUpdateSet(add("vote_daily", ["helpful", "not_helpful"]))).execute();
    }
    for (let i = 0, rows = sorted(this.reasons); i < rows.length; i += CHUNK) {
      await trx.insertInto("reason_daily").values(rows.slice(i, i + CHUNK)).onConflict((oc) => oc.columns(["question_id", "reason", "day"]).doUpdateSet(add("reason_daily", ["votes"]))).execute();
    }
    const days = [...this.days.values()].sort((a, b) => a.day - b.day);
    if (days.length) {
      await trx.insertInto("day_totals").values(days).onConflict((oc) => oc.column("day").doUpdateSet(add("day_totals", ["searches", "zero_results", "clicked", "helpful", "not_helpful"]))).execute();
    }
  }
}

/**
 * Writes events; one transaction per call (batcher.ts groups requests into one call). The daily
 * roll-ups are counted in the same transaction, so they always agree with the raw rows: a search
 * or vote counts the moment it is committed, and keeps counting after its raw row expires.
 */
export class EventWriter {
  private readonly queries = new Dictionary(
    async (trx, texts) => (await trx.selectFrom("queries").select(["id", "text"]).where("text", "in", texts).execute()).map((r) => [r.text, r.id]),
    async (trx, texts) => void (await trx.insertInto("queries").values(texts.map((text) => ({ text }))).onConflict((oc) => oc.column("text").doNothing()).execute()),
  );
  private readonly questions = new Dictionary(
    async (trx, keys) => {
      const pairs = keys.map((k) => splitKey(k));
      const rows = await trx
        .selectFrom("questions")
        .select(["id", "page", "anchor"])
        .where((eb) => eb.or(pairs.map(([page, anchor]) => eb.and([eb("page", "=", page), eb("anchor", "=", anchor)]))))
        .execute();
      return rows.map((r) => [questionKey(r.page, r.anchor), r.id]);
    },
    async (trx, keys) =>
      void (await trx
        .insertInto("questions")
        .values(keys.map((k) => splitKey(k)).map(([page, anchor]) => ({ page, anchor })))
        .onConflict((oc) => oc.columns(["page", "anchor"]).doNothing())
        .execute()),
  );

  constructor(private readonly db: Db) {}

  /** Stores all of `received` in one transaction, or nothing (it throws). Replays change nothing. */
  async write(received: Received[]): Promise<void> {
    const learnedQueries = new Map<string, number>();
    const learnedQuestions = new Map<string, number>();
    await this.db.transaction().execute(async (trx) => {
      const all = received.flatMap((r) => r.events.map((event) => ({ ...r, event })));
      const queryIds = await this.queries.ids(
        trx,
        all.flatMap(({ event: e }) => (e.type === "search" || e.type === "notfound" ? [e.query] : [])),
        learnedQueries,
      );
      const questionIds = await this.questions.ids(
        trx,
        all.flatMap(({ event: e }) => (e.type === "vote" ? [questionKey(e.page, e.question)] : [])),
        learnedQuestions,
      );
      const tally = new Tally();
      const searches: Tables["searches"][] = [];
      const notfound: Tables["notfound"][] = [];
      for (const { ts, day, visitor, event: e } of all) {
        if (e.type === "search") searches.push({ event_id: e.id, day, ts, query_id: queryIds.get(e.query)!, results: e.results, position: e.position });
        else if (e.type === "notfound") notfound.push({ event_id: e.id, day, ts, query_id: queryIds.get(e.query)!, text: e.text });
        else if (e.type === "vote") await writeVote(trx, e, questionIds.get(questionKey(e.page, e.question))!, { ts, day, visitor }, tally);
      }
      // Only the searches stored now count (RETURNING gives the inserted rows, not those already there).
      for (let i = 0; i < searches.length; i += CHUNK) {
        const inserted = await trx.insertInto("searches").values(searches.slice(i, i + CHUNK)).onConflict((oc) => oc.column("event_id").doNothing()).returning(["day", "query_id", "results", "position"]).execute();
        for (const s of inserted) tally.searched(s);
      }
      for (let i = 0; i < notfound.length; i += CHUNK) await trx.insertInto("notfound").values(notfound.slice(i, i + CHUNK)).onConflict((oc) => oc.column("event_id").doNothing()).execute();
      for (const { event: e } of all) {
        if (e.type !== "click") continue;
        // Searches first, then clicks (one may be on a search of this batch). The first click
        // counts, on the search's own day; a click on a search never recorded (logging off) does nothing.
        const search = await trx.updateTable("searches").set({ position: e.position }).where("event_id", "=", e.search).where("position", "is", null).returning(["day", "query_id"]).executeTakeFirst();
        if (search) tally.clicked(search, e.position);
      }
      await tally.write(trx);
    });
    this.queries.remember(learnedQueries);
    this.questions.remember(learnedQuestions);
  }
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf("#");
  return [key.slice(0, at), key.slice(at + 1)];
}

type VoteState = { day: number; question_id: number; helpful: number; reason: number | null };
const STATE = ["day", "question_id", "helpful", "reason"] as const;

/**
 * The latest version of a vote counts, and one vote per visitor and question: a newer `seq` of a
 * known vote id replaces it (moving it to today); a new vote id from a visitor who already voted
 * on the question today replaces that vote; replays and older versions change nothing. Every
 * replacement takes the old vote out of the roll-ups of its day and puts the new one in today's.
 */
async function writeVote(trx: Trx, v: Extract<StoredEvent, { type: "vote" }>, questionId: number, at: { ts: number; day: number; visitor: Buffer }, tally: Tally): Promise<void> {
  const content = { ts: at.ts, helpful: v.helpful ? 1 : 0, reason: v.reason, comment: v.comment };
  const now: VoteState = { day: at.day, question_id: questionId, helpful: content.helpful, reason: content.reason };
  const sameVisitor = () => trx.selectFrom("votes").select([...STATE, "vote_id"]).where("day", "=", at.day).where("visitor", "=", at.visitor).where("question_id", "=", questionId);
  const known = await trx.selectFrom("votes").select([...STATE, "seq"]).where("vote_id", "=", v.vote).executeTakeFirst();
  if (known) {
    if (known.seq >= v.seq) return;
    // Moving the vote to today gives it today's visitor key; if that visitor already has another
    // vote on the question today, the other one goes: one counted vote per visitor and question.
    const other = await sameVisitor().where("vote_id", "!=", v.vote).executeTakeFirst();
    if (other) {
      await trx.deleteFrom("votes").where("vote_id", "=", other.vote_id).execute();
      tally.vote(other, -1);
    }
    await trx.updateTable("votes").set({ ...content, seq: v.seq, day: at.day, visitor: at.visitor }).where("vote_id", "=", v.vote).execute();
    tally.vote(known, -1);
    tally.vote(now, 1);
    return;
  }
  const inserted = await trx
    .insertInto("votes")
    .values({ vote_id: v.vote, seq: v.seq, day: at.day, visitor: at.visitor, question_id: questionId, ...content })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return tally.vote(now, 1);
  // This visitor already voted on this question today under another id (storage cleared, a
  // second browser profile, a replay tool minting ids): that vote now says this.
  const previous = await sameVisitor().executeTakeFirst();
  if (!previous) return; // the id was taken meanwhile by another instance: that write counts
  await trx.updateTable("votes").set(content).where("vote_id", "=", previous.vote_id).execute();
  tally.vote(previous, -1);
  tally.vote(now, 1);
}
