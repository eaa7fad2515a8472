import type { CollectorConfig } from "./config";
import { HttpError } from "./http";
import { RateLimiter } from "./rate-limit";
import { RecentVotes } from "./recent-votes";
import type { StoredEvent } from "./store/write";

const MINUTE = 60_000;

/**
 * The per-visitor limits of `POST /api/events`: COLLECTOR_EVENTS_PER_MINUTE events of any kind,
 * and COLLECTOR_VOTES_PER_MINUTE votes, where a vote is a question voted on: the later steps of a
 * vote on the same question (its reason, its comment, a changed mind, also under a new vote id)
 * within a minute of the last one are not counted again, so a reader rating answers with care is
 * never limited, while votes on many questions still are (and every step is an event).
 * A request is taken whole or refused whole: both limits are checked before either is charged, so
 * a refusal changes nothing, and its Retry-After is the time until both would take it.
 */
export class VisitorLimits {
  private readonly events: RateLimiter;
  private readonly votes: RateLimiter;
  private readonly recent = new RecentVotes(MINUTE);

  constructor(config: Pick<CollectorConfig, "eventsPerMinute" | "votesPerMinute">) {
    this.events = new RateLimiter(config.eventsPerMinute, MINUTE);
    this.votes = new RateLimiter(config.votesPerMinute, MINUTE);
  }

  /** Charges the visitor `visitor` (hex key) for `events`, or throws 429 with an honest Retry-After. */
  admit(visitor: string, events: StoredEvent[], now: number): void {
    const questions = events.flatMap((e) => (e.type === "vote" ? [`${e.page}#${e.question}`] : []));
    const votes = this.recent.fresh(visitor, questions, now);
    const wait = Math.max(this.events.waitMs(visitor, events.length, now), votes ? this.votes.waitMs(visitor, votes, now) : 0);
    if (wait > 0) throw new HttpError(429, "too many events from this visitor; try again later", { "Retry-After": String(Math.max(1, Math.ceil(wait / 1000))) });
    this.events.take(visitor, events.length, now);
    if (votes) this.votes.take(visitor, votes, now);
    this.recent.note(visitor, questions, now);
  }
}
