import { createHash } from "node:crypto";
import type { Site } from "../content/types";
import { buildSearchPayload } from "./build-index";

export type SearchIndexFile = { file: string; json: string };

/**
 * The search index file of a site: its name carries a hash of its content, so browsers and CDNs
 * may cache it forever and a new build is fetched at once. (Relative imports: scripts/build.ts
 * loads this from any working directory.)
 */
export function searchIndexFile(site: Site, synonyms: [string, string][]): SearchIndexFile {
  const json = JSON.stringify(buildSearchPayload(site, synonyms));
  return { file: `index.${createHash("sha256").update(json).digest("hex").slice(0, 12)}.json`, json };
}
