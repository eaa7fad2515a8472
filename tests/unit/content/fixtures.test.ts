import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "@/content/errors";
import { parsePage } from "@/content/parse";

/**
 * One page per dialect construct (tests/fixtures/dialect/NAME.md, our own text) and the page it must
 * become (NAME.html): diagnostics as comments, the title, each group as a <section> and each question
 * as an <article> (with its id and question text), holding its answer HTML.
 * After an intended change: UPDATE_FIXTURES=1 npx vitest run tests/unit/content/fixtures.test.ts,
 * then read the diff of every .html file before committing it.
 */
const DIR = path.resolve("tests/fixtures/dialect");
const UPDATE = process.env.UPDATE_FIXTURES === "1";

function render(name: string, raw: string): string {
  const { page, diagnostics } = parsePage(raw, { path: `${name}.md`, category: "fixtures", fileSlug: name });
  const lines = diagnostics.map((d) => `<!-- ${formatDiagnostic(d)} -->`);
  lines.push(`<h1>${page.title}</h1>`);
  if (page.introHtml) lines.push(page.introHtml);
  for (const section of page.sections) {
    if (section.title !== null) lines.push(`<section id="${section.id}" title="${section.title}">`);
    if (section.introHtml.trim()) lines.push(section.introHtml.trim());
    for (const entry of section.entries) lines.push(`<article id="${entry.id}" title="${entry.question}">`, entry.html, "</article>");
    if (section.title !== null) lines.push("</section>");
  }
  return lines.join("\n") + "\n";
}

describe("dialect fixtures", () => {
  const names = fs.readdirSync(DIR).filter((f) => f.endsWith(".md")).map((f) => f.slice(0, -3)).sort();

  it("has a fixture per construct", () => {
    expect(names).toEqual(expect.arrayContaining(["anchors", "callouts", "dx-accordion", "dx-alert", "dx-codeblock", "dx-tabs", "code", "entities", "groups", "headings", "images", "links", "one-level", "sanitize", "tables"]));
  });

  for (const name of names) {
    it(`${name}.md renders as ${name}.html`, () => {
      const actual = render(name, fs.readFileSync(path.join(DIR, `${name}.md`), "utf8"));
      const expectedFile = path.join(DIR, `${name}.html`);
      if (UPDATE) fs.writeFileSync(expectedFile, actual);
      expect(actual).toBe(fs.readFileSync(expectedFile, "utf8"));
    });
  }
});
