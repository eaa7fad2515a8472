import { pinyin } from "pinyin-pro";
import { pageEntries, type Site } from "../content/types";
import { SEARCH_LIMITS } from "./options";
import { isPinyinChar } from "./pinyin";
import { isHan } from "./text";
import type { SearchPayload } from "./types";
import { traditionalPairs } from "./variants";

/**
 * Build side only (Node): site records → the search index file. Pinyin is computed here, with
 * pinyin-pro's word dictionary for polyphones, so no pinyin library reaches the browser.
 */
export function buildSearchPayload(site: Site, synonyms: [string, string][] = []): SearchPayload {
  const pages: SearchPayload["pages"] = [];
  const questions = new Table<[string, string]>((q) => q[0]);
  const answers = new Table<string>((a) => a);
  const docs: SearchPayload["docs"] = [];
  for (const category of site.categories) {
    for (const page of category.pages) {
      const p = pages.push([page.url, page.title, category.title]) - 1;
      for (const entry of pageEntries(page)) {
        const q = questions.add([entry.question, syllablesOf(entry.question).join(" ")]);
        const a = answers.add(entry.text.slice(0, SEARCH_LIMITS.answerChars));
        docs.push([p, entry.id, q, a, (page.keywords[entry.id] ?? []).join(" ")]);
      }
    }
  }
  const text = [pages.flat(), questions.items.map((q) => q[0]), answers.items, docs.map((d) => d[4]), synonyms.flat()].flat().join("");
  const variants = traditionalPairs(new Set(Array.from(text).filter(isHan)));
  return { version: 3, pages, questions: questions.items, answers: answers.items, docs, synonyms, readings: commonReadings(questions.items), variants };
}

/**
 * One syllable per character that the browser also keeps (see `isPinyinChar`). A character with
 * several readings carries them all, the reading in context first (`zhong|chong` for 重): pinyin-pro
 * reads 重置 as zhong zhi, and a customer types chongzhi.
 */
export function syllablesOf(text: string): string[] {
  const kept = Array.from(text).filter(isPinyinChar);
  const inContext = pinyin(kept.join(""), { toneType: "none", type: "array", v: true, nonZh: "spaced" });
  const primary = inContext.length === kept.length ? inContext : kept.map((c) => pinyin(c, { toneType: "none", v: true }));
  return primary.map((syllable, i) => {
    const readings = /\p{Script=Han}/u.test(kept[i]) ? pinyin(kept[i], { toneType: "none", v: true, multiple: true, type: "array" }) : [];
    return [...new Set([syllable, ...readings].map((r) => r.toLowerCase()))].slice(0, 3).join("|");
  });
}

/**
 * Readings of the 3,755 most common characters (GB2312 level 1) plus every character in the questions,
 * so `实名认症` can be read as shi ming ren zheng and still find 实名认证.
 */
function commonReadings(questions: [string, string][]): Record<string, string> {
  const chars = new Set<string>(gb2312Level1());
  for (const [text] of questions) for (const c of text) if (/\p{Script=Han}/u.test(c)) chars.add(c);
  const readings: Record<string, string> = {};
  for (const c of [...chars].sort()) {
    const syllable = pinyin(c, { toneType: "none", v: true });
    if (/^[a-z]+$/.test(syllable)) readings[syllable] = (readings[syllable] ?? "") + c;
  }
  return readings;
}

function gb2312Level1(): string[] {
  const decoder = new TextDecoder("gbk");
  const out: string[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const c = decoder.decode(new Uint8Array([hi, lo]));
      if (/^\p{Script=Han}$/u.test(c)) out.push(c);
    }
  }
  return out;
}

/** Interns values: each distinct key is stored once and referred to by index. */
class Table<T> {
  readonly items: T[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly key: (item: T) => string) {}
  add(item: T): number {
    const k = this.key(item);
    let i = this.index.get(k);
    if (i === undefined) this.index.set(k, (i = this.items.push(item) - 1));
    return i;
  }
}
