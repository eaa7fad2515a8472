/** Site-wide settings. Values come from the environment at build time, with defaults for this site. */

/**
 * `SITE_URL` as an origin without a trailing slash (`https://help.example.com`), or null when unset.
 * There is no default: a default such as http://localhost:3000 would be published by every deploy
 * that forgot the variable, in canonical links, the sitemap and robots.txt.
 */
export function parseSiteUrl(value: string | undefined): { url: string | null; error: string | null } {
  if (!value?.trim()) return { url: null, error: null };
  let parsed: URL | null = null;
  try {
    parsed = new URL(value.trim());
  } catch {
    // reported below
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.search || parsed.hash) {
    return { url: null, error: `SITE_URL must be the site's absolute address, such as https://help.example.com (got "${value}")` };
  }
  return { url: parsed.href.replace(/\/$/, ""), error: null };
}

const siteUrl = parseSiteUrl(process.env.SITE_URL);
/** Why SITE_URL cannot be used, for the build to report; null when it is fine or unset. */
export const SITE_URL_ERROR = siteUrl.error;

export const SITE = {
  name: process.env.SITE_NAME || "云服务帮助中心",
  /** Absolute origin for canonical URLs, Open Graph, the sitemap and robots.txt; null without SITE_URL. */
  url: siteUrl.url,
  /** Where customers go when the FAQ has no answer. */
  supportUrl: process.env.SUPPORT_URL || "https://cloud.tencent.com/online-service",
  supportLabel: "联系在线客服",
} as const;

/** What the build prints when SITE_URL is unset: the site works locally but must not be deployed so. */
export const SITE_URL_WARNING =
  "SITE_URL is not set: pages have no canonical links, and sitemap.xml and robots.txt (which need absolute URLs) were left out. Fine for npm start; set SITE_URL=https://… before deploying.";

/** `/account/x/` → `https://help.example.com/account/x/` for sitemaps and robots.txt, which need absolute URLs. */
export function absoluteUrl(path: string, origin: string | null = SITE.url): string {
  return origin ? new URL(path, `${origin}/`).href : path;
}

/**
 * The path for a page's canonical link and `og:url` (Next resolves it against `metadataBase`), or
 * undefined without SITE_URL: a relative canonical is worse than none (search engines and Lighthouse
 * reject it), and an absolute one would name a host the site is not on.
 */
export function canonicalPath(path: string): string | undefined {
  return SITE.url ? path : undefined;
}

/** Open Graph fields every page shares (a page's own `openGraph` replaces the layout's whole object). */
export const OPEN_GRAPH_BASE = { siteName: SITE.name, locale: "zh_CN" } as const;

/**
 * Where the page script sends feedback (votes, settled searches, 没找到): the collector of `npm start`
 * on the same origin by default; an absolute URL for a collector elsewhere (its origin joins the
 * pages' connect-src); `off` for a site without one (no vote buttons, no logging).
 */
export const COLLECTOR_URL = process.env.COLLECTOR_URL?.trim() || "/api/events";
export const FEEDBACK_ON = COLLECTOR_URL !== "off";
