import fs from "node:fs";
import path from "node:path";
import { LineCounter, parse as parseYaml, parseDocument } from "yaml";
import { checkLock, lockLines, parseLock, updatedLock } from "./anchors-lock";
import { applyStrictness, type Diagnostic } from "./errors";
import { parsePages, type PageInput, type ParsedPage } from "./parse";
import { plainNormalizer } from "../search/text";
import { CategorySchema, SiteSettingsSchema, SlugSchema, SynonymsSchema, type CategoryMeta, type SiteSettings } from "./schema";
import { assembleSite, type CategorySource } from "./site";
import type { SynonymEntry } from "./synonym-check";
import type { Site } from "./types";

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

/**
 * The build parses the content once (`npm run build` checks it first) and hands the result to
 * Next's build workers in this file, instead of each worker parsing every page again.
 */
export function writeSiteCache(file: string, site: Site): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(site));
}

export function readSiteCache(file: string): Site | null {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Site) : null;
}

function readCategory(root: string, folder: string, slug: string, diagnostics: Diagnostic[]): ContentTree["categories"][number] {
  const abs = path.join(root, folder);
  const metaPath = path.join(folder, "_category.yml");
  checkSlug(slug, folder || ".", "folder", diagnostics);
  const meta = readCategoryMeta(path.join(root, metaPath), metaPath, diagnostics);
  const files = fs.readdirSync(abs, { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(".md") && !/^[._]/.test(e.name));
  const pages = files.sort(byName).map((f) => ({
    raw: fs.readFileSync(path.join(abs, f.name), "utf8"),
    source: { path: path.join(folder, f.name), category: slug, fileSlug: f.name.slice(0, -3) },
  }));
  return { slug, meta, metaPath, pages };
}

/** `_site.yml`: settings of the whole content tree (see SiteSettingsSchema). */
function readSiteSettings(dir: string, diagnostics: Diagnostic[]): SiteSettings {
  const file = path.join(dir, "_site.yml");
  if (!fs.existsSync(file)) return {};
  const result = SiteSettingsSchema.safeParse(parseYaml(fs.readFileSync(file, "utf8")) ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) diagnostics.push({ file: "_site.yml", line: 1, severity: "error", message: `"${issue.path.join(".")}": ${issue.message}` });
  return {};
}

function readCategoryMeta(abs: string, rel: string, diagnostics: Diagnostic[]): CategoryMeta {
  if (!fs.existsSync(abs)) return {};
  try {
    const result = CategorySchema.safeParse(parseYaml(fs.readFileSync(abs, "utf8")) ?? {});
    if (result.success) return result.data;
    for (const issue of result.error.issues) diagnostics.push({ file: rel, line: 1, severity: "error", message: `"${issue.path.join(".")}": ${issue.message}` });
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 1;
    diagnostics.push({ file: rel, line, severity: "error", message: `not valid YAML: ${(error as Error).message.split("\n")[0]}` });
  }
  return {};
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
  try {
    const lineCounter = new LineCounter();
    const document = parseDocument(fs.readFileSync(abs, "utf8"), { lineCounter });
    if (document.errors.length) throw document.errors[0];
    const result = SynonymsSchema.safeParse(document.toJS() ?? {});
    if (!result.success) {
      return { synonyms: [], entries: [], diagnostics: result.error.issues.map((i) => ({ file: rel, line: 1, severity: "error" as const, message: `"${i.path.join(".")}": ${i.message}; write "word: [alias, …]"` })) };
    }
    const lineOf = (node: unknown) => ((node as { range?: [number] })?.range ? lineCounter.linePos((node as { range: [number] }).range[0]).line : 1);
    const entries: SynonymEntry[] = [];
    for (const [canonical, aliases] of Object.entries(result.data)) {
      const list = document.get(canonical, true) as { items?: unknown[] } | undefined;
      aliases.forEach((alias, i) => entries.push({ alias: plainNormalizer.text(alias), canonical: plainNormalizer.text(canonical), file: rel, line: lineOf(list?.items?.[i] ?? list) }));
    }
    return { synonyms: entries.map((e) => [e.alias, e.canonical]), entries, diagnostics: [] };
  } catch (error) {
    return { synonyms: [], entries: [], diagnostics: [{ file: rel, line: 1, severity: "error", message: `not valid YAML: ${(error as Error).message.split("\n")[0]}` }] };
  }
}

/** `anchors.lock` of the content folder (see anchors-lock.ts); `ANCHORS_LOCK` may point elsewhere. */
export function lockPath(dir: string = contentDir()): string {
  return process.env.ANCHORS_LOCK ? path.resolve(process.env.ANCHORS_LOCK) : path.join(dir, "anchors.lock");
}

export function checkAnchorsLock(site: Site, dir: string = contentDir()): Diagnostic[] {
  const file = lockPath(dir);
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, "utf8");
  return checkLock(site, parseLock(text), path.relative(dir, file) || file, lockLines(text));
}

/** Records what this build published. A read-only content folder (a shared corpus) is left alone. */
export function writeAnchorsLock(site: Site, dir: string = contentDir()): string | null {
  // By its mode bits, not by trying: root may write anywhere, and a shared corpus must stay as it is.
  if ((fs.statSync(dir).mode & 0o222) === 0) return null;
  const file = lockPath(dir);
  const before = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const after = updatedLock(site, parseLock(before));
  if (after === before) return null;
  try {
    fs.writeFileSync(file, after);
    return file;
  } catch {
    return null;
  }
}
