import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PageInput, ParsedPage } from "../../src/content/parse";

/**
 * Parses of unchanged pages, kept between builds: a writer who edits one page of a thousand waits
 * for one parse, not a thousand (about 13 s of CPU on this machine). A page's entry is found by a
 * hash of everything its parse depends on: its text, its place in the tree, the parser's own source
 * (src/content/) and the installed packages. So any edit to a page, to the pipeline or to
 * node_modules parses again; nothing else can make a stale entry match.
 */
export const PARSE_CACHE_FILE = path.resolve(".next", "cache", "faq-parsed-pages.json");

const CONTENT_SOURCE = fileURLToPath(new URL("../../src/content/", import.meta.url));
// npm's record of what is installed (it changes with every install), else the lock file.
const INSTALLED = ["node_modules/.package-lock.json", "package-lock.json", "package.json"];

/** What every page's parse depends on besides the page itself. */
export function pipelineFingerprint(): string {
  const hash = createHash("sha256");
  for (const file of fs.readdirSync(CONTENT_SOURCE).filter((f) => f.endsWith(".ts")).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(CONTENT_SOURCE, file)));
  }
  const installed = INSTALLED.map((f) => path.resolve(f)).find((f) => fs.existsSync(f));
  if (installed) hash.update(fs.readFileSync(installed));
  return hash.digest("hex");
}

export function pageKey(fingerprint: string, input: PageInput): string {
  return createHash("sha256").update(fingerprint).update(JSON.stringify(input.source)).update("\0").update(input.raw).digest("hex");
}

export type ParseCache = Map<string, ParsedPage>;

/** The cache from the last run; empty when it is missing or unreadable (it is only ever a shortcut). */
export function readParseCache(file: string = PARSE_CACHE_FILE): ParseCache {
  try {
    return new Map(Object.entries(JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, ParsedPage>));
  } catch {
    return new Map();
  }
}

/** Keeps exactly this run's pages, so the file never grows with deleted or edited pages. */
export function writeParseCache(cache: ParseCache, file: string = PARSE_CACHE_FILE): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(Object.fromEntries(cache)));
  } catch {
    // A read-only checkout still checks and builds; it only parses every page each time.
  }
}
