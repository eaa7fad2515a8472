/**
 * The questions each visitor voted on lately, so that the votes limit counts a vote once, not
 * once per step: the 没帮助 widget sends the same vote again with its reason, then its comment, and
 * a reader may change their mind. Those are versions of one vote per visitor and question (the
 * store keeps one, store/write.ts), so they cost the store no more than the first did. Memory is
 * bounded like RateLimiter's: past `maxKeys`, entries older than `windowMs` go, then all of them
 * (later steps then count once more, which is all that is lost).
 */
export class RecentVotes {
  private readonly seen = new Map<string, number>();

  constructor(
    readonly windowMs: number,
    private readonly maxKeys = 200_000,
  ) {}

  /** How many of `questions` (`page#anchor`) `visitor` has not voted on within the window: the votes to count. */
  fresh(visitor: string, questions: string[], now: number): number {
    return new Set(questions.filter((q) => !this.recent(`${visitor} ${q}`, now))).size;
  }

  /** Notes that `visitor` voted on `questions` now: their next steps within the window are not counted. */
  note(visitor: string, questions: string[], now: number): void {
    for (const q of questions) {
      const key = `${visitor} ${q}`;
      if (!this.seen.has(key) && this.seen.size >= this.maxKeys) this.sweep(now);
      this.seen.delete(key); // re-inserted last: the map stays in order of last vote, oldest first
      this.seen.set(key, now);
    }
  }

  /** How many visitor–question pairs are kept (bounded by `maxKeys`). */
  get size(): number {
    return this.seen.size;
  }

  private recent(key: string, now: number): boolean {
    const at = this.seen.get(key);
    return at !== undefined && now - at < this.windowMs;
  }

  private sweep(now: number): void {
    for (const [key, at] of this.seen) {
      if (now - at < this.windowMs) break; // oldest first: the rest are recent too
      this.seen.delete(key);
    }
    if (this.seen.size >= this.maxKeys) this.seen.clear();
  }
}
