import { createHash } from "node:crypto";
import fs from "node:fs";
import { getSite } from "@/content";
import { loadSynonyms } from "@/content/load";
import type { Site } from "@/content/types";
import { buildSearchPayload } from "@/search/build-index";

export type SearchIndexFile = { file: string; json: string };

let cached: SearchIndexFile | undefined;

/**
 * The search index file for a site: its name carries a hash of its content, so browsers and CDNs
 * may cache it forever and a new build is fetched at once.
 */
export function searchIndexFile(site: Site, synonyms: [string, string][]): SearchIndexFile {
  const json = JSON.stringify(buildSearchPayload(site, synonyms));
  return { file: `index.${createHash("sha256").update(json).digest("hex").slice(0, 12)}.json`, json };
}

/**
 * This build's index, once per process. `npm run build` computes it once and hands it to Next's
 * build workers in `FAQ_SEARCH_INDEX_CACHE` (each would otherwise compute the pinyin of every question).
 */
export function getSearchIndexFile(): SearchIndexFile {
  const fromBuild = process.env.FAQ_SEARCH_INDEX_CACHE;
  cached ??= fromBuild && fs.existsSync(fromBuild) ? (JSON.parse(fs.readFileSync(fromBuild, "utf8")) as SearchIndexFile) : searchIndexFile(getSite(), loadSynonyms().synonyms);
  return cached;
}

/** URL the browser fetches the index from; served by `src/app/search-index/[file]/route.ts`. */
export function getSearchIndexUrl(): string {
  return `/search-index/${getSearchIndexFile().file}`;
}
