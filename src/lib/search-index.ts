import fs from "node:fs";
import { getSite } from "@/content";
import { loadSynonyms } from "@/content/load";
import { buildIndexData } from "@/search/build-index";
import { searchIndexFiles, type SearchIndexFiles } from "@/search/index-files";

let cached: Partial<SearchIndexFiles> & { manifest: string } | undefined;

/**
 * This build's search index, once per process. `npm run build` computes it once, writes the shards
 * and chunks into the build itself (`out/search-index/`) and hands Next's build workers only the
 * manifest in `FAQ_SEARCH_INDEX_CACHE`; `npm run dev` computes all of it here.
 */
function searchIndex(): Partial<SearchIndexFiles> & { manifest: string } {
  const fromBuild = process.env.FAQ_SEARCH_INDEX_CACHE;
  cached ??= fromBuild && fs.existsSync(fromBuild) ? JSON.parse(fs.readFileSync(fromBuild, "utf8")) : searchIndexFiles(buildIndexData(getSite(), loadSynonyms().synonyms));
  return cached!;
}

/** URL of the index manifest, which names the shard and chunk files next to it. */
export function getSearchIndexUrl(): string {
  return `/search-index/${searchIndex().manifest}`;
}

/** An index file by name, for `npm run dev` (the build writes them itself). */
export function getSearchIndexFile(name: string): string | undefined {
  return searchIndex().files?.[name];
}

/** The index files the route serves: all of them in `npm run dev`, the manifest in a build. */
export function getSearchIndexFileNames(): string[] {
  return Object.keys(searchIndex().files ?? {});
}
