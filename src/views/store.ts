import fs from "node:fs";
import path from "node:path";
import type { CategoryView, FaqPageView, HomeView, LayoutView, NotFoundView, SearchPageView, SitemapView } from "./views";

/**
 * The views of one build, as `npm run build` hands them to Next's build workers: one small file for
 * the pages every build renders and for the list of the others it renders this time, and one file
 * per category and FAQ page to render. A worker reads only the pages it renders, so its memory does
 * not grow with the site, and an incremental build writes only the views of the pages it renders.
 *
 *   <dir>/site.json                   layout, home, 404, search page, sitemap, and the render list
 *   <dir>/category/<slug>.json        a category page
 *   <dir>/page/<category>/<slug>.json a FAQ page
 */
export type RenderList = { categories: string[]; pages: { category: string; page: string }[] };
export type SiteViews = { layout: LayoutView; home: HomeView; notFound: NotFoundView; searchPage: SearchPageView; sitemap: SitemapView; render: RenderList };

const siteFile = (dir: string) => path.join(dir, "site.json");
const categoryFile = (dir: string, slug: string) => path.join(dir, "category", `${slug}.json`);
const pageFile = (dir: string, category: string, page: string) => path.join(dir, "page", category, `${page}.json`);

/** Replaces what `dir` held with these views (slugs are checked URL segments, so safe file names). */
export function writeViews(dir: string, site: SiteViews, category: (slug: string) => CategoryView, page: (category: string, page: string) => FaqPageView): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, "category"), { recursive: true });
  fs.writeFileSync(siteFile(dir), JSON.stringify(site));
  for (const slug of site.render.categories) fs.writeFileSync(categoryFile(dir, slug), JSON.stringify(category(slug)));
  for (const slug of new Set(site.render.pages.map((p) => p.category))) fs.mkdirSync(path.dirname(pageFile(dir, slug, "x")), { recursive: true });
  for (const p of site.render.pages) fs.writeFileSync(pageFile(dir, p.category, p.page), JSON.stringify(page(p.category, p.page)));
}

export function readSiteViews(dir: string): SiteViews {
  return JSON.parse(fs.readFileSync(siteFile(dir), "utf8")) as SiteViews;
}

export function readCategoryView(dir: string, slug: string): CategoryView | undefined {
  return readOptional(categoryFile(dir, slug));
}

export function readPageView(dir: string, category: string, page: string): FaqPageView | undefined {
  return readOptional(pageFile(dir, category, page));
}

function readOptional<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
