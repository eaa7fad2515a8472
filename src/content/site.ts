import type { Diagnostic } from "./errors";
import { checkLinks, resolveDocLinks } from "./links";
import type { CategoryMeta } from "./schema";
import type { Category, Page, Site } from "./types";

export type CategorySource = { slug: string; meta: CategoryMeta; metaPath: string; pages: Page[] };

/** Deterministic order: explicit `order` first (ascending), then the rest by slug. */
export function compareByOrder(a: { order: number | null; slug: string }, b: { order: number | null; slug: string }): number {
  const oa = a.order ?? Number.POSITIVE_INFINITY;
  const ob = b.order ?? Number.POSITIVE_INFINITY;
  if (oa !== ob) return oa < ob ? -1 : 1;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/** Assembles categories into the site, sorted; links between pages resolved and checked. */
export function assembleSite(sources: CategorySource[]): { site: Site; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const categories: Category[] = sources
    .filter((c) => c.pages.length > 0)
    .map((c) => {
      const seen = new Map<string, Page>();
      for (const page of c.pages) {
        const other = seen.get(page.slug);
        if (other) {
          diagnostics.push({ file: page.sourcePath, line: 1, severity: "error", message: `page URL ${page.url} is also used by ${other.sourcePath}: rename one file or set a different "slug" in its front matter` });
        } else seen.set(page.slug, page);
      }
      return {
        slug: c.slug,
        url: `/${c.slug}/`,
        title: c.meta.title ?? c.slug,
        description: c.meta.description ?? "",
        order: c.meta.order ?? null,
        pages: [...seen.values()].sort(compareByOrder),
      };
    })
    .sort(compareByOrder);
  const site = { categories };
  resolveDocLinks(site);
  return { site, diagnostics: [...diagnostics, ...checkLinks(site)] };
}
