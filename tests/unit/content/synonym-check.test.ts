import { describe, expect, it } from "vitest";
import { loadSite, loadSynonyms } from "@/content/load";
import { checkSynonyms } from "@/content/synonym-check";
import { tempTrees } from "./temp-tree";

const tree = tempTrees("synonyms-");

const PAGE = `### 如何解除账号的实名认证？\n\n无法解除，可以修改实名信息。\n\n### 如何注销帐号？\n\n在账号中心申请注销。\n`;

function check(synonyms: string) {
  const dir = tree({ "acct/faq.md": PAGE, "_search/synonyms.yml": synonyms });
  const loaded = loadSynonyms(dir);
  return checkSynonyms(loadSite(dir).site, loaded.entries).map((d) => `${d.file}:${d.line}: ${d.message}`);
}

describe("suspect synonyms", () => {
  it("warns when an alias is a word of the pages, in questions that never say the word it is mapped to", () => {
    const [warning, ...rest] = check("# words\n解除: [取消, 注销]\n");
    expect(warning).toMatch(/^_search\/synonyms\.yml:2: "注销" is a word of the pages too \(1 question, e\.g\. “如何注销帐号？”\) that never say "解除"/);
    expect(rest).toEqual([]);
  });

  it("warns when the word mapped to appears nowhere in the pages", () => {
    expect(check("退款:\n  - 退费\n")).toEqual([expect.stringMatching(/^_search\/synonyms\.yml:2: "退款" appears in no question or answer/)]);
  });

  it("warns about an alias listed twice, and one mapped to itself", () => {
    const warnings = check("解除: [撤销]\n实名认证: [撤销, 实名认证]\n");
    expect(warnings).toContainEqual(expect.stringMatching(/:2: "撤销" is listed under "解除" \(line 1\) and "实名认证"/));
    expect(warnings).toContainEqual(expect.stringMatching(/:2: "实名认证" is mapped to itself/));
  });

  it("warns once about two aliases that search reads as one (帐 and 账 folded)", () => {
    // The page's questions say 账号 and 帐号 (one word to search), never 解除 in the second.
    expect(check("解除: [账号, 帐号]\n").filter((w) => w.includes("is a word of the pages too"))).toEqual([expect.stringMatching(/^_search\/synonyms\.yml:1: "账号" is a word of the pages too/)]);
  });

  it("accepts synonyms that only add what customers type", () => {
    expect(check("解除: [取消, 撤销]\n")).toEqual([]);
  });
});
