import { describe, expect, it } from "vitest";
import { tempTrees } from "./temp-tree";
import { loadSite } from "@/content/load";
import { pageEntries } from "@/content/types";

const tree = tempTrees("faq-links-");

const AUTH = "---\ndocId: 378/34075\n---\n### 如何变更实名信息？[](id:change)\n\n在控制台变更。\n";
const messages = (dir: string) => loadSite(dir).diagnostics.map((d) => `${d.file}:${d.line}: ${d.severity}: ${d.message}`);

describe("links between pages", () => {
  it("turns documentation links to a page of this site into local links, in every URL form", () => {
    const dir = tree({
      "a/auth.md": AUTH,
      "a/faq.md": "### 问？\n\n见 [变更](https://cloud.tencent.com/document/product/378/34075#change)、[旧链接](https://www.qcloud.com/doc/product/378/34075) 和 [其他](https://cloud.tencent.com/document/product/213/5436)。",
    });
    const page = loadSite(dir).site.categories[0].pages.find((p) => p.slug === "faq")!;
    const html = pageEntries(page)[0].html;
    expect(html).toContain('<a href="/a/auth/#change">变更</a>');
    expect(html).toContain('<a href="/a/auth/">旧链接</a>');
    expect(html).toContain('<a href="https://cloud.tencent.com/document/product/213/5436" rel="noopener noreferrer" target="_blank">其他</a>');
  });

  it("sends the documentation site's relative links to that site", () => {
    const dir = tree({ "a/faq.md": "### 问？\n\n参见 [签名](/doc/product/275/签名与鉴权文档)。" });
    const { site, diagnostics } = loadSite(dir);
    expect(pageEntries(site.categories[0].pages[0])[0].html).toContain('href="https://cloud.tencent.com/doc/product/275/%E7%AD%BE%E5%90%8D%E4%B8%8E%E9%89%B4%E6%9D%83%E6%96%87%E6%A1%A3"');
    expect(diagnostics).toEqual([]);
  });

  it("reports links to missing pages (always) and anchors (as warnings unless strict)", () => {
    const files = { "a/auth.md": AUTH, "a/faq.md": "### 问？\n\n[一](/a/nope/) [二](/a/auth/#gone) [三](#step9) [四](/a/auth/#change) [五](#.E5.A6.82)" };
    expect(messages(tree(files))).toEqual([
      "a/faq.md:3: error: link to /a/nope/: no page has this URL; fix the link",
      expect.stringMatching(/^a\/faq\.md:3: warning: link to \/a\/auth\/#gone: \/a\/auth\/ has no anchor "gone".*strict: true\)$/),
      expect.stringMatching(/^a\/faq\.md:3: warning: link to #step9: \/a\/faq\/ has no anchor "step9"/),
    ]);
    expect(messages(tree({ ...files, "_site.yml": "strict: true\n" })).filter((m) => m.includes(": error:"))).toHaveLength(3);
  });

  it("turns links to a page's Markdown file into its URL, and reports those to a file no page is", () => {
    const dir = tree({
      "a/auth.md": AUTH,
      "b/faq.md": "### 问？\n\n见 [变更](../a/auth.md#change)、[根](/a/auth.md) 和 [旁边](other.md)。",
    });
    const { site, diagnostics } = loadSite(dir);
    const html = pageEntries(site.categories.find((c) => c.slug === "b")!.pages[0])[0].html;
    expect(html).toContain('<a href="/a/auth/#change">变更</a>');
    expect(html).toContain('<a href="/a/auth/">根</a>');
    expect(diagnostics.map((d) => `${d.file}:${d.line}: ${d.severity}: ${d.message}`)).toEqual([
      "b/faq.md:3: error: link to other.md: no page of this site is the file b/other.md; link to an existing page's .md file or to its URL",
    ]);
  });

  it("makes repeated ids errors only on a strict site, the first id winning either way", () => {
    const files = { "a/p.md": "### 一？[](id:r6)\n\n答。\n\n### 二？[](id:r6)\n\n答。" };
    expect(messages(tree(files))).toEqual([expect.stringMatching(/^a\/p\.md:5: warning: anchor id "r6" is used twice/)]);
    expect(messages(tree({ ...files, "_site.yml": "strict: true\n" }))).toEqual([expect.stringMatching(/^a\/p\.md:5: error: anchor id "r6"/)]);
    expect(pageEntries(loadSite(tree(files)).site.categories[0].pages[0]).map((e) => e.id)).toEqual(["r6", "二"]);
  });

  it("warns about unknown dx- components", () => {
    expect(messages(tree({ "a/p.md": "### 问？\n\n看视频：\n\n<dx-video src=x></dx-video>\n" }))).toEqual([expect.stringMatching(/^a\/p\.md:5: warning: unknown component <dx-video>/)]);
  });
});
