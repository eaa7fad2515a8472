import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";
import type { Dialect } from "./open";

/**
 * The schema, as migrations run in order on every start (Kysely's Migrator keeps the list of
 * those done in `kysely_migration` and, on PostgreSQL, holds an advisory lock while it runs, so
 * several collector instances starting at once migrate once). Add a migration; never edit one
 * that has shipped.
 *
 * Column types differ where the dialects do (ids, binary, UUIDs, clustered roll-ups); every query
 * is written once, with Kysely.
 */
function migrations(dialect: Dialect): Record<string, Migration> {
  const pg = dialect === "postgres";
  const uuid = pg ? "uuid" : "text";
  const blob = pg ? "bytea" : "blob";
  // SQLite: roll-ups stored in their primary key's order (no separate rowid tree). Keys start with
  // the query or question, so the report's totals per query over a period stream in key order.
  const clustered = pg ? sql`` : sql`without rowid`;
  return {
    "2026-12-01-initial": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("queries")
          .addColumn("id", pg ? "serial" : "integer", (c) => c.primaryKey())
          .addColumn("text", "text", (c) => c.notNull().unique())
          .execute();
        await db.schema
          .createTable("questions")
          .addColumn("id", pg ? "serial" : "integer", (c) => c.primaryKey())
          .addColumn("page", "text", (c) => c.notNull())
          .addColumn("anchor", "text", (c) => c.notNull())
          .addUniqueConstraint("questions_page_anchor", ["page", "anchor"])
          .execute();
        await db.schema
          .createTable("searches")
          .addColumn("event_id", uuid, (c) => c.primaryKey())
          .addColumn("day", "integer", (c) => c.notNull())
          .addColumn("ts", "bigint", (c) => c.notNull())
          .addColumn("query_id", "integer", (c) => c.notNull())
          .addColumn("results", "integer", (c) => c.notNull())
          .addColumn("position", "integer")
          .execute();
        await db.schema.createIndex("searches_day").on("searches").column("day").execute();
        await db.schema
          .createTable("votes")
          .addColumn("vote_id", uuid, (c) => c.primaryKey())
          .addColumn("seq", "integer", (c) => c.notNull())
          .addColumn("day", "integer", (c) => c.notNull())
          .addColumn("ts", "bigint", (c) => c.notNull())
          .addColumn("visitor", blob, (c) => c.notNull())
          .addColumn("question_id", "integer", (c) => c.notNull())
          .addColumn("helpful", "integer", (c) => c.notNull())
          .addColumn("reason", "integer")
          .addColumn("comment", "text")
          .addUniqueConstraint("votes_one_per_visitor", ["day", "visitor", "question_id"])
          .execute();
        // The report's latest comments: a small index of the votes that have one, newest last.
        await db.schema.createIndex("votes_comments").on("votes").column("ts").where(sql.ref("comment"), "is not", null).execute();
        await db.schema
          .createTable("notfound")
          .addColumn("event_id", uuid, (c) => c.primaryKey())
          .addColumn("day", "integer", (c) => c.notNull())
          .addColumn("ts", "bigint", (c) => c.notNull())
          .addColumn("query_id", "integer", (c) => c.notNull())
          .addColumn("text", "text", (c) => c.notNull())
          .execute();
        await db.schema.createIndex("notfound_day").on("notfound").column("day").execute();
        await db.schema
          .createTable("search_daily")
          .addColumn("day", "integer", (c) => c.notNull())
          .addColumn("query_id", "integer", (c) => c.notNull())
          .addColumn("searches", "integer", (c) => c.notNull())
          .addColumn("zero_results", "integer", (c) => c.notNull())
          .addColumn("clicked", "integer", (c) => c.notNull())
          .addColumn("position_sum", "integer", (c) => c.notNull())
          .addPrimaryKeyConstraint("search_daily_pk", ["query_id", "day"])
          .modifyEnd(clustered)
          .execute();
        await db.schema
          .createTable("vote_daily")
          .addColumn("day", "integer", (c) => c.notNull())
          .addColumn("question_id", "integer", (c) => c.notNull())
          .addColumn("helpful", "integer", (c) => c.notNull())
          .addColumn("not_helpful", "integer", (c) => c.notNull())
          .addPrimaryKeyConstraint("vote_daily_pk", ["question_id", "day"])
          .modifyEnd(clustered)
          .execute();
        await db.schema
          .createTable("reason_daily")
          .addColumn("day", "integer", (c) => c.notNull())
          .addColumn("question_id", "integer", (c) => c.notNull())
          .addColumn("reason", "integer", (c) => c.notNull())
          .addColumn("votes", "integer", (c) => c.notNull())
          .addPrimaryKeyConstraint("reason_daily_pk", ["question_id", "reason", "day"])
          .modifyEnd(clustered)
          .execute();
        await db.schema
          .createTable("day_totals")
          .addColumn("day", "integer", (c) => c.primaryKey())
          .addColumn("searches", "integer", (c) => c.notNull())
          .addColumn("zero_results", "integer", (c) => c.notNull())
          .addColumn("clicked", "integer", (c) => c.notNull())
          .addColumn("helpful", "integer", (c) => c.notNull())
          .addColumn("not_helpful", "integer", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("salts")
          .addColumn("day", "integer", (c) => c.primaryKey())
          .addColumn("salt", blob, (c) => c.notNull())
          .addColumn("created_at", "bigint", (c) => c.notNull())
          .execute();
      },
    },
  };
}

/** Brings the database to the latest schema; throws with the migration that failed. */
export async function migrate(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error");
    const reason = error instanceof Error ? error.message : String(error);
    // No migration ran: the database was not reachable, refused the login, or its migration table is off.
    throw new Error(failed ? `database migration ${failed.migrationName} failed: ${reason}` : `database migrations could not start: ${reason}`);
  }
}
