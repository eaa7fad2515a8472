/** Site-wide settings. Values come from the environment at build time, with defaults for this site. */
export const SITE = {
  name: process.env.SITE_NAME || "云服务帮助中心",
  /** Absolute origin for canonical URLs, Open Graph and the sitemap. */
  url: (process.env.SITE_URL || "http://localhost:3000").replace(/\/$/, ""),
  /** Where customers go when the FAQ has no answer. */
  supportUrl: process.env.SUPPORT_URL || "https://cloud.tencent.com/online-service",
  supportLabel: "联系在线客服",
} as const;

/** `/account/x/` → `https://help.example.com/account/x/` (sitemaps and shared links need absolute URLs). */
export function absoluteUrl(path: string): string {
  return new URL(path, `${SITE.url}/`).href;
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
