import { dayLabel } from "../day";
import { REASONS } from "../protocol";
import type { Db } from "../store/open";
import { jsonVisible } from "./visible";

const PAGE = 5000;
/** Below every id the browser makes: where each walk starts (a UUID, so PostgreSQL can compare it). */
const NIL = "00000000-0000-0000-0000-000000000000";

/**
 * Every raw event the database still holds (the retention period), as one JSON object per line,
 * each with its `event_id` (a vote's is its vote id), read in pages in key order so that a large
 * database never sits in memory. Returns how many were written. The README shows the import
 * into PostgreSQL.
 */
export async function exportEvents(db: Db, write: (line: string) => Promise<void>): Promise<number> {
  let written = 0;
  const emit = async (value: object) => {
    await write(jsonVisible(JSON.stringify(value))); // the same value, nothing a visitor typed drives a terminal
    written++;
  };
  for (let after = NIL; ; ) {
    const rows = await db
      .selectFrom("searches")
      .innerJoin("queries", "queries.id", "searches.query_id")
      .select(["searches.event_id", "searches.day", "searches.ts", "queries.text as query", "searches.results", "searches.position"])
      .where("searches.event_id", ">", after)
      .orderBy("searches.event_id")
      .limit(PAGE)
      .execute();
    for (const r of rows) await emit({ event_id: r.event_id, type: "search", day: dayLabel(r.day), ts: new Date(Number(r.ts)).toISOString(), query: r.query, results: r.results, position: r.position });
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1].event_id;
  }
  for (let after = NIL; ; ) {
    const rows = await db
      .selectFrom("votes")
      .innerJoin("questions", "questions.id", "votes.question_id")
      .select(["votes.vote_id", "votes.seq", "votes.day", "votes.ts", "questions.page", "questions.anchor", "votes.helpful", "votes.reason", "votes.comment"])
      .where("votes.vote_id", ">", after)
      .orderBy("votes.vote_id")
      .limit(PAGE)
      .execute();
    for (const r of rows) {
      await emit({ event_id: r.vote_id, type: "vote", day: dayLabel(r.day), ts: new Date(Number(r.ts)).toISOString(), page: r.page, question: r.anchor, helpful: r.helpful === 1, reason: r.reason === null ? null : REASONS[r.reason][0], comment: r.comment, version: r.seq });
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1].vote_id;
  }
  for (let after = NIL; ; ) {
    const rows = await db
      .selectFrom("notfound")
      .innerJoin("queries", "queries.id", "notfound.query_id")
      .select(["notfound.event_id", "notfound.day", "notfound.ts", "queries.text as query", "notfound.text"])
      .where("notfound.event_id", ">", after)
      .orderBy("notfound.event_id")
      .limit(PAGE)
      .execute();
    for (const r of rows) await emit({ event_id: r.event_id, type: "notfound", day: dayLabel(r.day), ts: new Date(Number(r.ts)).toISOString(), query: r.query, text: r.text });
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1].event_id;
  }
  return written;
}
