// `npm run corpus:report -- DIR`: parses every page of a content folder (e.g. the real-page corpus)
// and reports dialect markup that would reach readers and explicit anchors missing from the output.
// Not part of `npm test`, which must not need files outside the repository.
import fs from "node:fs";
import path from "node:path";
import { applyStrictness, formatDiagnostic } from "../src/content/errors";
import { parsePage } from "../src/content/parse";
import type { Page } from "../src/content/types";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: npm run corpus:report -- DIR");
  process.exit(2);
}
const LEAKS: [string, RegExp][] = [
  ["[](id:", /\[\]\(id:/],
  [">?", /(^|\n)\s*>\s?\?/],
  [">!", /(^|\n)\s*>\s?!/],
  ["<dx-", /<\/?dx-/],
  [":::", /:::/],
  ["**", /\*\*/],
];
const ANCHOR = /\[[^\]]*\]\(id:([^)\s"]*)|<span\s+id\s*=\s*["']([^"']*)["']/g;

let leakPages = 0;
let anchors = 0;
let present = 0;
let warnings = 0;
for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".md")).sort()) {
  const raw = fs.readFileSync(path.join(dir, name), "utf8");
  const { page, diagnostics } = parsePage(raw, { path: name, category: "corpus", fileSlug: name.replace(/\.md$/, "") });
  warnings += diagnostics.length;
  // As the build sees a tree without `strict: true` (the corpus has no _site.yml).
  for (const d of applyStrictness(diagnostics, false)) console.log(formatDiagnostic(d));
  const html = pageHtml(page);
  const text = visibleText(html);
  const leaks = LEAKS.filter(([, re]) => re.test(text)).map(([label]) => label);
  if (leaks.length) {
    leakPages++;
    console.log(`${name}: visible markup ${leaks.join(" ")}`);
  }
  const ids = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decodeEntities(m[1])));
  for (const m of withoutCode(raw).matchAll(ANCHOR)) {
    const id = (m[1] ?? m[2] ?? "").trim();
    if (!id) continue;
    anchors++;
    if (ids.has(id)) present++;
    else console.log(`${name}: anchor "${id}" missing from the page`);
  }
}
console.log(`\n${leakPages} pages with visible dialect markup; explicit anchors present ${present}/${anchors}; ${warnings} diagnostics`);

function pageHtml(page: Page): string {
  return [page.introHtml, ...page.sections.flatMap((s) => [s.id ? `<h2 id="${s.id}">${s.title}</h2>` : "", s.introHtml, ...s.entries.map((e) => `<h2 id="${e.id}">${e.question}</h2>${e.html}`)])].join("\n");
}
/** Text a reader sees: tags dropped, entities decoded, code blocks left out (markup there is literal). */
function visibleText(html: string): string {
  return decodeEntities(html.replace(/<pre[\s\S]*?<\/pre>/g, "").replace(/<code[\s\S]*?<\/code>/g, "").replace(/<[^>]+>/g, ""));
}
function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
}
function withoutCode(md: string): string {
  return md.replace(/```[\s\S]*?```/g, "");
}
