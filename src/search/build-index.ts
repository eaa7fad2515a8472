import { pinyin } from "pinyin-pro";
import { pageEntries, type Site } from "../content/types";
import { SEARCH_LIMITS } from "./options";
import type { SearchDoc, SearchPayload } from "./types";

/**
 * Build side only (Node): site records → the search index file. Pinyin is computed here, so no
 * pinyin library reaches the browser.
 */
export function buildSearchPayload(site: Site, synonyms: [string, string][] = []): SearchPayload {
  const docs: SearchDoc[] = site.categories.flatMap((category) =>
    category.pages.flatMap((page) =>
      pageEntries(page).map((entry) => ({
        id: entry.id,
        url: `${page.url}#${entry.id}`,
        question: entry.question,
        answer: entry.text.slice(0, SEARCH_LIMITS.answerChars),
        page: page.title,
        category: category.title,
        ...pinyinOf(entry.question),
      })),
    ),
  );
  return { version: 1, docs, synonyms };
}

function pinyinOf(text: string): { py: string; pyi: string } {
  const han = text.replace(/[^\p{Script=Han}a-zA-Z0-9]/gu, "");
  const syllables = pinyin(han, { toneType: "none", type: "array", v: true }).map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ""));
  return { py: syllables.join(""), pyi: syllables.map((s) => s[0] ?? "").join("") };
}
