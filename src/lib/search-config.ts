import type { Site } from "../content/types";
import { SITE } from "./config";
import { getFeaturedQuestions, type FeaturedQuestion } from "./featured";

/** Questions offered when search finds nothing. */
export const POPULAR_QUESTIONS = 4;

/** What every search box needs from the build: where the index is, what to offer when nothing is found. */
export type SearchConfig = { indexUrl: string; popular: Pick<FeaturedQuestion, "url" | "question">[]; supportUrl: string; supportLabel: string };

export function searchConfig(site: Site, indexUrl: string): SearchConfig {
  const popular = getFeaturedQuestions(site, POPULAR_QUESTIONS).map(({ url, question }) => ({ url, question }));
  return { indexUrl, popular, supportUrl: SITE.supportUrl, supportLabel: SITE.supportLabel };
}
