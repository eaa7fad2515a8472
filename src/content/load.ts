import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { ZodType } from "zod";
import { anchorsOf, checkLock, lockLines, parseLock, updatedLock } from "./anchors-lock";
import { applyStrictness, type Diagnostic } from "./errors";
import { parsePage, parsePages, type PageInput, type PageSource, type ParsedPage } from "./parse";
import { plainNormalizer } from "../search/text";
import { CategorySchema, SiteSettingsSchema, SlugSchema, SynonymsSchema, type CategoryMeta, type SiteSettings } from "./schema";
import { assembleSite, type CategorySource } from "./site";
import type { SynonymEntry } from "./synonym-check";
import type { Page, Site } from "./types";
import { parseYamlData } from "./yaml-data";

import { contentDir } from "./dir";

export { contentDir };

/** The content tree read from disk, before its pages are parsed (so parsing can be spread over threads). */
export type ContentTree = {
  categories: (Omit<CategorySource, "pages"> & { pages: PageInput[] })[];
  strict: boolean;
  diagnostics: Diagnostic[];
};

/**
 * Reads the content tree: `<category>/<page>.md`, with optional `<category>/_category.yml`.
 * Markdown files directly in the folder form one category named after the folder.
 * Folders and files starting with `_` or `.` are not pages (`_search/`, `_category.yml`).
 */
export function loadSite(dir: string = contentDir()): { site: Site; diagnostics: Diagnostic[] } {
  const tree = readContentTree(dir);
  return assembleContent(tree, parsePages(treePages(tree)));
}

export function readContentTree(dir: string = contentDir()): ContentTree {
  if (!fs.existsSync(dir)) {
    return { categories: [], strict: false, diagnostics: [{ file: dir, line: 1, severity: "error", message: "content folder not found: create it or point CONTENT_DIR at your content" }] };
  }
  const diagnostics: Diagnostic[] = [];
  const entries = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => !/^[._]/.test(e.name));
  const categories: ContentTree["categories"] = [];
  const rootPages = entries.filter((e) => e.isFile() && e.name.endsWith(".md"));
  if (rootPages.length > 0) categories.push(readCategory(dir, "", slugFromName(path.basename(dir)), diagnostics));
  for (const folder of entries.filter((e) => e.isDirectory()).sort(byName)) {
    categories.push(readCategory(dir, folder.name, folder.name, diagnostics));
  }
  const strict = readSiteSettings(dir, diagnostics).strict ?? false;
  return { categories, strict, diagnostics };
}

/** Every page of the tree, in tree order: the order `assembleContent` expects their parses in. */
export function treePages(tree: ContentTree): PageInput[] {
  return tree.categories.flatMap((c) => c.pages);
}

/** The site from a tree and the parse of each of its pages (in `treePages` order). */
export function assembleContent(tree: ContentTree, parsed: ParsedPage[]): { site: Site; diagnostics: Diagnostic[] } {
  const diagnostics = [...tree.diagnostics];
  let next = 0;
  const sources: CategorySource[] = tree.categories.map((c) => ({
    ...c,
    pages: c.pages.map(({ source }) => {
      const { page, diagnostics: found } = parsed[next++];
      diagnostics.push(...found);
      if (page.slug === source.fileSlug) checkSlug(source.fileSlug, source.path, "file", diagnostics);
      return page;
    }),
  }));
  const assembled = assembleSite(sources);
  return { site: assembled.site, diagnostics: applyStrictness([...diagnostics, ...assembled.diagnostics], tree.strict) };
}

function readCategory(root: string, folder: string, slug: string, diagnostics: Diagnostic[]): ContentTree["categories"][number] {
  const abs = path.join(root, folder);
  const metaPath = path.join(folder, "_category.yml");
  checkSlug(slug, folder || ".", "folder", diagnostics);
  const meta = readCategoryMeta(root, metaPath, diagnostics);
  const files = fs.readdirSync(abs, { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(".md") && !/^[._]/.test(e.name));
  const pages = files.sort(byName).map((f) => ({
    raw: fs.readFileSync(path.join(abs, f.name), "utf8"),
    source: pageSource(root, path.join(folder, f.name)),
  }));
  return { slug, meta, metaPath, pages };
}

/** `_site.yml`: settings of the whole content tree (see SiteSettingsSchema). */
function readSiteSettings(dir: string, diagnostics: Diagnostic[]): SiteSettings {
  return readYamlFile(dir, "_site.yml", SiteSettingsSchema, "Checks, `strict`, and published anchors", diagnostics) ?? {};
}

function readCategoryMeta(root: string, rel: string, diagnostics: Diagnostic[]): CategoryMeta {
  return readYamlFile(root, rel, CategorySchema, "Writing content", diagnostics) ?? {};
}

/** A YAML file of the content folder, checked against its schema; null when absent or wrong. */
function readYamlFile<T>(root: string, rel: string, schema: ZodType<T>, docs: string, diagnostics: Diagnostic[]): T | null {
  const abs = path.join(root, rel);
  if (!fs.existsSync(abs)) return null;
  const parsed = parseYamlData(fs.readFileSync(abs, "utf8"), { file: rel, docs }, schema);
  diagnostics.push(...parsed.diagnostics);
  return parsed.data;
}

function checkSlug(slug: string, where: string, kind: "file" | "folder", diagnostics: Diagnostic[]): void {
  if (SlugSchema.safeParse(slug).success) return;
  const fix = kind === "file" ? `rename the file or set "slug:" in its front matter` : "rename the folder";
  diagnostics.push({ file: where, line: 1, severity: "error", message: `"${slug}" cannot be a URL: use lower-case letters, digits and '-' only (${fix})` });
}

function slugFromName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "faq";
}

const byName = (a: fs.Dirent, b: fs.Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * `_search/synonyms.yml`: `word the content uses: [what customers type instead, …]`.
 * Returned as `[alias, canonical]` pairs for the search engine, and with the line of each alias
 * for the checks (synonym-check.ts).
 */
export function loadSynonyms(dir: string = contentDir()): { synonyms: [string, string][]; entries: SynonymEntry[]; diagnostics: Diagnostic[] } {
  const rel = path.join("_search", "synonyms.yml");
  const abs = path.join(dir, rel);
  if (!fs.existsSync(abs)) return { synonyms: [], entries: [], diagnostics: [] };
  const parsed = parseYamlData(fs.readFileSync(abs, "utf8"), { file: rel, docs: "Search synonyms and keywords" }, SynonymsSchema);
  const entries = Object.entries(parsed.data ?? {}).flatMap(([canonical, aliases]) =>
    aliases.map((alias, i): SynonymEntry => ({ alias: plainNormalizer.text(alias), canonical: plainNormalizer.text(canonical), file: rel, line: parsed.lineOf([canonical, i]) })),
  );
  return { synonyms: entries.map((e) => [e.alias, e.canonical]), entries, diagnostics: parsed.diagnostics };
}

/** `anchors.lock` of the content folder (see anchors-lock.ts); `ANCHORS_LOCK` may point elsewhere. */
export function lockPath(dir: string = contentDir()): string {
  return process.env.ANCHORS_LOCK ? path.resolve(process.env.ANCHORS_LOCK) : path.join(dir, "anchors.lock");
}

export function checkAnchorsLock(site: Site, dir: string = contentDir()): Diagnostic[] {
  const file = lockPath(dir);
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  return checkLock(site, parseLock(text), path.relative(dir, file) || file, lockLines(text), anchorsOf(publishedPages(site, dir)));
}

/** Records what is published now. A read-only content folder (a shared corpus) is left alone. */
export function writeAnchorsLock(site: Site, dir: string = contentDir()): string | null {
  // By its mode bits, not by trying: root may write anywhere, and a shared corpus must stay as it is.
  if ((fs.statSync(dir).mode & 0o222) === 0) return null;
  const file = lockPath(dir);
  const before = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const published = anchorsOf(publishedPages(site, dir)).keys();
  const after = updatedLock(parseLock(before), published);
  if (after === before || (!before && parseLock(after).length === 0)) return null;
  try {
    fs.writeFileSync(file, after);
    return file;
  } catch {
    return null;
  }
}

/**
 * The published pages, as they were published: a page is published once it is committed to git.
 * Pages never committed (drafts) are not; a committed page edited or deleted since counts as it
 * is in the last commit (HEAD), so renaming one of its questions is caught before the commit that
 * would lose it. Outside a git work tree (or without git) every page counts, as it is now.
 */
export function publishedPages(site: Site, dir: string = contentDir()): Page[] {
  const committed = readCommitted(dir);
  const pages = site.categories.flatMap((c) => c.pages);
  if (!committed) return pages;
  const unchanged = pages.filter((p) => committed.files.has(p.sourcePath) && !committed.changed.has(p.sourcePath));
  const asCommitted = [...committed.changed].filter((f) => committed.files.has(f) && isPageFile(f)).flatMap((f) => {
    const raw = git(dir, ["show", `HEAD:./${f}`]);
    return raw === null ? [] : [parsePage(raw, pageSource(dir, f)).page];
  });
  return [...unchanged, ...asCommitted];
}

/** Files of the content folder in the last commit, and those that differ from it now; null outside git. */
function readCommitted(dir: string): { files: Set<string>; changed: Set<string> } | null {
  if (git(dir, ["rev-parse", "--is-inside-work-tree"])?.trim() !== "true") return null;
  const list = (out: string | null) => new Set((out ?? "").split("\0").filter(Boolean));
  // No commit yet (no HEAD): in git, and nothing is published.
  return { files: list(git(dir, ["ls-tree", "-r", "-z", "--name-only", "HEAD", "--", "."])), changed: list(git(dir, ["diff", "--name-only", "-z", "--relative", "HEAD", "--", "."])) };
}

/** `git …` in the folder: its output, or null when git fails or is not installed. */
function git(cwd: string, args: string[]): string | null {
  const result = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : null;
}

/** Whether a path (relative to the content folder) is a page, as readContentTree reads them. */
function isPageFile(rel: string): boolean {
  const parts = rel.split("/");
  return rel.endsWith(".md") && parts.length <= 2 && parts.every((p) => !/^[._]/.test(p));
}

/** Where a page file sits in the site: its category is its folder, or the content folder's own. */
function pageSource(dir: string, rel: string): PageSource {
  const parts = rel.split("/");
  const category = parts.length === 2 ? parts[0] : slugFromName(path.basename(dir));
  return { path: rel, category, fileSlug: path.basename(rel, ".md") };
}
