import path from "node:path";
import { loadSite, loadSynonyms } from "@/content/load";
import { buildSearchPayload } from "@/search/build-index";
import { createSearchEngine } from "@/search/engine";

/** The engine over the site's real content, built exactly as the site builds it. */
export function seedEngine() {
  const dir = path.resolve("content");
  const { site } = loadSite(dir);
  return createSearchEngine(buildSearchPayload(site, loadSynonyms(dir).synonyms));
}
