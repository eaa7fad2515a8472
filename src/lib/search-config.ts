import { getSite } from "@/content";
import { SITE } from "./config";
import { getFeaturedQuestions, type FeaturedQuestion } from "./featured";
import { getSearchIndexUrl } from "./search-index";

/** What every search box needs from the build: where the index is, what to offer when nothing is found. */
export type SearchConfig = { indexUrl: string; popular: FeaturedQuestion[]; supportUrl: string; supportLabel: string };

export function getSearchConfig(): SearchConfig {
  return { indexUrl: getSearchIndexUrl(), popular: getFeaturedQuestions(getSite(), 4), supportUrl: SITE.supportUrl, supportLabel: SITE.supportLabel };
}
