import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSite, loadSynonyms } from "@/content/load";
import { tempTrees } from "./temp-tree";

const FIXTURE = path.resolve("tests/fixtures/content-basic");
const tree = tempTrees("faq-content-");

describe("loadSite", () => {
  it("orders categories and pages by `order`, then by slug, and skips _ files", () => {
    const { site, diagnostics } = loadSite(FIXTURE);
    expect(diagnostics).toEqual([]);
    expect(site.categories.map((c) => [c.slug, c.title, c.pages.map((p) => p.slug)])).toEqual([
      ["billing", "费用与账单", ["invoice", "refund"]],
      ["guides", "使用指南", ["start"]],
    ]);
    expect(site.categories[0].pages[1]).toMatchObject({ title: "退款说明", url: "/billing/refund/" });
  });

  it("treats Markdown files directly in the folder as one category named after it", () => {
    const dir = tree({ "001.md": "### 问？\n\n答。" });
    const { site } = loadSite(dir);
    expect(site.categories).toHaveLength(1);
    expect(site.categories[0].pages[0].url).toMatch(/^\/faq-content-[a-z0-9-]+\/001\/$/);
  });

  it("reports file names that cannot be URLs, and pages that share one", () => {
    const dir = tree({ "a/实名.md": "### 问？\n\n答。", "a/one.md": "---\nslug: two\n---\n### 问？\n\n答。", "a/two.md": "### 问？\n\n答。" });
    const messages = loadSite(dir).diagnostics.map((d) => `${d.file}: ${d.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^a\/实名\.md: .*rename the file or set "slug:"/),
      expect.stringMatching(/^a\/two\.md: page URL \/a\/two\/ is also used by a\/one\.md/),
    ]);
  });

  it("reports invalid _category.yml", () => {
    const dir = tree({ "a/_category.yml": "order: high\n", "a/p.md": "### 问？\n\n答。" });
    expect(loadSite(dir).diagnostics[0]).toMatchObject({ file: "a/_category.yml", severity: "error" });
  });

  it("says so when the content folder is missing", () => {
    expect(loadSite("/nonexistent/content").diagnostics[0].message).toContain("CONTENT_DIR");
  });
});

describe("loadSynonyms", () => {
  it("turns `word: [aliases]` into normalized [alias, word] pairs", () => {
    const dir = tree({ "_search/synonyms.yml": "人脸识别: [刷脸, Face ID]\n账号: [帐户]\n" });
    const loaded = loadSynonyms(dir);
    expect(loaded.synonyms).toEqual([["刷脸", "人脸识别"], ["face id", "人脸识别"], ["账户", "账号"]]);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.entries.map((e) => e.line)).toEqual([1, 1, 2]); // for the checks' messages
  });

  it("reports a malformed list", () => {
    const dir = tree({ "_search/synonyms.yml": "人脸识别: 刷脸\n" });
    expect(loadSynonyms(dir).diagnostics[0].severity).toBe("error");
  });
});
