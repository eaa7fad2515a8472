import { createHash } from "node:crypto";
import { getSite } from "@/content";
import { loadSynonyms } from "@/content/load";
import { buildSearchPayload } from "@/search/build-index";

let cached: { file: string; json: string } | undefined;

/**
 * The search index file for this build: its name carries a hash of its content, so browsers and
 * CDNs may cache it forever and a new build is fetched at once. Computed once per build process.
 */
export function getSearchIndexFile(): { file: string; json: string } {
  if (cached) return cached;
  const json = JSON.stringify(buildSearchPayload(getSite(), loadSynonyms().synonyms));
  const hash = createHash("sha256").update(json).digest("hex").slice(0, 12);
  cached = { file: `index.${hash}.json`, json };
  return cached;
}

/** URL the browser fetches the index from; served by `src/app/search-index/[file]/route.ts`. */
export function getSearchIndexUrl(): string {
  return `/search-index/${getSearchIndexFile().file}`;
}
