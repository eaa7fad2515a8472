import type { Diagnostic } from "./errors";
import { rewriteDialectBlocks } from "./dialect-source";
import { parseFrontMatter } from "./front-matter";
import { markdownToHast } from "./markdown";
import { linksAndIds, structurePage } from "./questions";
import { PageFrontMatterSchema } from "./schema";
import { suggest, type YamlData } from "./yaml-data";
import { pageEntries, type Page } from "./types";

export type PageSource = {
  /** Path shown in messages, relative to the content folder, e.g. `account/real-name-auth.md`. */
  path: string;
  category: string;
  /** File name without `.md`: the slug unless front matter sets one. */
  fileSlug: string;
};

/** A page file's text and where it comes from, not yet parsed. */
export type PageInput = { raw: string; source: PageSource };
export type ParsedPage = ReturnType<typeof parsePage>;

/** Parses pages in order: the loader, and each thread of the build's parallel loader, share this. */
export function parsePages(pages: PageInput[]): ParsedPage[] {
  return pages.map((p) => parsePage(p.raw, p.source));
}

/** A page's Markdown (with optional front matter) → a typed page record. Pure: no file system. */
export function parsePage(raw: string, source: PageSource): { page: Page; diagnostics: Diagnostic[] } {
  const text = raw.replace(/\r\n?/g, "\n").replace(/^\uFEFF/, "");
  const fm = parseFrontMatter(text, source.path, PageFrontMatterSchema);
  const meta = fm.data ?? {};
  const body = rewriteDialectBlocks(fm.content, fm.lineOffset);
  const lineOf = (line: number) => (body.lineMap[line - 1] ?? line) + fm.lineOffset;
  const { tree, warnings } = markdownToHast(body.text);
  const structured = structurePage(tree, { file: source.path, lineOf });
  const { links, ids } = linksAndIds(tree, lineOf);
  const pluginWarnings = [
    ...body.warnings.map((w): Diagnostic => ({ file: source.path, line: w.line, severity: "warning", message: w.message })),
    ...body.errors.map((w): Diagnostic => ({ file: source.path, line: w.line, severity: "error", message: w.message })),
    ...warnings.map((w): Diagnostic => ({ file: source.path, line: lineOf(w.line), severity: "warning", message: w.message })),
  ];
  const slug = meta.slug ?? source.fileSlug;
  const page: Page = {
    category: source.category,
    slug,
    url: `/${source.category}/${slug}/`,
    title: meta.title ?? structured.title ?? source.fileSlug,
    description: "",
    order: meta.order ?? null,
    updated: meta.updated ?? null,
    featured: meta.featured ?? [],
    keywords: meta.keywords ?? {},
    aliases: meta.aliases ?? {},
    docId: meta.docId ?? null,
    links,
    ids,
    introHtml: structured.introHtml,
    sections: structured.sections,
    sourcePath: source.path,
  };
  page.description = meta.description ?? defaultDescription(page);
  // In line order (stable for one line), as a writer fixes them top to bottom.
  const diagnostics = [...fm.diagnostics, ...pluginWarnings, ...structured.diagnostics, ...checkQuestionIds(page, fm.lineOf)].sort((a, b) => a.line - b.line);
  return { page, diagnostics };
}

/** Without a description, list the first questions: that is what a searcher wants to see. */
function defaultDescription(page: Page): string {
  const questions = pageEntries(page).map((e) => e.question);
  const summary = `${page.title}常见问题：${questions.slice(0, 3).join(" ")}`;
  return summary.length > 150 ? `${summary.slice(0, 149)}…` : summary;
}

/** `featured`, `aliases` and `keywords` must name questions of this page: each wrong id at its own line. */
function checkQuestionIds(page: Page, lineOf: YamlData<unknown>["lineOf"]): Diagnostic[] {
  const ids = pageEntries(page).map((e) => e.id);
  const known = new Set(ids);
  const named: [string, string, number][] = [
    ...page.featured.map((id, i): [string, string, number] => ["featured", id, lineOf(["featured", i])]),
    ...Object.keys(page.keywords).map((id): [string, string, number] => ["keywords", id, lineOf(["keywords", id], "key")]),
    ...Object.keys(page.aliases).map((id): [string, string, number] => ["aliases", id, lineOf(["aliases", id], "key")]),
  ];
  return named
    .filter(([, id]) => !known.has(id))
    .map(([key, id, line]) => ({
      file: page.sourcePath,
      line,
      severity: "error" as const,
      message: `front matter "${key}" names "${id}", which is not a question id on this page: ${suggest(id, ids, "question id")}`,
    }));
}
