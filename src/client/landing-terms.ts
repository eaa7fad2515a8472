import type { SearchHit } from "@/search/types";

const KEY = "faq:landing-terms";
const HIGHLIGHT = "search-terms";

/** Before following a result: remember what matched, so the page it opens can mark it in the answer. */
export function rememberTerms(hit: SearchHit): void {
  const pick = (text: string, ranges: [number, number][]) => ranges.map(([s, e]) => text.slice(s, e + 1));
  const terms = [...new Set([...pick(hit.doc.question, hit.highlights.question), ...pick(hit.doc.answer, hit.highlights.answer)])]
    .map((t) => t.trim())
    .filter((t) => t.length > 1 || /\p{Script=Han}/u.test(t));
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ url: hit.doc.url, terms }));
  } catch {
    // Storage may be disabled; the page still opens, just without marks.
  }
}

/**
 * On the landed page: marks the remembered terms in the target question's answer, with the CSS
 * Custom Highlight API, which paints ranges without touching the page's DOM. Browsers without it
 * (older Firefox) simply show no marks.
 */
export function markLandingTerms(target: HTMLElement): void {
  let saved: { url: string; terms: string[] } | null = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(KEY) ?? "null");
    sessionStorage.removeItem(KEY);
  } catch {
    return;
  }
  const entry = target.closest(".entry");
  if (!saved || !entry || !("highlights" in CSS) || new URL(saved.url, location.href).pathname !== location.pathname) return;
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(entry, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? "";
    for (const term of saved.terms) {
      for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) {
        const range = new Range();
        range.setStart(node, at);
        range.setEnd(node, at + term.length);
        ranges.push(range);
      }
    }
  }
  CSS.highlights.set(HIGHLIGHT, new Highlight(...ranges));
}
