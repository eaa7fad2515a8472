import type { SearchHit } from "@/search/types";
import { markedText, snippet } from "./highlight";

/** One result: the question with its matches marked, a snippet of the answer, and where it lives. */
export function searchHitContent(hit: SearchHit): DocumentFragment {
  const answer = snippet(hit.doc.answer, hit.highlights.answer);
  const out = document.createDocumentFragment();
  out.append(
    span("hit__question", markedText(hit.doc.question, hit.highlights.question)),
    span("hit__snippet", markedText(answer.text, answer.ranges)),
    span("hit__where", `${hit.doc.category} › ${hit.doc.page}`),
  );
  return out;
}

function span(className: string, content: Node | string): HTMLSpanElement {
  const el = document.createElement("span");
  el.className = className;
  el.append(content);
  return el;
}
