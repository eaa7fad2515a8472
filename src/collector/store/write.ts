import type { Transaction } from "kysely";
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

/** Writes events; one transaction per call (store/writer.ts batches requests into one call). */
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
      const dirty = new Set<number>();
      const searches: Tables["searches"][] = [];
      const notfound: Tables["notfound"][] = [];
      for (const { ts, day, visitor, event: e } of all) {
        if (e.type === "search") searches.push({ event_id: e.id, day, ts, query_id: queryIds.get(e.query)!, results: e.results, position: e.position });
        else if (e.type === "notfound") notfound.push({ event_id: e.id, day, ts, query_id: queryIds.get(e.query)!, text: e.text });
        else if (e.type === "vote") await writeVote(trx, e, questionIds.get(questionKey(e.page, e.question))!, { ts, day, visitor }, dirty);
      }
      // Searches before clicks: a click may be on a search of this same batch.
      for (let i = 0; i < searches.length; i += CHUNK) await trx.insertInto("searches").values(searches.slice(i, i + CHUNK)).onConflict((oc) => oc.column("event_id").doNothing()).execute();
      for (let i = 0; i < notfound.length; i += CHUNK) await trx.insertInto("notfound").values(notfound.slice(i, i + CHUNK)).onConflict((oc) => oc.column("event_id").doNothing()).execute();
      for (const { day, event: e } of all) {
        if (e.type !== "click") continue;
        // The first click counts; a click on a search never recorded (logging was off) changes nothing.
        const search = await trx.updateTable("searches").set({ position: e.position }).where("event_id", "=", e.search).where("position", "is", null).returning("day").executeTakeFirst();
        if (search && search.day !== day) dirty.add(search.day);
      }
      // Days these changes touch are rolled up again (store/rollup.ts). An upsert, not an update:
      // on PostgreSQL it takes the day's row lock even before the day's first roll-up, so that
      // roll-up waits for this commit instead of missing it.
      if (dirty.size) {
        await trx
          .insertInto("rollup_days")
          .values([...dirty].map((d) => ({ day: d, rolled_at: 0, dirty: 1 })))
          .onConflict((oc) => oc.column("day").doUpdateSet({ dirty: 1 }))
          .execute();
      }
    });
    this.queries.remember(learnedQueries);
    this.questions.remember(learnedQuestions);
  }
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf("#");
  return [key.slice(0, at), key.slice(at + 1)];
}

/**
 * The latest version of a vote counts, and one vote per visitor and question: a newer `seq` of a
 * known vote id replaces it (moving it to today); a new vote id from a visitor who already voted
 * on the question today replaces that vote; replays and older versions change nothing.
 */
async function writeVote(trx: Trx, v: Extract<StoredEvent, { type: "vote" }>, questionId: number, at: { ts: number; day: number; visitor: Buffer }, dirty: Set<number>): Promise<void> {
  const content = { ts: at.ts, helpful: v.helpful ? 1 : 0, reason: v.reason, comment: v.comment };
  const known = await trx.selectFrom("votes").select(["seq", "day", "visitor"]).where("vote_id", "=", v.vote).executeTakeFirst();
  if (known) {
    if (known.seq >= v.seq) return;
    // Moving the vote to today gives it today's visitor key; if that visitor already has another
    // vote on the question today, the other one goes: one counted vote per visitor and question.
    await trx.deleteFrom("votes").where("day", "=", at.day).where("visitor", "=", at.visitor).where("question_id", "=", questionId).where("vote_id", "!=", v.vote).execute();
    await trx.updateTable("votes").set({ ...content, seq: v.seq, day: at.day, visitor: at.visitor }).where("vote_id", "=", v.vote).execute();
    if (known.day !== at.day) dirty.add(known.day);
    return;
  }
  const inserted = await trx
    .insertInto("votes")
    .values({ vote_id: v.vote, seq: v.seq, day: at.day, visitor: at.visitor, question_id: questionId, ...content })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return;
  // This visitor already voted on this question today under another id (storage cleared, a
  // second browser profile, a replay tool minting ids): that vote now says this.
  await trx.updateTable("votes").set(content).where("day", "=", at.day).where("visitor", "=", at.visitor).where("question_id", "=", questionId).execute();
}
