import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSite } from "../../src/content/load";
import { loadSiteInParallel } from "../../scripts/lib/load-parallel";
import { pageKey } from "../../scripts/lib/parse-cache";
import { tempTrees } from "./content/temp-tree";

const tree = tempTrees("faq-parse-cache-");
const page = (n: number) => `---\ntitle: 第 ${n} 页\n---\n\n### 问题 ${n}？[](id:q${n})\n答案 ${n}，见 [问题 1](/acct/p1/#q1)。\n`;
const site = (pages: number) => tree(Object.fromEntries(Array.from({ length: pages }, (_, i) => [`acct/p${i + 1}.md`, page(i + 1)])));
const cacheIn = (dir: string) => path.join(dir, "..", `${path.basename(dir)}-parse-cache.json`);

describe("parse cache", () => {
  it("reuses every unchanged page on the next run, with the same site and messages", async () => {
    const dir = site(3);
    fs.appendFileSync(path.join(dir, "acct/p2.md"), "\n### 没有回答？\n");
    const cache = cacheIn(dir);
    const first = await loadSiteInParallel(dir, cache);
    const second = await loadSiteInParallel(dir, cache);
    expect(first.stats).toEqual({ parsed: 3, reused: 0 });
    expect(second.stats).toEqual({ parsed: 0, reused: 3 });
    expect(second.site).toEqual(first.site);
    expect(second.diagnostics).toEqual(first.diagnostics);
    expect(second.diagnostics.map((d) => d.message)).toContainEqual(expect.stringContaining("has no answer"));
    fs.rmSync(cache);
  });

  it("parses again exactly the pages that changed", async () => {
    const dir = site(3);
    const cache = cacheIn(dir);
    await loadSiteInParallel(dir, cache);
    fs.writeFileSync(path.join(dir, "acct/p3.md"), page(3).replace("答案 3", "新的答案"));
    const { site: loaded, stats } = await loadSiteInParallel(dir, cache);
    expect(stats).toEqual({ parsed: 1, reused: 2 });
    expect(loaded.categories[0].pages.find((p) => p.slug === "p3")!.sections[0].entries[0].html).toContain("新的答案");
    fs.rmSync(cache);
  });

  it("holds pages as parsed, before links between pages are resolved", async () => {
    const doc = "https://cloud.tencent.com/document/product/378/1";
    const dir = tree({ "acct/p1.md": "---\ndocId: 378/1\n---\n\n### 问题？\n答案。\n", "acct/p2.md": `### 另一个问题？\n见 [文档](${doc})。\n` });
    const cache = cacheIn(dir);
    const answer = (loaded: Awaited<ReturnType<typeof loadSiteInParallel>>) => loaded.site.categories[0].pages.find((p) => p.slug === "p2")!.sections[0].entries[0].html;
    expect(answer(await loadSiteInParallel(dir, cache))).toContain('href="/acct/p1/"');
    // p1 no longer stands for that document: p2 (from the cache) must link out again.
    fs.writeFileSync(path.join(dir, "acct/p1.md"), "### 问题？\n答案。\n");
    const second = await loadSiteInParallel(dir, cache);
    expect(second.stats).toEqual({ parsed: 1, reused: 1 });
    expect(answer(second)).toContain(`href="${doc}"`);
    fs.rmSync(cache);
  });

  it("ignores a cache file it cannot read", async () => {
    const dir = site(2);
    const cache = cacheIn(dir);
    fs.writeFileSync(cache, "{ not json");
    const { stats, site: loaded } = await loadSiteInParallel(dir, cache);
    expect(stats).toEqual({ parsed: 2, reused: 0 });
    expect(loaded).toEqual(loadSite(dir).site);
    fs.rmSync(cache);
  });

  it("keys a page by its text, its place in the tree and the parser", () => {
    const input = { raw: page(1), source: { path: "acct/p1.md", category: "acct", fileSlug: "p1" } };
    const key = pageKey("parser-a", input);
    expect(pageKey("parser-a", { ...input })).toBe(key);
    expect(pageKey("parser-b", input)).not.toBe(key);
    expect(pageKey("parser-a", { ...input, raw: `${page(1)} ` })).not.toBe(key);
    expect(pageKey("parser-a", { ...input, source: { ...input.source, category: "other" } })).not.toBe(key);
  });
});

describe("parallel loading", () => {
  it("parses a large tree on threads with the same result as one thread", async () => {
    const dir = site(320); // enough pages for two threads
    const threaded = await loadSiteInParallel(dir, null);
    expect(threaded.stats.parsed).toBe(320);
    const single = loadSite(dir);
    expect(threaded.site).toEqual(single.site);
    expect(threaded.diagnostics).toEqual(single.diagnostics);
  });
});
