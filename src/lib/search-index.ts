import fs from "node:fs";
import { getSite } from "@/content";
import { loadSynonyms } from "@/content/load";
import { searchIndexFile, type SearchIndexFile } from "@/search/index-file";

let cached: SearchIndexFile | undefined;

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
