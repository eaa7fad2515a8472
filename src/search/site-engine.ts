import type { Site } from "../content/types";
import { buildIndexData } from "./build-index";
import { createSearchEngine, type EngineOptions, type SearchEngine } from "./engine";
import { memorySource } from "./index-source";

/** Node only: the site's search engine over its whole index in memory (the CLI, the tests, the benchmarks). */
export function siteEngine(site: Site, synonyms: [string, string][] = [], options: EngineOptions = {}): SearchEngine {
  return createSearchEngine(memorySource(buildIndexData(site, synonyms)), options);
}
