import type { Site } from "../content/types";
import { SITE } from "./config";
import { getFeaturedQuestions, type FeaturedQuestion } from "./featured";

/** What every search box needs from the build: where the index is, what to offer when nothing is found. */
export type SearchConfig = { indexUrl: string; popular: FeaturedQuestion[]; supportUrl: string; supportLabel: string };

export function searchConfig(site: Site, indexUrl: string): SearchConfig {
  return { indexUrl, popular: getFeaturedQuestions(site, 4), supportUrl: SITE.supportUrl, supportLabel: SITE.supportLabel };
}
