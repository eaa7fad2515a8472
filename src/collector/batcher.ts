import type { Received } from "./store/write";

/** The writer is behind: the client should come back later (503 with Retry-After). */
export class Overloaded extends Error {}

type Waiting = { received: Received; resolve: () => void; reject: (error: unknown) => void };

export type BatcherOptions = {
  /** Events waiting to be written beyond which new requests are turned away (503), not queued. */
  maxPending: number;
  /** Events per transaction. */
  maxBatch: number;
  /** Transactions at once: 1 for SQLite (one writer), a few for PostgreSQL. */
  concurrency: number;
};

/**
 * Group commit: requests that arrive while a transaction is being written wait for the next one,
 * which writes them all at once, so each commit (an fsync) serves many requests. A request's
 * promise resolves only after the transaction holding its events committed: the handler answers
 * 2xx then, never before. When a transaction fails, its requests are written one by one, so one
 * request's failure is not another's.
 */
export class Batcher {
  private readonly queue: Waiting[] = [];
  private pending = 0;
  private running = 0;

  constructor(
    private readonly write: (received: Received[]) => Promise<void>,
    private readonly options: BatcherOptions,
  ) {}

  /** Events accepted but not yet committed. */
  get backlog(): number {
    return this.pending;
  }

  submit(received: Received): Promise<void> {
    const count = received.events.length;
    if (this.pending + count > this.options.maxPending) return Promise.reject(new Overloaded("too many events waiting to be written"));
    this.pending += count;
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ received, resolve, reject });
      this.pump();
    }).finally(() => {
      this.pending -= count;
    });
  }

  /** Resolves once everything submitted so far is written (or failed). */
  async drain(): Promise<void> {
    while (this.pending > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private pump(): void {
    while (this.running < this.options.concurrency && this.queue.length) {
      const group: Waiting[] = [];
      let events = 0;
      while (this.queue.length && (group.length === 0 || events + this.queue[0].received.events.length <= this.options.maxBatch)) {
        const next = this.queue.shift()!;
        events += next.received.events.length;
        group.push(next);
      }
      this.running++;
      void this.commit(group).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async commit(group: Waiting[]): Promise<void> {
    try {
      await this.write(group.map((w) => w.received));
      for (const w of group) w.resolve();
    } catch (error) {
      if (group.length === 1) return group[0].reject(error);
      for (const w of group) {
        try {
          await this.write([w.received]);
          w.resolve();
        } catch (own) {
          w.reject(own);
        }
      }
    }
  }
}
