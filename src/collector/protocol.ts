/**
 * What the browser sends to the collector (`POST /api/events`) and the limits both sides keep.
 * Imported by the browser code (src/client/feedback-*.ts) and by the collector, so it holds only
 * constants and types: no dependencies, nothing that would grow the page script.
 *
 * A request body is `{ "events": [Event, …] }`, at most MAX_BODY_BYTES of JSON.
 */

/** The reasons offered after 没帮助, in the order shown. The code is what is stored. */
export const REASONS = [
  ["unsolved", "没解决我的问题"],
  ["outdated", "内容过时或与实际不符"],
  ["unclear", "步骤缺失或看不懂"],
  ["incomplete", "信息不全"],
  ["broken", "链接或图片失效"],
  ["other", "其他"],
] as const;
export type Reason = (typeof REASONS)[number][0];

export const LIMITS = {
  /** A request body over this is refused with 413 before it is parsed. */
  bodyBytes: 8 * 1024,
  eventsPerRequest: 20,
  /** Characters of a comment after 没帮助 and of a 没找到 text. */
  comment: 500,
  /** Characters of a logged query (longer ones are cut, not refused: people paste). */
  query: 100,
  /** Highest click position recorded (the popup shows 10, /search/ shows 10). */
  position: 100,
  /** Versions of one vote (a vote, its reason, its comment, changes of mind). */
  voteSeq: 1000,
} as const;

/**
 * A vote on one question, sent again with a higher `seq` whenever the visitor changes it or adds a
 * reason or comment; the highest `seq` of a `vote` id counts. `vote` is a random id the browser
 * keeps for this question only (never sent with anything else).
 */
export type VoteEvent = {
  type: "vote";
  vote: string;
  seq: number;
  page: string;
  question: string;
  helpful: boolean;
  reason?: Reason | null;
  comment?: string | null;
};

/**
 * A settled search (src/client/search-settle.ts): what was searched, how many results answered it,
 * and the 1-based position of the result clicked when the click settled it.
 */
export type SearchEvent = { type: "search"; id: string; query: string; results: number; position?: number | null };

/** A click on a result of a search already recorded (it settled by pause or Enter, then a click). */
export type ClickEvent = { type: "click"; search: string; position: number };

/** 没找到？告诉我们您在找什么: what a visitor wrote after a search that found nothing. */
export type NotFoundEvent = { type: "notfound"; id: string; query: string; text: string };

export type FeedbackEvent = VoteEvent | SearchEvent | ClickEvent | NotFoundEvent;

/** Ids the browser makes (`crypto.randomUUID()`), the collector's dedup keys. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
