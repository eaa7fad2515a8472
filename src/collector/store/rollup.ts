import { sql } from "kysely";
import { dayOf, monthsBefore } from "../day";
import { SALT_LIFETIME_MS } from "../visitor";
import type { Db } from "./open";

/** A day is rolled up once it has been over this long (late requests of the day have landed). */
export const ROLLUP_DELAY_MS = 10 * 60_000;

/** The last day whose roll-up may be written at `now`. */
export const lastClosedDay = (now: number) => dayOf(now - ROLLUP_DELAY_MS) - 1;

/** The daily aggregates of one day, from the raw rows, as the report reads them (also for days not rolled up yet). */
export function searchAggregates(db: Db, days: number[]) {
  return db
    .selectFrom("searches")
    .select((eb) => [
      "day",
      "query_id",
      eb.fn.countAll<number>().as("searches"),
      eb.fn.sum<number>(eb.case().when("results", "=", 0).then(1).else(0).end()).as("zero_results"),
      eb.fn.count<number>("position").as("clicked"),
      eb.fn.coalesce(eb.fn.sum<number>("position"), sql<number>`0`).as("position_sum"),
    ])
    .where("day", "in", days)
    .groupBy(["day", "query_id"]);
}

export function voteAggregates(db: Db, days: number[]) {
  return db
    .selectFrom("votes")
    .select((eb) => ["day", "question_id", eb.fn.sum<number>("helpful").as("helpful"), eb.fn.sum<number>(sql<number>`1 - helpful`).as("not_helpful")])
    .where("day", "in", days)
    .groupBy(["day", "question_id"]);
}

export function reasonAggregates(db: Db, days: number[]) {
  return db
    .selectFrom("votes")
    .select((eb) => ["day", "question_id", eb.fn.coalesce("reason", sql<number>`0`).as("reason"), eb.fn.countAll<number>().as("votes")])
    .where("day", "in", days)
    .where("reason", "is not", null)
    .groupBy(["day", "question_id", "reason"]);
}

/** Totals per day from the raw rows: searches, those that found nothing, those with a click, votes. */
export function dayTotals(db: Db, days: number[]) {
  const searches = db
    .selectFrom("searches")
    .select((eb) => [
      "day",
      eb.fn.countAll<number>().as("searches"),
      eb.fn.sum<number>(eb.case().when("results", "=", 0).then(1).else(0).end()).as("zero_results"),
      eb.fn.count<number>("position").as("clicked"),
      sql<number>`0`.as("helpful"),
      sql<number>`0`.as("not_helpful"),
    ])
    .where("day", "in", days)
    .groupBy("day");
  const votes = db
    .selectFrom("votes")
    .select((eb) => ["day", sql<number>`0`.as("searches"), sql<number>`0`.as("zero_results"), sql<number>`0`.as("clicked"), eb.fn.sum<number>("helpful").as("helpful"), eb.fn.sum<number>(sql<number>`1 - helpful`).as("not_helpful")])
    .where("day", "in", days)
    .groupBy("day");
  return db
    .selectFrom(searches.unionAll(votes).as("parts"))
    .select((eb) => [
      "day",
      eb.fn.sum<number>("searches").as("searches"),
      eb.fn.sum<number>("zero_results").as("zero_results"),
      eb.fn.sum<number>("clicked").as("clicked"),
      eb.fn.sum<number>("helpful").as("helpful"),
      eb.fn.sum<number>("not_helpful").as("not_helpful"),
    ])
    .groupBy("day");
}

/**
 * Writes the roll-ups of one day from its raw rows, replacing any, in one transaction. The day is
 * marked clean first: a late click or changed vote that commits meanwhile marks it dirty again
 * (its UPDATE waits for this row's lock on PostgreSQL), so it is rolled up again, never lost.
 */
export async function rollUpDay(db: Db, day: number, now = Date.now()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("rollup_days")
      .values({ day, rolled_at: now, dirty: 0 })
      .onConflict((oc) => oc.column("day").doUpdateSet({ rolled_at: now, dirty: 0 }))
      .execute();
    await trx.deleteFrom("search_daily").where("day", "=", day).execute();
    await trx.deleteFrom("vote_daily").where("day", "=", day).execute();
    await trx.deleteFrom("reason_daily").where("day", "=", day).execute();
    await trx.deleteFrom("day_totals").where("day", "=", day).execute();
    const t = trx as unknown as Db;
    await trx.insertInto("search_daily").columns(["day", "query_id", "searches", "zero_results", "clicked", "position_sum"]).expression(searchAggregates(t, [day])).execute();
    await trx.insertInto("vote_daily").columns(["day", "question_id", "helpful", "not_helpful"]).expression(voteAggregates(t, [day])).execute();
    await trx.insertInto("reason_daily").columns(["day", "question_id", "reason", "votes"]).expression(reasonAggregates(t, [day])).execute();
    const [totals] = await dayTotals(t, [day]).execute();
    await trx.insertInto("day_totals").values(totals ?? { day, searches: 0, zero_results: 0, clicked: 0, helpful: 0, not_helpful: 0 }).execute();
  });
}

/** Days before `lastClosedDay` with raw rows that have no clean roll-up. */
export async function daysToRollUp(db: Db, now = Date.now()): Promise<number[]> {
  const last = lastClosedDay(now);
  const firsts = await Promise.all(
    (["searches", "votes", "notfound"] as const).map((table) =>
      db
        .selectFrom(table)
        .select((eb) => eb.fn.min<number>("day").as("first"))
        .executeTakeFirst(),
    ),
  );
  const first = Math.min(...firsts.map((r) => (r?.first === null || r?.first === undefined ? Infinity : Number(r.first))));
  if (!Number.isFinite(first) || first > last) return [];
  const clean = new Set((await db.selectFrom("rollup_days").select("day").where("day", ">=", first).where("dirty", "=", 0).execute()).map((r) => r.day));
  const out: number[] = [];
  for (let day = first; day <= last; day++) if (!clean.has(day)) out.push(day);
  return out;
}

/** Days of `[from, to]` the report reads from the roll-ups: rolled up and clean. The rest come from the raw rows. */
export async function cleanDays(db: Db, from: number, to: number): Promise<Set<number>> {
  const rows = await db.selectFrom("rollup_days").select("day").where("day", ">=", from).where("day", "<=", to).where("dirty", "=", 0).execute();
  return new Set(rows.map((r) => r.day));
}

export type Upkeep = { rolledUp: number; expiredRows: number; saltsDeleted: number };

/**
 * What the collector does every minute (jobs.ts), idempotent, safe with several instances: roll
 * up the closed days, then delete raw rows older than the retention period (only of days already
 * rolled up), and salts older than 48 h.
 */
export async function upkeep(db: Db, retentionMonths: number, now = Date.now()): Promise<Upkeep> {
  const due = await daysToRollUp(db, now);
  for (const day of due) await rollUpDay(db, day, now);
  // Never expire a day that has no clean roll-up: its counts would be lost.
  const pending = await daysToRollUp(db, now);
  const cutoff = Math.min(monthsBefore(dayOf(now), retentionMonths), pending.length ? pending[0] : Infinity);
  let expiredRows = 0;
  for (const table of ["searches", "votes", "notfound"] as const) {
    const result = await db.deleteFrom(table).where("day", "<", cutoff).executeTakeFirst();
    expiredRows += Number(result.numDeletedRows);
  }
  const salts = await db.deleteFrom("salts").where("created_at", "<", now - SALT_LIFETIME_MS).executeTakeFirst();
  return { rolledUp: due.length, expiredRows, saltsDeleted: Number(salts.numDeletedRows) };
}
