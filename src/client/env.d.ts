/** The search worker's hashed URL, written into the browser bundle by scripts/lib/client-bundle.ts. */
declare const SEARCH_WORKER_URL: string;
/** Where feedback events go (`/api/events` by default), or "off": written into the bundle by scripts/lib/client-bundle.ts. */
declare const COLLECTOR_URL: string;
/** The support link offered after 没帮助 (SUPPORT_URL). */
declare const SUPPORT_URL: string;
