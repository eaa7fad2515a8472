/**
 * At most `limit` units per `windowMs` for each key, over a sliding window (the current fixed
 * window plus the previous one weighted by how much of it still overlaps). Memory is bounded:
 * past `maxKeys` keys, those idle for two windows are dropped, and if that is not enough, all are
 * (the limits restart rather than the process growing without end under a flood of keys).
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; current: number; previous: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 200_000,
  ) {}

  /** Takes `units` for `key` if they fit; false (and nothing taken) if they do not. */
  take(key: string, units = 1, now = Date.now()): boolean {
    const start = now - (now % this.windowMs);
    let w = this.windows.get(key);
    if (!w) {
      if (this.windows.size >= this.maxKeys) this.sweep(now);
      w = { start, current: 0, previous: 0 };
      this.windows.set(key, w);
    } else if (w.start !== start) {
      w.previous = w.start === start - this.windowMs ? w.current : 0;
      w.current = 0;
      w.start = start;
    }
    const overlap = 1 - (now - start) / this.windowMs;
    if (w.previous * overlap + w.current + units > this.limit) return false;
    w.current += units;
    return true;
  }

  /** Whether `key` is under its limit now (takes nothing). */
  allows(key: string, now = Date.now()): boolean {
    const w = this.windows.get(key);
    if (!w) return true;
    const start = now - (now % this.windowMs);
    const previous = w.start === start ? w.previous : w.start === start - this.windowMs ? w.current : 0;
    const current = w.start === start ? w.current : 0;
    return previous * (1 - (now - start) / this.windowMs) + current < this.limit;
  }

  /** Seconds until one more unit could fit, for Retry-After. */
  retryAfter(now = Date.now()): number {
    return Math.max(1, Math.ceil((this.windowMs - (now % this.windowMs)) / 1000));
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.start < now - 2 * this.windowMs) this.windows.delete(key);
    if (this.windows.size >= this.maxKeys) this.windows.clear();
  }
}
