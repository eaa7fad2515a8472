import fs from "node:fs";
import path from "node:path";
import { pageEntries, type Site } from "../content/types";
import { currentBuildDir } from "../server/build-dirs";

/**
 * Every page and question of one build, with its source: what the collector accepts votes for
 * (anything else is a 400) and what the report links to (`content/account/real-name-auth.md:12`).
 * The build writes it into the build folder as `.questions.json`; dot files are never served by
 * `npm start`, so it is not public there.
 */
export type Catalog = {
  pages: Record<string, { title: string; source: string; questions: Record<string, { question: string; line: number }> }>;
};

export const CATALOG_FILE = ".questions.json";

/** The catalog of a site; `contentRoot`: the content folder as the report should print it (`content`). */
export function catalogOf(site: Site, contentRoot: string): Catalog {
  const pages: Catalog["pages"] = {};
  for (const category of site.categories) {
    for (const page of category.pages) {
      const questions: Catalog["pages"][string]["questions"] = {};
      for (const entry of pageEntries(page)) questions[entry.id] = { question: entry.question, line: entry.line };
      pages[page.url] = { title: page.title, source: path.posix.join(contentRoot.split(path.sep).join("/"), page.sourcePath.split(path.sep).join("/")), questions };
    }
  }
  return { pages };
}

export function writeCatalog(buildDir: string, catalog: Catalog): void {
  fs.writeFileSync(path.join(buildDir, CATALOG_FILE), JSON.stringify(catalog));
}

/**
 * The catalog of the build being served: read again when a new build is swapped in (checked at
 * most once a second, a realpath), so a vote for a question that the new build added is accepted
 * within a second of the swap.
 */
export class ServedCatalog {
  private dir: string | null = null;
  private catalog: Catalog | null = null;
  private checked = 0;

  constructor(private readonly siteRoot: string) {}

  current(): Catalog | null {
    if (this.catalog && Date.now() - this.checked < 1000) return this.catalog;
    this.checked = Date.now();
    const dir = currentBuildDir(this.siteRoot);
    if (dir !== this.dir) {
      this.dir = dir;
      this.catalog = dir ? readCatalog(dir) : null;
    }
    return this.catalog;
  }

  has(page: string, question: string): boolean {
    const known = () => Object.hasOwn(this.current()?.pages[page]?.questions ?? {}, question);
    if (known()) return true;
    // Unknown: perhaps a build swapped in within the last second added it. Look again before a 400.
    this.checked = 0;
    return known();
  }
}

export function readCatalog(dir: string): Catalog | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, CATALOG_FILE), "utf8")) as Catalog;
  } catch {
    return null;
  }
}
