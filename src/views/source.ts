import { getSite } from "@/content";
import { getSearchIndexUrl } from "@/lib/search-index";
import { readCategoryView, readPageView, readSiteViews, type RenderList, type SiteViews } from "./store";
import { categoryView, faqPageView, homeView, layoutView, notFoundView, searchPageView, sitemapView, type CategoryView, type FaqPageView } from "./views";

/**
 * Where the routes get their data. In `npm run build` (FAQ_VIEWS_DIR set by scripts/build.ts): the
 * views the build computed and wrote, and only the pages it chose to render (scripts/lib/incremental.ts).
 * In `npm run dev`: computed from the content on the fly, every page.
 */
const DIR = process.env.FAQ_VIEWS_DIR || null;

let site: SiteViews | undefined;
function siteViews(): SiteViews {
  if (site) return site;
  if (DIR) return (site = readSiteViews(DIR));
  const content = getSite();
  const render: RenderList = {
    categories: content.categories.map((c) => c.slug),
    pages: content.categories.flatMap((c) => c.pages.map((p) => ({ category: c.slug, page: p.slug }))),
  };
  return (site = { layout: layoutView(content, getSearchIndexUrl()), home: homeView(content), notFound: notFoundView(content), searchPage: searchPageView(content), sitemap: sitemapView(content), render });
}

export const getLayoutView = () => siteViews().layout;
export const getHomeView = () => siteViews().home;
export const getNotFoundView = () => siteViews().notFound;
export const getSearchPageView = () => siteViews().searchPage;
export const getSitemapView = () => siteViews().sitemap;

/** The categories and FAQ pages this build renders (generateStaticParams). */
export const getRenderList = (): RenderList => siteViews().render;

// generateMetadata and the page itself ask for the same view: keep the last few read.
const recent = new Map<string, unknown>();
function remembered<T>(key: string, read: () => T): T {
  if (recent.has(key)) return recent.get(key) as T;
  const value = read();
  recent.set(key, value);
  if (recent.size > 8) recent.delete(recent.keys().next().value!);
  return value;
}

export function getCategoryView(slug: string): CategoryView | undefined {
  return remembered(`c:${slug}`, () => {
    if (DIR) return readCategoryView(DIR, slug);
    const category = getSite().categories.find((c) => c.slug === slug);
    return category && categoryView(category);
  });
}

export function getFaqPageView(categorySlug: string, slug: string): FaqPageView | undefined {
  return remembered(`p:${categorySlug}/${slug}`, () => {
    if (DIR) return readPageView(DIR, categorySlug, slug);
    const category = getSite().categories.find((c) => c.slug === categorySlug);
    const page = category?.pages.find((p) => p.slug === slug);
    return category && page && faqPageView(category, page);
  });
}
