import type { Diagnostic } from "./errors";
import { pageEntries, type Page, type Site } from "./types";

/**
 * `anchors.lock`: every page URL and question anchor the site has published, one per line
 * (`/account/real-name-auth/#faceiderr`). Links to them live on in support chats and other sites,
 * so one that disappears fails the check, unless the question it became lists it as an alias.
 * Published means committed to git (load.ts, publishedPages): a draft page is not recorded, so its
 * questions can be renamed freely until it is committed.
 */
export const LOCK_HEADER = [
  "# Published page URLs and question anchors, written by `npm run build`; commit this file.",
  "# A line may only go when its page or question is really gone: prefer front matter `aliases`.",
  "# Pages count as published once committed to git; drafts are not recorded.",
];

/** What the site has now: page URLs, question anchors, and aliases (which still land). */
export function publishedAnchors(site: Site): { current: Set<string>; aliases: Set<string> } {
  const current = new Set<string>();
  const aliases = new Set<string>();
  for (const page of site.categories.flatMap((c) => c.pages)) {
    for (const anchor of pageAnchors(page)) current.add(anchor);
    for (const [id, old] of Object.entries(page.aliases)) if (current.has(`${page.url}#${id}`)) old.forEach((a) => aliases.add(`${page.url}#${a}`));
  }
  return { current, aliases };
}

/** A page's lines in the lock: its category's URL, its own, its question anchors and group headings (link targets too). */
export function pageAnchors(page: Page): string[] {
  const sections = page.sections.filter((s) => s.id).map((s) => `${page.url}#${s.id}`);
  return [`/${page.category}/`, page.url, ...pageEntries(page).map((e) => `${page.url}#${e.id}`), ...sections];
}

/** The anchors of published pages (as published), each with the page file it comes from, for messages. */
export function anchorsOf(published: Page[]): Map<string, string> {
  return new Map(published.flatMap((page) => pageAnchors(page).map((a): [string, string] => [a, page.sourcePath])));
}

export function parseLock(text: string): string[] {
  return text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
}

/** The line of each entry in the lock file's text, for messages. */
export function lockLines(text: string): Map<string, number> {
  return new Map(text.split("\n").map((l, i) => [l.trim(), i + 1]));
}

/**
 * Errors for published anchors the site no longer has: those in the lock (`lockFile` names it in
 * messages) and those of published pages not recorded yet (`published`, by page file).
 */
export function checkLock(site: Site, locked: string[], lockFile: string, lines: Map<string, number> = new Map(), published: Map<string, string> = new Map()): Diagnostic[] {
  const { current, aliases } = publishedAnchors(site);
  const inLock = new Set(locked);
  return [...new Set([...locked, ...published.keys()])]
    .filter((entry) => !current.has(entry) && !aliases.has(entry))
    .map((entry) => {
      const [url, id] = entry.split("#");
      const message = id
        ? `published anchor ${entry} no longer exists: keep the id ([](id:${id})), or list "${id}" under front matter aliases of the question it became`
        : `published page ${url} no longer exists: keep its file name or "slug", or remove its lines from this file if it is really gone`;
      if (inLock.has(entry)) return { file: lockFile, line: lines.get(entry) ?? 1, severity: "error" as const, message };
      return { file: published.get(entry)!, line: 1, severity: "error" as const, message: `${message.replace(", or remove its lines from this file if it is really gone", "")} (it is in the last commit)` };
    });
}

/** The lock after a successful build: what it had, plus what is newly published. Sorted, so diffs stay small. */
export function updatedLock(locked: string[], published: Iterable<string>): string {
  const all = new Set([...locked, ...published]);
  return [...LOCK_HEADER, ...[...all].sort()].join("\n") + "\n";
}
