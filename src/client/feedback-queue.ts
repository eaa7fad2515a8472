import { type FeedbackEvent, LIMITS } from "@/collector/protocol";

/**
 * Events wait here, in localStorage, until the collector took them (2xx): the page never waits
 * for it and never fails because of it. A collector that is down, slow (10 s timeout) or busy
 * (429/503) is tried again later, from this page or the next, with a growing pause (Retry-After,
 * else 5 s doubling to 10 min) kept across pages, so an outage costs one request per pause, not
 * one per page. Events the collector refuses for good (400, 403, 413, 415) are dropped; events
 * older than a day are dropped unsent. The collector ignores events it already has, so sending
 * one twice (a reply lost when the page closed) counts once.
 */
const KEY = "faq-feedback";
const RETRY_KEY = "faq-feedback-retry";
const MAX_QUEUED = 60;
const DAY_MS = 86_400_000;

type Item = { e: FeedbackEvent; t: number; k: string };
let memory: Item[] = []; // when localStorage is unavailable (disabled, full): this page only
let sending = false;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners: ((ok: boolean) => void)[] = [];

function read<T>(key: string, fallback: T): T {
  try {
    return JSON.parse(localStorage.getItem(key) ?? "null") ?? fallback;
  } catch {
    return fallback;
  }
}
function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage off or full: the in-memory copy stands */
  }
}
const load = (): Item[] => read<Item[]>(KEY, memory).filter((i) => Date.now() - i.t < DAY_MS);
const save = (items: Item[]) => write(KEY, (memory = items.slice(-MAX_QUEUED)));

/** Called after every attempt: true when the events are settled (taken, or refused for good), false when they wait for a retry. */
export const onSendResult = (listener: (ok: boolean) => void) => void listeners.push(listener);

/** A random UUID (v4) from getRandomValues: crypto.randomUUID exists only on https and localhost. */
export function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 15) | 64;
  b[8] = (b[8] & 63) | 128;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function enqueue(event: FeedbackEvent): void {
  save([...load(), { e: withinLimits(event), t: Date.now(), k: uuid() }]);
  schedule(0);
}

/** A pasted query longer than the collector keeps is cut here as it would cut it, not sent whole to be refused (and lost). */
function withinLimits(event: FeedbackEvent): FeedbackEvent {
  return "query" in event ? { ...event, query: [...event.query].slice(0, LIMITS.query).join("") } : event;
}

function schedule(ms: number): void {
  clearTimeout(timer);
  timer = setTimeout(() => void flush(), ms);
}

/** Sends what waits, unless a pause after a failure is still running. `keepalive`: the page is closing. */
export async function flush(keepalive = false): Promise<void> {
  const [retryAt, pause] = read<[number, number]>(RETRY_KEY, [0, 0]);
  const items = load();
  if (sending || !items.length) return;
  if (Date.now() < retryAt) return schedule(retryAt - Date.now());
  const batch: Item[] = [];
  while (batch.length < items.length && batch.length < LIMITS.eventsPerRequest && (!batch.length || JSON.stringify({ events: [...batch, items[batch.length]].map((i) => i.e) }).length * 3 < LIMITS.bodyBytes)) batch.push(items[batch.length]);
  sending = true;
  let ok = false;
  try {
    const res = await fetch(COLLECTOR_URL, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ events: batch.map((i) => i.e) }), keepalive, credentials: "omit", signal: AbortSignal.timeout(10_000) });
    // A 400 names the event it refused: that one goes, the others are sent again. 403, 413 and
    // 415 will not change on a retry either: the batch goes.
    const refused = res.status === 400 ? ((await res.json().catch(() => ({}))) as { index?: number }).index : undefined;
    ok = res.ok || [400, 403, 413, 415].includes(res.status);
    if (!ok) throw Number(res.headers.get("Retry-After")) * 1000 || 0;
    const gone = new Set((batch[refused ?? -1] ? [batch[refused!]] : batch).map((i) => i.k));
    save(load().filter((i) => !gone.has(i.k)));
    write(RETRY_KEY, [0, 0]);
  } catch (after) {
    const next = Math.min(Math.max(pause * 2, 5000), 600_000);
    write(RETRY_KEY, [Date.now() + Math.max(next, typeof after === "number" ? after : 0), next]);
  } finally {
    sending = false;
  }
  listeners.forEach((l) => l(ok));
  if (load().length) schedule(ok ? 0 : read<[number, number]>(RETRY_KEY, [0, 0])[0] - Date.now());
}
