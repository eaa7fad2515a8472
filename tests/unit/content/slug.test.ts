import { describe, expect, it } from "vitest";
import { createSlugger } from "@/content/slug";

describe("createSlugger", () => {
  it("slugs like GitHub: lower case, punctuation dropped, CJK kept", () => {
    const s = createSlugger();
    expect(s.slug("如何解除账号的实名认证？")).toBe("如何解除账号的实名认证");
    expect(s.slug("What is API 3.0?")).toBe("what-is-api-30");
  });

  it("numbers repeats and skips reserved ids", () => {
    const s = createSlugger(["faq"]);
    expect([s.slug("FAQ"), s.slug("FAQ"), s.slug("other")]).toEqual(["faq-1", "faq-2", "other"]);
  });

  it("gives text without letters an id anyway", () => {
    expect(createSlugger().slug("？？")).toBe("section");
  });

  it("is fresh per page", () => {
    expect(createSlugger().slug("同一个")).toBe(createSlugger().slug("同一个"));
  });
});
