/** Slack for the floating-point load: units are whole, so this never lets a real extra unit in. */
const EPSILON = 1e-9;

type Window = { start: number; current: number; previous: number };

/**
 * At most `limit` units per `windowMs` for each key, over a sliding window (the current fixed
 * window plus the previous one weighted by how much of it still overlaps). A request of more units
 * than `limit` fits only when the key has nothing counted, and its surplus delays the next ones, so
 * such a request is not refused for ever and the long-run rate stays within the limit. Memory is
 * bounded: past `maxKeys` keys, those idle for two windows are dropped, and if that is not enough,
 * all are (the limits restart rather than the process growing without end under a flood of keys).
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 200_000,
  ) {}

  /** Takes `units` for `key` if they fit; false (and nothing taken) if they do not. */
  take(key: string, units = 1, now = Date.now()): boolean {
    if (this.waitMs(key, units, now) > 0) return false;
    const w = this.windows.get(key) ?? this.add(key, now);
    Object.assign(w, this.at(key, now));
    w.current += units;
    return true;
  }

  /** Whether one more unit for `key` would be taken now (takes nothing). */
  allows(key: string, now = Date.now()): boolean {
    return this.waitMs(key, 1, now) === 0;
  }

  /**
   * Milliseconds until `units` for `key` would be taken (0: now), if nothing else is taken
   * meanwhile. Without takes the load only falls: previous·(1 − (t − start)/W) + current in this
   * window, current·(1 − (t − start − W)/W) in the next, nothing after; so the first moment it
   * leaves room is found window by window, solving each for t.
   */
  waitMs(key: string, units = 1, now = Date.now()): number {
    const { start, previous, current } = this.at(key, now);
    const W = this.windowMs;
    const room = this.limit - Math.min(units, this.limit);
    let at: number;
    if (current <= room) {
      const overlap = 1 - (now - start) / W;
      if (previous * overlap + current <= room + EPSILON) return 0;
      at = start + W * (1 - (room - current) / previous); // previous > 0 here, and at ≤ start + W
    } else {
      at = start + W + W * (1 - room / current); // in the next window, where current is the previous
    }
    return Math.max(0, Math.ceil(at - now));
  }

  /** Whole seconds until `units` for `key` would be taken, for Retry-After (at least 1). */
  retryAfter(key: string, units = 1, now = Date.now()): number {
    return Math.max(1, Math.ceil(this.waitMs(key, units, now) / 1000));
  }

  /** The key's counts as of `now`: its window rolled forward to the one holding `now`. */
  private at(key: string, now: number): Window {
    const start = now - (now % this.windowMs);
    const w = this.windows.get(key);
    if (!w || w.start === start) return { start, current: w?.current ?? 0, previous: w?.previous ?? 0 };
    return { start, current: 0, previous: w.start === start - this.windowMs ? w.current : 0 };
  }

  private add(key: string, now: number): Window {
    if (this.windows.size >= this.maxKeys) this.sweep(now);
    const w = { start: now - (now % this.windowMs), current: 0, previous: 0 };
    this.windows.set(key, w);
    return w;
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.start < now - 2 * this.windowMs) this.windows.delete(key);
    if (this.windows.size >= this.maxKeys) this.windows.clear();
  }
}
