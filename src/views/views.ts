import { pageEntries, type Category, type Entry, type Page, type Section, type Site } from "../content/types";
import { getFeaturedQuestions, type FeaturedQuestion } from "../lib/featured";
import { POPULAR_QUESTIONS, searchConfig, type SearchConfig } from "../lib/search-config";

/**
 * What each route renders, as plain data computed from the site. Routes get their data only from
 * here (src/views/source.ts; ESLint keeps `getSite` out of src/app and src/components), so a view
 * is exactly a page's content inputs: the incremental build (scripts/lib/incremental.ts) hashes it,
 * with the layout's view and the code, to tell which pages must be rendered again. A field a route
 * shows must be in its view, and a view holds nothing a route does not show, so an edit re-renders
 * the pages that show what it changed and no others.
 */

/** Every page's header and footer: the search box (index URL, popular questions, support link). */
export type LayoutView = { search: SearchConfig };

/** A question as listed on another page. */
export type QuestionRef = Pick<Entry, "id" | "question">;

export type HomeView = {
  featured: FeaturedQuestion[];
  categories: { slug: string; url: string; title: string; description: string; pageCount: number; pages: { slug: string; url: string; title: string; questionCount: number }[] }[];
};

export type CategoryView = {
  category: { slug: string; url: string; title: string; description: string };
  pages: { slug: string; url: string; title: string; description: string; questions: QuestionRef[]; questionCount: number }[];
};

/** A question with its answer, as the FAQ page shows it (its source line is not shown). */
export type EntryView = Omit<Entry, "line">;
export type SectionView = Omit<Section, "entries"> & { entries: EntryView[] };

export type FaqPageView = {
  category: { slug: string; url: string; title: string };
  page: Pick<Page, "slug" | "url" | "title" | "description" | "updated" | "introHtml" | "aliases"> & { sections: SectionView[] };
};

export type NotFoundView = { featured: FeaturedQuestion[] };
/** The search page's start panel: the popular questions with the page each is on. */
export type SearchPageView = { popular: FeaturedQuestion[] };
/** Site paths in sitemap order (home, categories, pages), with the page's `updated` date where known. */
export type SitemapView = { entries: { path: string; updated: string | null }[] };

/** Pages listed per category card on the home page; the category page lists them all. */
export const HOME_CARD_PAGES = 6;
/** Questions listed per page card on a category page. */
export const CATEGORY_CARD_QUESTIONS = 4;

export function layoutView(site: Site, indexUrl: string): LayoutView {
  return { search: searchConfig(site, indexUrl) };
}

export function homeView(site: Site): HomeView {
  return {
    featured: getFeaturedQuestions(site),
    categories: site.categories.map((c) => ({
      slug: c.slug,
      url: c.url,
      title: c.title,
      description: c.description,
      pageCount: c.pages.length,
      pages: c.pages.slice(0, HOME_CARD_PAGES).map((p) => ({ slug: p.slug, url: p.url, title: p.title, questionCount: pageEntries(p).length })),
    })),
  };
}

export function categoryView(category: Category): CategoryView {
  return {
    category: { slug: category.slug, url: category.url, title: category.title, description: category.description },
    pages: category.pages.map((p) => {
      const entries = pageEntries(p);
      return {
        slug: p.slug,
        url: p.url,
        title: p.title,
        description: p.description,
        questions: entries.slice(0, CATEGORY_CARD_QUESTIONS).map((e) => ({ id: e.id, question: e.question })),
        questionCount: entries.length,
      };
    }),
  };
}

export function faqPageView(category: Category, page: Page): FaqPageView {
  return {
    category: { slug: category.slug, url: category.url, title: category.title },
    page: {
      slug: page.slug,
      url: page.url,
      title: page.title,
      description: page.description,
      updated: page.updated,
      introHtml: page.introHtml,
      aliases: page.aliases,
      sections: page.sections.map((s) => ({ ...s, entries: s.entries.map(({ id, question, html, text }) => ({ id, question, html, text })) })),
    },
  };
}

export function notFoundView(site: Site): NotFoundView {
  return { featured: getFeaturedQuestions(site) };
}

export function searchPageView(site: Site): SearchPageView {
  return { popular: getFeaturedQuestions(site, POPULAR_QUESTIONS) };
}

export function sitemapView(site: Site): SitemapView {
  return {
    entries: [
      { path: "/", updated: null },
      ...site.categories.map((c) => ({ path: c.url, updated: null })),
      ...site.categories.flatMap((c) => c.pages.map((p) => ({ path: p.url, updated: p.updated }))),
    ],
  };
}
