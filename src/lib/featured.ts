import { pageEntries, type Site } from "../content/types";

export type FeaturedQuestion = { url: string; question: string; page: string };

/** Questions writers marked `featured` in front matter; pages without any contribute their first. */
export function getFeaturedQuestions(site: Site, max = 6): FeaturedQuestion[] {
  const found: FeaturedQuestion[] = [];
  // Every page's layout asks, so stop as soon as there are enough (a large site has thousands of pages).
  for (const page of site.categories.flatMap((c) => c.pages)) {
    const entries = pageEntries(page);
    const chosen = page.featured.length ? page.featured.map((id) => entries.find((e) => e.id === id)!) : entries.slice(0, 1);
    for (const e of chosen) found.push({ url: `${page.url}#${e.id}`, question: e.question, page: page.title });
    if (found.length >= max) break;
  }
  return found.slice(0, max);
}
