import { storeLocation, type StoreLocation } from "./store/open";

/** The collector's settings, from the environment of `npm start` (README: "The collector"). */
export type CollectorConfig = {
  store: StoreLocation;
  /** Raw events older than this many months are deleted (their daily roll-ups stay). */
  retentionMonths: number;
  /** Proxies in front of the collector whose X-Forwarded-For is believed (0: none, the header is ignored). */
  trustProxy: number;
  /** Origins besides the request's own host whose pages may send events (the site's, behind a CDN). */
  origins: string[];
  votesPerMinute: number;
  eventsPerMinute: number;
  /** Events waiting to be written beyond which requests get 503. */
  maxPending: number;
  /** The report's token; unset: `/admin/` and its API are off. */
  adminToken: string | null;
  /** Absolute origin of the live site (SITE_URL), for the report's links; null: they are site paths. */
  siteUrl: string | null;
};

export class ConfigError extends Error {}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name}=${value} is not a whole number of at least ${min}`);
  return n;
}

export function collectorConfig(env: NodeJS.ProcessEnv = process.env): CollectorConfig {
  const token = env.ADMIN_TOKEN?.trim() || null;
  if (token && token.length < 16) throw new ConfigError("ADMIN_TOKEN is too short to be safe: use at least 16 characters, e.g. `openssl rand -hex 24`");
  const siteUrl = env.SITE_URL ? env.SITE_URL.replace(/\/$/, "") : null;
  // As before SITE_URL became optional for the report's links: without it, pages from npm start's default origin may send events.
  const origins = [siteUrl ?? "http://localhost:3000", ...(env.COLLECTOR_ORIGINS ?? "").split(",")].map((o) => o.trim()).filter(Boolean).map((o) => {
    try {
      return new URL(o).origin;
    } catch {
      throw new ConfigError(`COLLECTOR_ORIGINS: "${o}" is not an origin such as https://help.example.com`);
    }
  });
  return {
    store: storeLocation(env),
    retentionMonths: count(env, "COLLECTOR_RETENTION_MONTHS", 13, 1),
    trustProxy: count(env, "TRUST_PROXY", 0),
    origins,
    votesPerMinute: count(env, "COLLECTOR_VOTES_PER_MINUTE", 10, 1),
    eventsPerMinute: count(env, "COLLECTOR_EVENTS_PER_MINUTE", 120, 1),
    maxPending: count(env, "COLLECTOR_MAX_PENDING", 20_000, 1),
    adminToken: token,
    siteUrl,
  };
}
