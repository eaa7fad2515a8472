import { ContentError, formatDiagnostic, hasErrors } from "./errors";
import { loadSite, readSiteCache } from "./load";
import type { Category, Page, Site } from "./types";

export type { Category, Entry, Page, Section, Site } from "./types";
export { pageEntries } from "./types";

let cached: Site | undefined;

/** The whole site, read once per process. Content errors throw with every `path:line: message`. */
export function getSite(): Site {
  if (cached) return cached;
  // Set by scripts/build.ts: the content it has just checked, already parsed.
  const fromBuild = process.env.FAQ_SITE_CACHE ? readSiteCache(process.env.FAQ_SITE_CACHE) : null;
  if (fromBuild) return (cached = fromBuild);
  const { site, diagnostics } = loadSite();
  if (hasErrors(diagnostics)) throw new ContentError(diagnostics);
  for (const d of diagnostics) console.warn(formatDiagnostic(d));
  cached = site;
  return site;
}

export function getCategory(slug: string): Category | undefined {
  return getSite().categories.find((c) => c.slug === slug);
}

export function getPage(category: string, slug: string): Page | undefined {
  return getCategory(category)?.pages.find((p) => p.slug === slug);
}

export function getAllPages(): Page[] {
  return getSite().categories.flatMap((c) => c.pages);
}
