/** The search worker's hashed URL, written into the browser bundle by scripts/lib/client-bundle.ts. */
declare const SEARCH_WORKER_URL: string;
