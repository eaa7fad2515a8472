import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { finishSite } from "../../scripts/lib/finish-site";
import { stripRuntime } from "../../scripts/lib/strip-runtime";

// The markup Next 16.4.6 writes into an exported page (shortened), around ours.
const PAGE = [
  '<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/0qc2yh65nrpdq.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/2l7lh_bdnpfyw.js"/>',
  '<script src="/_next/static/chunks/1uit7_s1bksv6.js" async=""></script>',
  '<script>document.documentElement.setAttribute("data-js","")</script>',
  '<script src="/assets/app-ILUSHHRZ.js" defer=""></script>',
  '<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule=""></script></head>',
  '<body><main><h1>实名认证</h1><script type="application/ld+json">{"@type":"FAQPage"}</script></main>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]});</script>',
  "<script>(self.__next_f=self.__next_f||[]).push([0])</script>",
  '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])</script></body></html>',
].join("");

describe("stripping Next's client runtime", () => {
  it("removes the runtime's scripts, preloads and RSC data, and keeps the page, its CSS and our scripts", () => {
    const html = stripRuntime(PAGE);
    expect(html).not.toMatch(/_next\/static\/[^"]+\.js|__next_f|TURBOPACK/);
    for (const kept of ['href="/_next/static/chunks/0qc2yh65nrpdq.css"', 'src="/assets/app-ILUSHHRZ.js"', 'setAttribute("data-js","")', '{"@type":"FAQPage"}', "<h1>实名认证</h1>"]) {
      expect(html).toContain(kept);
    }
  });

  it("fails, naming the file, when Next's markup has changed and part of the runtime would stay", () => {
    expect(() => stripRuntime('<script type="module" src="/_next/static/chunks/new.js"></script>', "pages/a.html")).toThrow(/pages\/a\.html: .*_next\/static\/chunks\/new\.js/);
  });

  it("finishing out/ strips every page, adds its policy, and deletes the RSC payloads and runtime scripts only", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "strip-"));
    const files = ["index.html", "index.txt", "robots.txt", "a/index.html", "a/index.txt", "a/__next._full.txt", "_next/static/chunks/x.js", "_next/static/chunks/x.css", "assets/app-1.js"];
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(out, f)), { recursive: true });
      fs.writeFileSync(path.join(out, f), f.endsWith(".html") ? PAGE : "x");
    }
    expect(await finishSite(out, "https://help.example.com")).toEqual({ pages: 2, removed: 4 });
    const page = fs.readFileSync(path.join(out, "a/index.html"), "utf8");
    expect(page).not.toContain("__next_f");
    expect(page).toMatch(/<meta charSet="utf-8"\/><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-/);
    const left = (fs.readdirSync(out, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(out, f)).isFile()).sort();
    expect(left).toEqual(["_next/static/chunks/x.css", "a/index.html", "assets/app-1.js", "index.html", "robots.txt"]);
  });

  it("without SITE_URL, leaves out sitemap.xml and robots.txt and says to set it before deploying", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "strip-"));
    for (const f of ["index.html", "robots.txt", "sitemap.xml", "a/index.html"]) {
      fs.mkdirSync(path.dirname(path.join(out, f)), { recursive: true });
      fs.writeFileSync(path.join(out, f), f.endsWith(".html") ? PAGE : "x");
    }
    const warnings: string[] = [];
    await finishSite(out, null, (line) => warnings.push(line));
    expect((fs.readdirSync(out, { recursive: true }) as string[]).sort()).toEqual(["a", "a/index.html", "index.html"]);
    expect(warnings).toEqual([expect.stringContaining("set SITE_URL=https://… before deploying")]);
    await finishSite(out, "https://help.example.com", (line) => warnings.push(line));
    expect(warnings).toHaveLength(1);
  });
});
