/** One question and its answer. `id` is the anchor: `/<category>/<page>/#<id>`. */
export type Entry = {
  id: string;
  question: string;
  /** Sanitized answer HTML. */
  html: string;
  /** Plain answer text, for search and descriptions. */
  text: string;
  /** Source line of the question heading. */
  line: number;
};

/** Questions under one group heading (`##` above `###` questions); `title` is null for ungrouped ones. */
export type Section = {
  id: string | null;
  title: string | null;
  introHtml: string;
  entries: Entry[];
};

export type Page = {
  category: string;
  slug: string;
  url: string;
  title: string;
  description: string;
  order: number | null;
  updated: string | null;
  featured: string[];
  /** Old ids by current question id. */
  aliases: Record<string, string[]>;
  /** Extra search words by question id. */
  keywords: Record<string, string[]>;
  /** Content before the first question. */
  introHtml: string;
  sections: Section[];
  /** Documentation id this page stands for (`378/34075`): links to that document come here. */
  docId: string | null;
  /** Every link in the page and its source line, for the link check. */
  links: { href: string; line: number }[];
  /** Every element id in the page's HTML (questions, groups, inline targets). */
  ids: string[];
  /** Path of the source file, relative to the content folder. */
  sourcePath: string;
};

export type Category = {
  slug: string;
  url: string;
  title: string;
  description: string;
  order: number | null;
  pages: Page[];
};

export type Site = { categories: Category[] };

/** Every question of a page, in reading order. */
export function pageEntries<E = Entry>(page: { sections: { entries: E[] }[] }): E[] {
  return page.sections.flatMap((s) => s.entries);
}
