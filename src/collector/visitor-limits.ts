import type { CollectorConfig } from "./config";
import { HttpError } from "./http";
import { RateLimiter } from "./rate-limit";
import type { StoredEvent } from "./store/write";

const MINUTE = 60_000;

/**
 * The per-visitor limits of `POST /api/events` (COLLECTOR_EVENTS_PER_MINUTE, COLLECTOR_VOTES_PER_MINUTE).
 * A request is taken whole or refused whole: both limits are checked before either is charged, so
 * a refusal changes nothing, and its Retry-After is the time until both would take it.
 */
export class VisitorLimits {
  private readonly events: RateLimiter;
  private readonly votes: RateLimiter;

  constructor(config: Pick<CollectorConfig, "eventsPerMinute" | "votesPerMinute">) {
    this.events = new RateLimiter(config.eventsPerMinute, MINUTE);
    this.votes = new RateLimiter(config.votesPerMinute, MINUTE);
  }

  /** Charges the visitor `visitor` (hex key) for `events`, or throws 429 with an honest Retry-After. */
  admit(visitor: string, events: StoredEvent[], now: number): void {
    const votes = events.filter((e) => e.type === "vote").length;
    const wait = Math.max(this.events.waitMs(visitor, events.length, now), votes ? this.votes.waitMs(visitor, votes, now) : 0);
    if (wait > 0) throw new HttpError(429, "too many events from this visitor; try again later", { "Retry-After": String(Math.max(1, Math.ceil(wait / 1000))) });
    this.events.take(visitor, events.length, now);
    if (votes) this.votes.take(visitor, votes, now);
  }
}
