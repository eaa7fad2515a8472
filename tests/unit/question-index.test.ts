import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { INDEX_OPEN_UP_TO, QuestionIndex } from "@/components/question-index";
import type { Section } from "@/content";

const sections = (n: number): Section[] => [
  { id: null, title: null, introHtml: "", entries: Array.from({ length: n }, (_, i) => ({ id: `q${i}`, question: `问题${i}？`, html: "", text: "", line: i + 1 })) },
];
const render = (n: number) => renderToStaticMarkup(createElement(QuestionIndex, { sections: sections(n) }));

describe("question index", () => {
  it("is open on a page with few questions, so nothing needs a tap", () => {
    expect(render(INDEX_OPEN_UP_TO)).toMatch(/<details open="" class="question-index__fold">/);
  });

  it("starts folded on a page with many, marked so wide screens still show it open", () => {
    expect(render(INDEX_OPEN_UP_TO + 1)).toMatch(/<details data-folded="" class="question-index__fold">/);
    expect(render(14)).toContain("本页问题<span class=\"question-index__count\">（14）</span>");
  });
});
