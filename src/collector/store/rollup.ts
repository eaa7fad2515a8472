import { sql } from "kysely";
import { dayOf, monthsBefore } from "../day";
import { SALT_LIFETIME_MS } from "../visitor";
import type { Db } from "./open";

/**
 * The daily roll-ups recounted from the raw rows of `days`: what store/write.ts adds up event by
 * event. The tests compare both; an operator could rebuild the roll-ups of days still kept raw.
 */
export function recountSearches(db: Db, days: number[]) {
  return db
    .selectFrom("searches")
    .select((eb) => [
      "query_id",
      "day",
      eb.fn.countAll<number>().as("searches"),
      eb.fn.sum<number>(eb.case().when("results", "=", 0).then(1).else(0).end()).as("zero_results"),
      eb.fn.count<number>("position").as("clicked"),
      eb.fn.coalesce(eb.fn.sum<number>("position"), sql<number>`0`).as("position_sum"),
    ])
    .where("day", "in", days)
    .groupBy(["query_id", "day"]);
}

export function recountVotes(db: Db, days: number[]) {
  return db
    .selectFrom("votes")
    .select((eb) => ["question_id", "day", eb.fn.sum<number>("helpful").as("helpful"), eb.fn.sum<number>(sql<number>`1 - helpful`).as("not_helpful")])
    .where("day", "in", days)
    .groupBy(["question_id", "day"]);
}

export function recountReasons(db: Db, days: number[]) {
  return db
    .selectFrom("votes")
    .select((eb) => ["question_id", eb.fn.coalesce("reason", sql<number>`0`).as("reason"), "day", eb.fn.countAll<number>().as("votes")])
    .where("day", "in", days)
    .where("reason", "is not", null)
    .groupBy(["question_id", "reason", "day"]);
}

/**
 * Rewrites the roll-ups of one day from its raw rows, in one transaction: for events loaded in bulk
 * (`npm run bench:report`), or to repair a day still kept raw. Equal to what the writes counted
 * (a test compares them).
 */
export async function rebuildDay(db: Db, day: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const t = trx as unknown as Db;
    for (const table of ["search_daily", "vote_daily", "reason_daily", "day_totals"] as const) await trx.deleteFrom(table).where("day", "=", day).execute();
    await trx.insertInto("search_daily").columns(["query_id", "day", "searches", "zero_results", "clicked", "position_sum"]).expression(recountSearches(t, [day])).execute();
    await trx.insertInto("vote_daily").columns(["question_id", "day", "helpful", "not_helpful"]).expression(recountVotes(t, [day])).execute();
    await trx.insertInto("reason_daily").columns(["question_id", "reason", "day", "votes"]).expression(recountReasons(t, [day])).execute();
    const sums = async (table: "search_daily" | "vote_daily", columns: string[]) =>
      (await sql<Record<string, number>>`select ${sql.join(columns.map((c) => sql`coalesce(sum(${sql.ref(c)}), 0) as ${sql.ref(c)}`))} from ${sql.table(table)} where day = ${day}`.execute(trx)).rows[0];
    const s = await sums("search_daily", ["searches", "zero_results", "clicked"]);
    const v = await sums("vote_daily", ["helpful", "not_helpful"]);
    await trx.insertInto("day_totals").values({ day, searches: Number(s.searches), zero_results: Number(s.zero_results), clicked: Number(s.clicked), helpful: Number(v.helpful), not_helpful: Number(v.not_helpful) }).execute();
  });
}

export type Upkeep = { expiredRows: number; saltsDeleted: number };

/**
 * What the collector does every minute (collector.ts), idempotent, safe with several instances:
 * delete raw rows older than the retention period (their counts stay in the roll-ups) and salts
 * older than 48 h.
 */
export async function upkeep(db: Db, retentionMonths: number, now = Date.now()): Promise<Upkeep> {
  const cutoff = monthsBefore(dayOf(now), retentionMonths);
  let expiredRows = 0;
  for (const table of ["searches", "votes", "notfound"] as const) {
    const result = await db.deleteFrom(table).where("day", "<", cutoff).executeTakeFirst();
    expiredRows += Number(result.numDeletedRows);
  }
  const salts = await db.deleteFrom("salts").where("created_at", "<", now - SALT_LIFETIME_MS).executeTakeFirst();
  return { expiredRows, saltsDeleted: Number(salts.numDeletedRows) };
}
