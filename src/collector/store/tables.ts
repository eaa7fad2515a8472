import type { Generated } from "kysely";

/**
 * The collector's tables, the same on SQLite and PostgreSQL (store/migrations.ts creates them).
 * Days are whole days in China Standard Time, counted from 1970-01-01 (day.ts); times are
 * milliseconds since the epoch. Texts are redacted before they get here (redact.ts).
 *
 * Raw rows (searches, votes, notfound) expire after the retention period; the daily roll-ups
 * (search_daily, vote_daily, reason_daily, day_totals), counted in the same transaction as the raw
 * rows they sum up (store/write.ts), stay.
 */
export interface Tables {
  /** One settled search. `position`: the 1-based result clicked first, null without a click. */
  searches: { event_id: string; day: number; ts: number; query_id: number; results: number; position: number | null };
  /**
   * One counted vote per visitor and question: the latest version (`seq`) of a vote id, or of the
   * vote of the same visitor (daily visitor key) on the same question that day. `day`: of the
   * latest change. `helpful`: 1 or 0; `reason`: index in protocol.ts REASONS.
   */
  votes: { vote_id: string; seq: number; day: number; ts: number; visitor: Buffer; question_id: number; helpful: number; reason: number | null; comment: string | null };
  /** 没找到: what a visitor wrote after a search that found nothing. */
  notfound: { event_id: string; day: number; ts: number; query_id: number; text: string };
  /** Each distinct (normalized, redacted) query once; searches and roll-ups refer to it. */
  queries: { id: Generated<number>; text: string };
  /** Each question voted on once: page URL and anchor id. */
  questions: { id: Generated<number>; page: string; anchor: string };
  search_daily: { day: number; query_id: number; searches: number; zero_results: number; clicked: number; position_sum: number };
  vote_daily: { day: number; question_id: number; helpful: number; not_helpful: number };
  reason_daily: { day: number; question_id: number; reason: number; votes: number };
  /** The whole day in one row, for the trend charts. */
  day_totals: { day: number; searches: number; zero_results: number; clicked: number; helpful: number; not_helpful: number };
  /** The daily salt of the visitor key, deleted 48 h after it was made. */
  salts: { day: number; salt: Buffer; created_at: number };
}
