import { assembleContent, contentDir, readContentTree, treePages } from "../../src/content/load";
import { parsePages, type PageInput, type ParsedPage } from "../../src/content/parse";
import type { Diagnostic } from "../../src/content/errors";
import type { Site } from "../../src/content/types";
import { PARSE_CACHE_FILE, pageKey, pipelineFingerprint, readParseCache, writeParseCache, type ParseCache } from "./parse-cache";
import { runInThreads, shares, threadCount } from "./threads";

/** Below this many pages a thread's start-up (loading the Markdown toolchain) costs more than it saves. */
const PAGES_PER_THREAD = 150;

export type LoadStats = { parsed: number; reused: number };

/**
 * `loadSite`, with the pages parsed on every core: parsing Markdown is most of the content check's
 * time on a large site (about 13 s for 1,000 pages on one core). Pages unchanged since the last run
 * come from the parse cache (parse-cache.ts) unless `cacheFile` is null. Same result, same order.
 */
export async function loadSiteInParallel(
  dir: string = contentDir(),
  cacheFile: string | null = PARSE_CACHE_FILE,
): Promise<{ site: Site; diagnostics: Diagnostic[]; stats: LoadStats }> {
  const tree = readContentTree(dir);
  const pages = treePages(tree);
  const fingerprint = cacheFile && pipelineFingerprint();
  const keys = fingerprint ? pages.map((p) => pageKey(fingerprint, p)) : null;
  const cached: ParseCache = cacheFile ? readParseCache(cacheFile) : new Map();
  const parsed = keys ? keys.map((k) => cached.get(k)) : pages.map((): ParsedPage | undefined => undefined);
  const missing = pages.map((_, i) => i).filter((i) => !parsed[i]);
  const fresh = await parseAll(missing.map((i) => pages[i]));
  missing.forEach((i, n) => (parsed[i] = fresh[n]));
  // Before assembling: that resolves links in place, and the cache must hold each page as parsed.
  // Not when it holds exactly these pages already (rewriting 100 MB for a 10,000-page site).
  const unchanged = missing.length === 0 && cached.size === new Set(keys).size;
  if (cacheFile && keys && !unchanged) writeParseCache(new Map(keys.map((k, i) => [k, parsed[i]!])), cacheFile);
  return { ...assembleContent(tree, parsed as ParsedPage[]), stats: { parsed: missing.length, reused: pages.length - missing.length } };
}

async function parseAll(pages: PageInput[]): Promise<ParsedPage[]> {
  const threads = threadCount(pages.length, PAGES_PER_THREAD);
  if (threads < 2) return parsePages(pages);
  return (await runInThreads<PageInput[], ParsedPage[]>(new URL("./parse-worker.ts", import.meta.url), "parse-worker", shares(pages, threads))).flat();
}
