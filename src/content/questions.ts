import type { Element, ElementContent, Root, RootContent } from "hast";
import { toHtml } from "hast-util-to-html";
import { toText } from "hast-util-to-text";
import { visit } from "unist-util-visit";
import type { Diagnostic } from "./errors";
import { createSlugger } from "./slug";
import type { Entry, Section } from "./types";

type Structured = { title: string | null; introHtml: string; sections: Section[]; diagnostics: Diagnostic[] };
/** `lineOf` turns a line of the parsed text into a line of the source file. */
type Where = { file: string; lineOf: (line: number) => number };

const HEADING = /^h([1-6])$/;
const level = (node: RootContent | ElementContent): number =>
  node.type === "element" ? Number(HEADING.exec(node.tagName)?.[1] ?? 0) : 0;
const textOf = (node: Element) => toText(node).replace(/\s+/g, " ").trim();

/**
 * Cuts a page's HTML tree into questions. The question level is detected per page: most pages
 * ask with `###`, some with `##`, and some put `##` group headings above `###` questions.
 * Questions render as `h2` (or `h3` under a group), so no heading level is skipped below the `h1`.
 */
export function structurePage(tree: Root, where: Where): Structured {
  const diagnostics: Diagnostic[] = [];
  const lineOf = (node: { position?: { start: { line: number } } }) => where.lineOf(node.position?.start.line ?? 1);
  const nodes = [...tree.children];
  const first = nodes.find((n) => level(n) > 0) as Element | undefined;
  const title = first && level(first) === 1 ? textOf(first) : null;
  if (title !== null) nodes.splice(nodes.indexOf(first!), 1);

  assignIds(tree, lineOf, (message, node) => diagnostics.push({ file: where.file, line: lineOf(node), severity: "error", message, legacy: true }));
  const qLevel = questionLevel(nodes.filter((n): n is Element => level(n) > 1));

  const intro: RootContent[] = [];
  const sections: Section[] = [];
  let section: Section | null = null;
  let entry: { heading: Element; body: RootContent[] } | null = null;
  const closeEntry = () => {
    if (!entry || !section) return;
    const { heading, body } = entry;
    entry = null;
    // `### 应用相关` straight above `### 问题？` headings (page 097's numbered questions): a title
    // without an answer that asks nothing is a group heading written one level too deep.
    if (body.every((n) => n.type === "text" && !n.value.trim()) && !/[?？]\s*$/.test(textOf(heading))) {
      sections.push((section = { id: String(heading.properties.id), title: textOf(heading), introHtml: "", entries: [] }));
      return;
    }
    const e = toEntry(heading, body, section.title ? 3 : 2, qLevel, lineOf(heading));
    if (e.text === "") diagnostics.push({ file: where.file, line: e.line, severity: "warning", message: `question "${e.question}" has no answer: write one below the heading` });
    section.entries.push(e);
  };
  for (const node of nodes) {
    const l = level(node);
    if (l > 1 && l < qLevel) {
      closeEntry();
      const h = node as Element;
      section = { id: String(h.properties.id), title: textOf(h), introHtml: "", entries: [] };
      sections.push(section);
    } else if (l === qLevel) {
      closeEntry();
      if (!section) sections.push((section = { id: null, title: null, introHtml: "", entries: [] }));
      entry = { heading: node as Element, body: [] };
    } else if (entry) entry.body.push(node);
    else if (section) section.introHtml += toHtml(node);
    else intro.push(node);
  }
  closeEntry();
  return { title, introHtml: serialize(intro), sections: sections.filter((s) => s.entries.length > 0 || s.introHtml.trim()), diagnostics };
}

/** Links (with source lines) and element ids of a page, for the link check. */
export function linksAndIds(tree: Root, lineOf: (line: number) => number): { links: { href: string; line: number }[]; ids: string[] } {
  const links: { href: string; line: number }[] = [];
  const ids: string[] = [];
  visit(tree, "element", (node) => {
    if (typeof node.properties.id === "string") ids.push(node.properties.id);
    if (node.tagName === "a" && typeof node.properties.href === "string") links.push({ href: node.properties.href, line: lineOf(node.position?.start.line ?? 1) });
  });
  return { links, ids };
}

/** The level most headings ending in a question mark use; without any, the shallowest repeated one. */
export function questionLevel(headings: Element[]): number {
  const counts = new Map<number, { all: number; asks: number }>();
  for (const h of headings) {
    const c = counts.get(level(h)) ?? { all: 0, asks: 0 };
    c.all++;
    if (/[?？]\s*$/.test(textOf(h))) c.asks++;
    counts.set(level(h), c);
  }
  const levels = [...counts.keys()].sort((a, b) => a - b);
  if (levels.length === 0) return 2;
  const byAsks = levels.reduce((best, l) => (counts.get(l)!.asks > counts.get(best)!.asks ? l : best));
  if (counts.get(byAsks)!.asks > 0) return byAsks;
  return levels.find((l) => counts.get(l)!.all >= 2) ?? levels[0];
}

/** Explicit ids stay as written (a repeat is an error); every other heading gets a slug of its text. */
function assignIds(tree: Root, lineOf: (node: Element) => number, error: (message: string, node: Element) => void): void {
  const explicit = new Map<string, Element>();
  visit(tree, "element", (node) => {
    const id = node.properties.id;
    if (typeof id !== "string") return;
    const seen = explicit.get(id);
    if (!seen) explicit.set(id, node);
    else {
      // The first keeps the id; the later element loses it (a heading then gets a slug of its own).
      error(`anchor id "${id}" is used twice on this page (first at line ${lineOf(seen)}): give each question its own id (the first keeps it)`, node);
      delete node.properties.id;
    }
  });
  const slugger = createSlugger(explicit.keys());
  visit(tree, "element", (node) => {
    if (level(node) > 0 && typeof node.properties.id !== "string") node.properties.id = slugger.slug(textOf(node));
  });
}

function toEntry(heading: Element, body: RootContent[], rendered: number, qLevel: number, line: number): Entry {
  shiftHeadings(body, rendered, qLevel);
  return {
    id: String(heading.properties.id),
    question: textOf(heading),
    html: serialize(body),
    text: toText({ type: "root", children: body }).replace(/\s+/g, " ").trim(),
    line,
  };
}

/** Headings inside an answer sit one level below the question, without gaps. */
function shiftHeadings(body: RootContent[], rendered: number, qLevel: number): void {
  let previous = rendered;
  // Headings anywhere in the answer, also inside tabs and callouts, in reading order.
  const shift = (node: Element) => {
    const target = Math.min(6, rendered + Math.max(1, level(node) - qLevel), previous + 1);
    node.tagName = `h${target}`;
    previous = target;
  };
  for (const node of body) {
    if (node.type !== "element") continue;
    visit(node, "element", (el: Element) => {
      if (level(el)) shift(el);
    });
  }
}

function serialize(nodes: RootContent[]): string {
  return toHtml({ type: "root", children: nodes }).trim();
}
