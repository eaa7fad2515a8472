import { pageEntries, type Site } from "@/content";

export type FeaturedQuestion = { url: string; question: string; page: string };

/** Questions writers marked `featured` in front matter; pages without any contribute their first. */
export function getFeaturedQuestions(site: Site, max = 6): FeaturedQuestion[] {
  const pages = site.categories.flatMap((c) => c.pages);
  const marked = pages.flatMap((page) => {
    const entries = pageEntries(page);
    const chosen = page.featured.length ? page.featured.map((id) => entries.find((e) => e.id === id)!) : entries.slice(0, 1);
    return chosen.map((e) => ({ url: `${page.url}#${e.id}`, question: e.question, page: page.title }));
  });
  return marked.slice(0, max);
}
