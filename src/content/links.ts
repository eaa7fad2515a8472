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

/**
 * Rewrites documentation links to pages of this site into local links (same tab, no rel), and the
 * documentation site's own relative links into absolute external ones.
 */
export function resolveDocLinks(site: Site): void {
  const byDocId = new Map(site.categories.flatMap((c) => c.pages).filter((p) => p.docId).map((p) => [p.docId!, p.url]));
  const resolve = (href: string): { href: string; local: boolean } | null => {
    const target = docLinkTarget(href);
    const url = target && byDocId.get(target.docId);
    if (url) return { href: `${url}${target.hash}`, local: true };
    return DOC_SITE_RELATIVE.test(href) ? { href: DOC_SITE + encodeURI(safeDecode(href)), local: false } : null;
  };
  const rewrite = (html: string) =>
    html.replace(/<a href="([^"]*)"([^>]*)>/g, (tag, href: string, rest: string) => {
      const to = resolve(decodeEntities(href));
      if (!to) return tag;
      const attributes = rest.replace(/ (target|rel)="[^"]*"/g, "");
      return `<a href="${to.href.replace(/"/g, "%22")}"${attributes}${to.local ? "" : ' target="_blank" rel="noopener noreferrer"'}>`;
    });
  for (const page of site.categories.flatMap((c) => c.pages)) {
    page.introHtml = rewrite(page.introHtml);
    for (const section of page.sections) {
      section.introHtml = rewrite(section.introHtml);
      for (const entry of section.entries) entry.html = rewrite(entry.html);
    }
    page.links = page.links.map((l) => ({ ...l, href: resolve(l.href)?.href ?? l.href }));
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
