import type http from "node:http";
import type { Route } from "../server/handler";
import { adminRoutes } from "./admin/routes";
import { Batcher } from "./batcher";
import { ServedCatalog } from "./catalog";
import { type CollectorConfig } from "./config";
import { HttpError, sendError } from "./http";
import { createIngest } from "./ingest";
import { openStore, type OpenStore } from "./store/open";
import { upkeep } from "./store/rollup";
import { EventWriter } from "./store/write";
import { VisitorKeys } from "./visitor";

export type Collector = {
  routes: Route[];
  /** Opens the store (migrations included) and starts the jobs; until then the routes answer 503. */
  start: () => Promise<void>;
  /** Stops the jobs, waits for events being written, closes the database. */
  close: () => Promise<void>;
  /** Runs the jobs once now (expiry, salts). */
  upkeep: () => Promise<void>;
};

export type CollectorOptions = {
  siteRoot: string;
  config: CollectorConfig;
  log?: (line: string) => void;
  /** How often the jobs run (expiry of raw events, salt deletion). */
  upkeepMs?: number;
  /** How long to wait before trying to open an unreachable database again. */
  reopenMs?: number;
};

const describe = (store: OpenStore) => (store.location.dialect === "sqlite" ? `SQLite ${store.location.file}` : `PostgreSQL ${new URL(store.location.url).host}`);

/**
 * The collector's API routes for `npm start`'s server (src/server/): `POST /api/events`, and with
 * ADMIN_TOKEN set `/admin/` and `/api/admin/report`. The site never waits for it: the routes exist
 * at once and answer 503 until `start` has opened the database; an unreachable database is tried
 * again every `reopenMs` while the site is served.
 */
export function createCollector({ siteRoot, config, log = (l) => console.error(l), upkeepMs = 60_000, reopenMs = 10_000 }: CollectorOptions): Collector {
  const catalog = new ServedCatalog(siteRoot);
  let store: OpenStore | null = null;
  let ingest: ((req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>) | null = null;
  let batcher: Batcher | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const runUpkeep = () =>
    (running = running.then(async () => {
      if (!store || closed) return;
      try {
        const done = await upkeep(store.db, config.retentionMonths);
        if (done.expiredRows || done.saltsDeleted) log(`✓ collector: expired ${done.expiredRows} raw event(s), deleted ${done.saltsDeleted} salt(s)`);
      } catch (error) {
        log(`✗ collector: upkeep failed (tried again in a minute): ${error instanceof Error ? error.message : String(error)}`);
      }
    }));

  const open = async () => {
    for (;;) {
      try {
        store = await openStore(config.store);
        break;
      } catch (error) {
        if (closed) throw error;
        log(`✗ collector: cannot open the database (${error instanceof Error ? error.message : String(error)}); trying again in ${reopenMs / 1000} s, the site is served meanwhile`);
        await new Promise((resolve) => setTimeout(resolve, reopenMs).unref());
        if (closed) throw new Error("closed");
      }
    }
    if (closed) return void (await store.close());
    const writer = new EventWriter(store.db);
    batcher = new Batcher((received) => writer.write(received), { maxPending: config.maxPending, maxBatch: 2000, concurrency: store.dialect === "sqlite" ? 1 : 4 });
    ingest = createIngest({ config, catalog, batcher, visitors: new VisitorKeys(store.db), log });
    log(`✓ collector: storing events in ${describe(store)}`);
    void runUpkeep();
    timer = setInterval(() => void runUpkeep(), upkeepMs);
    timer.unref();
  };
  let ready: Promise<void> | null = null;

  const notReady = (_req: http.IncomingMessage, res: http.ServerResponse) => sendError(res, new HttpError(503, "the collector is starting; try again in a moment", { "Retry-After": "10" }));
  const routes: Route[] = [{ method: "POST", path: "/api/events", handle: (req, res) => (ingest ?? notReady)(req, res) }];
  if (config.adminToken) routes.push(...adminRoutes({ config, catalog, store: () => store }));

  return {
    routes,
    start: () => (ready ??= open()),
    upkeep: runUpkeep,
    async close() {
      closed = true;
      clearInterval(timer);
      await ready?.catch(() => {});
      await batcher?.drain();
      await running;
      await store?.close();
    },
  };
}
