import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePage } from "@/content/parse";
import { pageEntries } from "@/content/types";

const SEED = fs.readFileSync("content/account/real-name-auth.md", "utf8");
const source = { path: "account/x.md", category: "account", fileSlug: "x" };
const parse = (md: string) => parsePage(md, source);
const entries = (md: string) => pageEntries(parse(md).page);

describe("parsePage on the seed FAQ", () => {
  const { page, diagnostics } = parsePage(SEED, { path: "account/real-name-auth.md", category: "account", fileSlug: "real-name-auth" });
  const all = pageEntries(page);

  it("finds all 14 questions with no diagnostics", () => {
    expect(all).toHaveLength(14);
    expect(diagnostics).toEqual([]);
  });

  it("keeps the explicit anchor as the id and drops the marker from the question", () => {
    const face = all.find((e) => e.id === "faceiderr");
    expect(face?.question).toBe("使用人脸识别认证方式进行实名认证时，总是识别失败怎么办？");
    expect(face?.html).toContain("<ol>");
    expect(face?.text).toContain("脸部遮挡");
  });

  it("gives other questions GitHub-style Chinese slugs", () => {
    expect(all[0].id).toBe("如何解除账号的实名认证");
    expect(all[2].id).toBe("实名认证提交审核处理时长");
  });

  it("renders bold, lists and external links that open safely", () => {
    const duration = all[2].html;
    expect(duration).toContain("<strong>个人认证处理时长</strong>");
    const link = /<a ([^>]*)>在线客服<\/a>/.exec(duration)?.[1];
    expect(link).toContain('href="https://cloud.tencent.com/online-service"');
    expect(link).toContain('target="_blank"');
    expect(link).toContain('rel="noopener noreferrer"');
  });

  it("takes title, order, date and featured ids from front matter", () => {
    expect(page).toMatchObject({ title: "实名认证常见问题", order: 1, updated: "2026-11-28", url: "/account/real-name-auth/" });
    expect(page.featured).toContain("faceiderr");
  });
});

describe("explicit anchors", () => {
  it("reads [](id:x) at the end of a heading", () => {
    expect(entries("### 问题一？[](id:q1)\n\n答案。")[0]).toMatchObject({ id: "q1", question: "问题一？" });
  });

  it("reads [](id:x) on its own line before the heading, also across blank lines and indented", () => {
    const md = "[](id:q1)\n### 问题一？\n\n答案一。\n\n [](id:q2)\n\n\n### 问题二？\n\n答案二。";
    expect(entries(md).map((e) => e.id)).toEqual(["q1", "q2"]);
    expect(parse(md).page.sections[0].entries[0].html).not.toContain("id:");
  });

  it("reads [text](id:x) headings and <span id> lines before headings", () => {
    const md = "### [问题一？](id:Invade1)\n\n答。\n\n<span id=\"que2\"></span>\n### 问题二？\n\n答。";
    expect(entries(md).map((e) => [e.id, e.question])).toEqual([["Invade1", "问题一？"], ["que2", "问题二？"]]);
  });

  it("turns a mid-text anchor into an inline target, not a heading id", () => {
    const [entry] = entries("### 问题？\n\n1. [](id:Step2)执行以下命令。");
    expect(entry.id).toBe("问题");
    expect(entry.html).toContain('<span id="Step2"></span>执行以下命令。');
  });

  it("keeps ids exactly as written, never with a user-content- prefix", () => {
    expect(entries("### Q？[](id:4)\n\n答。")[0].id).toBe("4");
    expect(parse("### Q？[](id:faceiderr)\n\n答。").page.sections[0].entries[0].id).toBe("faceiderr");
  });

  it("reports a duplicate explicit id as an error naming the line", () => {
    const { diagnostics } = parse("### 一？[](id:a)\n\n答。\n\n### 二？[](id:a)\n\n答。");
    expect(diagnostics).toEqual([expect.objectContaining({ file: "account/x.md", line: 5, severity: "error", message: expect.stringContaining('"a"') })]);
  });

  it("never lets an automatic slug take an explicit id", () => {
    expect(entries("### a？\n\n答。\n\n### b？[](id:a)\n\n答。").map((e) => e.id)).toEqual(["a-1", "a"]);
  });

  it("numbers repeated question texts", () => {
    expect(entries("### 同一个？\n\n答。\n\n### 同一个？\n\n答。").map((e) => e.id)).toEqual(["同一个", "同一个-1"]);
  });
});

describe("question structure", () => {
  it("detects ## as the question level", () => {
    const { page } = parse("## 如何更换头像？\n\n答。\n\n## 如何改名？\n\n答。\n\n#### 细节\n\n说明。");
    expect(pageEntries(page).map((e) => e.question)).toEqual(["如何更换头像？", "如何改名？"]);
    expect(pageEntries(page)[1].html).toContain("<h3");
  });

  it("renders ## groups above ### questions as two levels", () => {
    const { page } = parse("## 一、视频问题\n\n### 黑屏？\n\n答。\n\n## 二、音频问题\n\n### 没声音？\n\n答。");
    expect(page.sections.map((s) => [s.title, s.entries.map((e) => e.question)])).toEqual([
      ["一、视频问题", ["黑屏？"]],
      ["二、音频问题", ["没声音？"]],
    ]);
  });

  it("warns about a question without an answer", () => {
    const { diagnostics } = parse("### 空的？\n\n### 有答案？\n\n答。");
    expect(diagnostics).toEqual([expect.objectContaining({ line: 1, severity: "warning" })]);
  });
});

describe("defaults and front matter", () => {
  it("takes the title from the first # heading, else the file name", () => {
    expect(parse("# 计费问题\n\n### 怎么付款？\n\n答。").page.title).toBe("计费问题");
    expect(parse("### 怎么付款？\n\n答。").page.title).toBe("x");
  });

  it("describes a page by its first questions when front matter has no description", () => {
    expect(parse("# 计费\n\n### 怎么付款？\n\n答。").page.description).toContain("怎么付款？");
  });

  it("reports a wrong front matter type with the line of the key", () => {
    const { diagnostics } = parse("---\ntitle: 标题\norder: first\n---\n\n### 问？\n\n答。");
    expect(diagnostics).toEqual([expect.objectContaining({ line: 3, severity: "error", message: expect.stringContaining("order") })]);
  });

  it("reports unknown front matter keys and broken YAML", () => {
    expect(parse("---\ntitel: x\n---\n### 问？\n\n答。").diagnostics[0].message).toContain("titel");
    expect(parse("---\ntitle: [oops\n---\n### 问？\n\n答。").diagnostics[0].message).toContain("not valid YAML");
    // Found by the property test: an unterminated front matter ending in a key with no value.
    expect(parse("---\ntitle: x\n&lt;").diagnostics[0]).toMatchObject({ line: 3, severity: "error" });
  });

  it("parses pages whose whole text is an Object property name", () => {
    for (const text of ["valueOf", "toString", "constructor", "__proto__"]) expect(parse(text).page.title).toBe("x");
  });

  it("counts source lines from the top of the file, front matter included", () => {
    const { page } = parse("---\ntitle: t\n---\n\n### 问？\n\n答。");
    expect(pageEntries(page)[0].line).toBe(5);
  });

  it("reports featured ids that are not on the page", () => {
    expect(parse("---\nfeatured: [nope]\n---\n### 问？\n\n答。").diagnostics[0].message).toContain("nope");
  });
});

describe("front matter errors say what to fix, at the line of the mistake", () => {
  const only = (md: string) => {
    const { diagnostics } = parse(md);
    expect(diagnostics).toHaveLength(1);
    return diagnostics[0];
  };
  const PAGE = "### 多久能开出发票？[](id:invoicetime)\n\n答。\n\n### 抬头能改吗？[](id:title-change)\n\n答。";

  it("an unclosed [ or { or quote: the line it was opened on, and what closes it", () => {
    expect(only(`---\ntitle: 发票\norder: 1\nupdated: 2026-11-28\nslug: invoice\nfeatured: [invoicetime\nkeywords:\n  invoicetime: [开票]\n---\n${PAGE}`)).toMatchObject({ line: 6, severity: "error", message: expect.stringContaining("close the `[` opened on line 6 with `]`") });
    expect(only(`---\nkeywords: {invoicetime: [开票]\norder: 1\n---\n${PAGE}`)).toMatchObject({ line: 2, message: expect.stringContaining("close the `{` opened on line 2 with `}`") });
    expect(only(`---\ntitle: "发票\norder: 1\n---\n${PAGE}`)).toMatchObject({ line: 2, message: expect.stringContaining('close the `"` opened on line 2') });
  });

  it("a value with \": \" in it: its own line, and the quoted form to write", () => {
    expect(only(`---\ntitle: 发票常见问题: 开票\norder: 1\n---\n${PAGE}`)).toMatchObject({ line: 2, message: expect.stringContaining('quote values that contain `: `, as in title: "发票常见问题: 开票"') });
  });

  it("a value that YAML reads as an alias: its own line and the advice to quote, not a crash", () => {
    // Found by the property test: `**` parses cleanly as an alias whose anchor was never set.
    expect(only(`---\ntitle: a\ndescription: **重要**\n---\n${PAGE}`)).toMatchObject({ line: 3, severity: "error", message: expect.stringContaining("put it in quotes") });
    expect(parse("---\n**").diagnostics[0]).toMatchObject({ line: 2, severity: "error" });
    // The alias with no anchor, not the first alias.
    expect(only(`---\ntitle: &t 发票\ndescription: *t\nslug: *nope\n---\n${PAGE}`)).toMatchObject({ line: 4, message: expect.stringContaining("put it in quotes") });
    const laughs = ["a: &a [x, x, x, x, x, x, x, x, x]", ..."bcdefgh".split("").map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(", ")}]`)];
    expect(only(`---\ntitle: a\n${laughs.join("\n")}\n---\n${PAGE}`)).toMatchObject({ severity: "error", message: expect.stringContaining("alias") });
  });

  it("tabs, repeated keys", () => {
    expect(only(`---\ntitle: a\n\torder: 1\n---\n${PAGE}`)).toMatchObject({ line: 3, message: expect.stringContaining("indent with spaces, not tabs") });
    expect(only(`---\ntitle: a\norder: 1\ntitle: b\n---\n${PAGE}`)).toMatchObject({ line: 4, message: expect.stringContaining('"title" is set twice') });
  });

  it("an unknown key: its own line, and the closest known key", () => {
    expect(only(`---\ntitle: 发票\norder: 1\nslug: invoice\nfeatrued: [invoicetime]\n---\n${PAGE}`)).toMatchObject({ line: 5, message: expect.stringContaining('unknown key "featrued": did you mean "featured"?') });
    expect(only(`---\ncolour: red\n---\n${PAGE}`).message).toContain('unknown key "colour": use one of "title", "description"');
  });

  it("a wrong id in featured, aliases or keywords: its own line, and the closest id on the page", () => {
    const { diagnostics } = parse(`---\ntitle: 发票\norder: 1\nupdated: 2026-11-28\nslug: invoice\nfeatured: [title-change, invoicetim]\naliases:\n  title-chang: [old]\nkeywords:\n  invoicetime: [开票]\n  nothing-like-it: [x]\n---\n${PAGE}`);
    expect(diagnostics.map((d) => [d.line, d.message.replace(/^.*this page: /, "")])).toEqual([
      [6, 'did you mean "invoicetime"?'],
      [8, 'did you mean "title-change"?'],
      [11, 'use one of "invoicetime", "title-change"'],
    ]);
  });

  it("dates are real dates", () => {
    expect(only(`---\nupdated: 2026-13-45\n---\n${PAGE}`)).toMatchObject({ line: 2, message: expect.stringContaining("2026-13-45 is not a date") });
    expect(only(`---\nupdated: 2026-02-29\n---\n${PAGE}`).message).toContain("2026-02-29 is not a date");
    expect(only(`---\nupdated: 2026-1-5\n---\n${PAGE}`).message).toContain("write the date as YYYY-MM-DD");
    expect(parse(`---\nupdated: 2028-02-29\n---\n${PAGE}`).page.updated).toBe("2028-02-29");
    expect(parse(`---\nupdated: "2026-11-28"\n---\n${PAGE}`).page.updated).toBe("2026-11-28");
  });
});

describe("sanitizing", () => {
  it("strips scripts, event handlers and javascript: links but keeps safe HTML", () => {
    const [entry] = entries('### 问？\n\n<script>alert(1)</script>\n\n<a onclick="x()" href="javascript:alert(1)">a</a> 第一行<br>第二行 <img src="x.png" onerror="y()">');
    expect(entry.html).not.toMatch(/script|onclick|onerror|javascript:/);
    expect(entry.html).toContain("<br>");
  });

  it("parses CRLF files like LF files", () => {
    expect(entries("### 问？[](id:q)\r\n\r\n答。\r\n").map((e) => e.id)).toEqual(["q"]);
  });
});
