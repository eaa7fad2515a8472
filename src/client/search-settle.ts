/** A search counted once: its query, how many results answered it, the result clicked when a click settled it. */
export type Settled = { query: string; results: number; position: number | null };

/** After this long without typing, the search shown is the one the reader settled on. */
export const SETTLE_IDLE_MS = 1500;

/**
 * The settled-search rule. Results arrive for every query typed (实, 实名, 实名认…); one of them
 * is counted when the reader settles on it: a click on a result (with its position), leaving the
 * box or the page, or a pause of SETTLE_IDLE_MS. Never while an IME is composing (the pause does
 * not run, leaving does not count). A hand-over to /search/ counts nothing here: that page counts
 * it. The same query twice in a row is one search; a click after it settled is reported apart
 * (`onClick`), for the search already counted.
 */
export function createSettleTracker(onSettle: (search: Settled) => void, onClick: (position: number) => void, idleMs = SETTLE_IDLE_MS) {
  let pending: { query: string; results: number } | null = null;
  let settled: string | null = null;
  let composing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const wait = () => {
    clearTimeout(timer);
    if (pending && !composing) timer = setTimeout(() => settle(null), idleMs);
  };
  function settle(position: number | null): void {
    clearTimeout(timer);
    if (!pending || composing) return;
    settled = pending.query;
    onSettle({ ...pending, position });
    pending = null;
  }

  return {
    /** Results are shown for `query` ("" when the box was emptied). */
    results(query: string, results: number): void {
      if (!query) {
        pending = settled = null;
      } else if (query === settled) {
        pending = null; // back to the search already counted (typed on, then deleted)
      } else {
        pending = { query, results };
      }
      wait();
    },
    typing: wait,
    compose(on: boolean): void {
      composing = on;
      wait();
    },
    /** A result picked: its position among the answers, or null for a possibly related question (no answer was clicked). */
    pick(position: number | null): void {
      if (pending) settle(position);
      else if (settled && position !== null) onClick(position);
    },
    leave: () => settle(null),
    handover(): void {
      clearTimeout(timer);
      pending = null;
    },
  };
}
