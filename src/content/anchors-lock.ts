import type { Diagnostic } from "./errors";
import { pageEntries, type Site } from "./types";

/**
 * `anchors.lock`: every page URL and question anchor the site has published, one per line
 * (`/account/real-name-auth/#faceiderr`). Links to them live on in support chats and other sites,
 * so one that disappears fails the check, unless the question it became lists it as an alias.
 */
export const LOCK_HEADER = [
  "# Published page URLs and question anchors, written by `npm run build`; commit this file.",
  "# A line may only go when its page or question is really gone: prefer front matter `aliases`.",
];

/** What the site publishes now: page URLs, question anchors, and aliases (which still land). */
export function publishedAnchors(site: Site): { current: Set<string>; aliases: Set<string> } {
  const current = new Set<string>();
  const aliases = new Set<string>();
  for (const category of site.categories) current.add(category.url);
  for (const page of site.categories.flatMap((c) => c.pages)) {
    current.add(page.url);
    for (const e of pageEntries(page)) current.add(`${page.url}#${e.id}`);
    for (const s of page.sections) if (s.id) current.add(`${page.url}#${s.id}`); // group headings are link targets too
    for (const [id, old] of Object.entries(page.aliases)) if (current.has(`${page.url}#${id}`)) old.forEach((a) => aliases.add(`${page.url}#${a}`));
  }
  return { current, aliases };
}

export function parseLock(text: string): string[] {
  return text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
}

/** The line of each entry in the lock file's text, for messages. */
export function lockLines(text: string): Map<string, number> {
  return new Map(text.split("\n").map((l, i) => [l.trim(), i + 1]));
}

/** Errors for published anchors the site no longer has; `lockFile` names the file in messages. */
export function checkLock(site: Site, locked: string[], lockFile: string, lines: Map<string, number> = new Map()): Diagnostic[] {
  const { current, aliases } = publishedAnchors(site);
  return locked
    .filter((entry) => !current.has(entry) && !aliases.has(entry))
    .map((entry) => {
      const [url, id] = entry.split("#");
      const message = id
        ? `published anchor ${entry} no longer exists: keep the id ([](id:${id})), or list "${id}" under front matter aliases of the question it became`
        : `published page ${url} no longer exists: keep its file name or "slug", or remove its lines from this file if it is really gone`;
      return { file: lockFile, line: lines.get(entry) ?? 1, severity: "error" as const, message };
    });
}

/** The lock after a successful build: what it had, plus what is new. Sorted, so diffs stay small. */
export function updatedLock(site: Site, locked: string[]): string {
  const all = new Set([...locked, ...publishedAnchors(site).current]);
  return [...LOCK_HEADER, ...[...all].sort()].join("\n") + "\n";
}
