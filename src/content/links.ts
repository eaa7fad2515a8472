import { posix } from "node:path";
import { safeDecode } from "../lib/url";
import type { Diagnostic } from "./errors";
import { pageEntries, type Page, type Site } from "./types";

/**
 * Links between pages. The documentation the pages come from links by document id, in several URL
 * forms; a page of this site that declares that id (`docId: 378/34075`) takes those links over.
 */
const DOC_LINK = /^(?:https?:)?\/\/(?:cloud\.tencent\.com\/doc(?:ument)?|www\.qcloud\.com\/doc)\/(?:product|api)\/(\d+)\/(\d+)\/?(#.*)?$/;
const SITE_DOC_LINK = /^\/doc(?:ument)?\/product\/(\d+)\/(\d+)\/?(#.*)?$/;
/** Site-relative links of the documentation site (`/doc/product/275/签名与鉴权文档`): they meant that site. */
const DOC_SITE_RELATIVE = /^\/doc(?:ument)?\//;
const DOC_SITE = "https://cloud.tencent.com";

/** `378/34075` and the `#fragment`, if this href points at a documentation page. */
export function docLinkTarget(href: string): { docId: string; hash: string } | null {
  const m = DOC_LINK.exec(href) ?? SITE_DOC_LINK.exec(href);
  return m ? { docId: `${m[1]}/${m[2]}`, hash: m[3] ?? "" } : null;
}

/** A link to a page's Markdown file (`../account/real-name-auth.md#faceiderr`), as editors and git hosts link. */
const MARKDOWN_LINK = /^(?![a-z][a-z0-9+.-]*:|\/\/)([^?#]*\.md)(#.*)?$/i;

/** The content file (relative to the content folder) and `#fragment` a Markdown link from `fromFile` points at. */
export function markdownLinkTarget(href: string, fromFile: string): { file: string; hash: string } | null {
  const m = MARKDOWN_LINK.exec(href);
  if (!m) return null;
  const path = safeDecode(m[1]);
  const file = path.startsWith("/") ? posix.normalize(path.slice(1)) : posix.join(posix.dirname(fromFile), path);
  return { file, hash: m[2] ?? "" };
}

/**
 * Rewrites links to pages of this site written another way into their URLs (same tab, no rel): the
 * documentation's links by document id, and links to a page's Markdown file. The documentation
 * site's own relative links become absolute external ones.
 */
export function resolveDocLinks(site: Site): void {
  const pages = site.categories.flatMap((c) => c.pages);
  const byDocId = new Map(pages.filter((p) => p.docId).map((p) => [p.docId!, p.url]));
  const byFile = new Map(pages.map((p) => [p.sourcePath, p.url]));
  const resolve = (href: string, from: Page): { href: string; local: boolean } | null => {
    const target = docLinkTarget(href);
    const url = target && byDocId.get(target.docId);
    if (url) return { href: `${url}${target.hash}`, local: true };
    const file = markdownLinkTarget(href, from.sourcePath);
    const fileUrl = file && byFile.get(file.file);
    if (fileUrl) return { href: `${fileUrl}${file.hash}`, local: true };
    return DOC_SITE_RELATIVE.test(href) ? { href: DOC_SITE + encodeURI(safeDecode(href)), local: false } : null;
  };
  const rewrite = (html: string, from: Page) =>
    html.replace(/<a href="([^"]*)"([^>]*)>/g, (tag, href: string, rest: string) => {
      const to = resolve(decodeEntities(href), from);
      if (!to) return tag;
      const attributes = rest.replace(/ (target|rel)="[^"]*"/g, "");
      return `<a href="${to.href.replace(/"/g, "%22")}"${attributes}${to.local ? "" : ' target="_blank" rel="noopener noreferrer"'}>`;
    });
  for (const page of pages) {
    page.introHtml = rewrite(page.introHtml, page);
    for (const section of page.sections) {
      section.introHtml = rewrite(section.introHtml, page);
      for (const entry of section.entries) entry.html = rewrite(entry.html, page);
    }
    page.links = page.links.map((l) => ({ ...l, href: resolve(l.href, page)?.href ?? l.href }));
  }
}

/** Links to pages or anchors of this site that do not exist. */
export function checkLinks(site: Site): Diagnostic[] {
  const pages = new Map(site.categories.flatMap((c) => c.pages).map((p) => [p.url, p]));
  const categories = new Set(site.categories.map((c) => c.url));
  const diagnostics: Diagnostic[] = [];
  for (const page of pages.values()) {
    for (const link of page.links) {
      const problem = linkProblem(link.href, page, pages, categories);
      if (problem) diagnostics.push({ file: page.sourcePath, line: link.line, severity: "error", message: problem.message, legacy: problem.legacy });
    }
  }
  return diagnostics;
}

function linkProblem(href: string, from: Page, pages: Map<string, Page>, categories: Set<string>): { message: string; legacy: boolean } | null {
  // Still a Markdown link here: no page is that file (those that are became URLs).
  const file = markdownLinkTarget(href, from.sourcePath);
  if (file) return { message: `link to ${href}: no page of this site is the file ${file.file}; link to an existing page's .md file or to its URL`, legacy: false };
  if (!href.startsWith("/") && !href.startsWith("#")) return null; // external, mailto:, …
  if (href.startsWith("//")) return null;
  const [path, hash = ""] = href.split("#");
  const target = path ? pages.get(path.endsWith("/") ? path : `${path}/`) : from;
  if (!target) {
    if (path === "/" || categories.has(path.endsWith("/") ? path : `${path}/`)) return null;
    return { message: `link to ${href}: no page has this URL; fix the link`, legacy: false };
  }
  const id = safeDecode(hash);
  if (!id || id.startsWith(".")) return null; // no anchor, or an old dot-encoded heading fragment (resolved in the browser)
  if (anchorsOf(target).has(id)) return null;
  return { message: `link to ${href}: ${target.url} has no anchor "${id}"; use one of its question ids or add [](id:${id})`, legacy: true };
}

function anchorsOf(page: Page): Set<string> {
  return new Set([...page.ids, ...pageEntries(page).map((e) => e.id), ...Object.values(page.aliases).flat()]);
}

function decodeEntities(text: string): string {
  return text.replace(/&#x26;|&amp;/g, "&");
}
