import path from "node:path";
import { loadSite, loadSynonyms } from "@/content/load";
import { buildIndexData } from "@/search/build-index";
import { createSearchEngine } from "@/search/engine";
import { memorySource } from "@/search/index-source";
import type { IndexData } from "@/search/types";

/**
 * The engine as the site runs it, except that a crash fails the test: the site's engine answers a
 * crashing query with no results, which a negative or "never throws" test would take for a pass.
 */
export function strictEngine(data: IndexData) {
  return createSearchEngine(memorySource(data), {
    onError: (error) => {
      throw error;
    },
  });
}

/** The engine over a content folder, built exactly as the site builds it. */
export function contentEngine(dir: string) {
  const { site } = loadSite(dir);
  return strictEngine(buildIndexData(site, loadSynonyms(dir).synonyms));
}

/** The engine over the site's real content. */
export function seedEngine() {
  return contentEngine(path.resolve("content"));
}
