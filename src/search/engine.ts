import Fuse, { type FuseResultMatch } from "fuse.js";
import { RERANK_OPTIONS, SEARCH_LIMITS, type IndexedDoc } from "./options";
import { expandPayload } from "./payload";
import { createPinyinIndex, type PinyinMatch } from "./pinyin";
import { createTokenIndex } from "./token-index";
import { isCodeToken, isQuestionWord, looksLikePinyin, normalize, normalizeChars, normalizeWithMap, rewriteColloquial, stripQuestionWords, tokenize } from "./text";
import type { Range, SearchHit, SearchPayload } from "./types";

export type SearchEngine = { search(query: string, limit?: number): SearchHit[]; size: number };

export type EngineOptions = {
  /**
   * Called when a query crashes the engine; the query then finds nothing, so a bug never breaks
   * the page. The default logs it. Tests pass a handler that rethrows, so a crash fails them
   * instead of passing for "no results".
   */
  onError?: (error: unknown, query: string) => void;
};

const logError = (error: unknown, query: string) => console.error(`search failed for ${JSON.stringify(query.slice(0, 80))}`, error);

/**
 * The search engine shared by the browser (in a worker) and `npm run search`:
 * 1. normalize the query, apply synonyms, strip question words, cut into bigrams and words;
 * 2. an inverted index keeps the questions that share at least half of those tokens (or most of the
 *    query's characters in order): no result beats a wrong one;
 * 3. fuse.js token search ranks those few and reports highlight ranges; questions containing the
 *    query's error codes or identifiers exactly come first;
 * 4. Latin queries are also read as pinyin, and Chinese ones by sound, for homophone typos.
 */
export function createSearchEngine(payload: SearchPayload, { onError = logError }: EngineOptions = {}): SearchEngine {
  const docs = expandPayload(payload);
  const indexed: IndexedDoc[] = docs.map((d, index) => ({
    index,
    question: normalizeChars(d.question),
    answer: normalizeChars(d.answer),
    keywords: normalize(d.keywords),
    context: normalize(`${d.page} ${d.category}`),
  }));
  const tokens = createTokenIndex(indexed);
  const pinyin = createPinyinIndex(docs, payload.readings);
  const synonyms = [...payload.synonyms].sort((a, b) => b[0].length - a[0].length);

  function search(raw: string, limit: number): SearchHit[] {
    const typed = normalize(String(raw ?? "").slice(0, SEARCH_LIMITS.queryChars * 4)).slice(0, SEARCH_LIMITS.queryChars);
    if (!typed) return [];
    const { variants, asked } = queryVariants(typed, synonyms, tokens.known);
    const terms = [...new Set(variants.flatMap(tokenize))];
    if (terms.length === 0) return [];
    const pool = unionBy(variants.map((v) => tokens.candidates([...new Set(tokenize(v))], v.replace(/[^\p{Script=Han}]/gu, ""))))
      .slice(0, SEARCH_LIMITS.candidates)
      .map((d) => answerWindow(d, terms));
    const query = variants.join(" ");
    const codes = tokenize(variants[0]).filter(isCodeToken);
    const ranked = pool.length ? new Fuse(pool, RERANK_OPTIONS).search(query, { limit: SEARCH_LIMITS.candidates }) : [];
    // Exact codes first; then questions about what was asked (`要多久` → 时长); fuse order within each group.
    const rank = (doc: IndexedDoc) => 2 * Number(codes.length > 0 && codes.every((c) => tokens.has(doc.index, c))) + Number(asked.some((w) => doc.question.includes(w)));
    const hits = ranked
      .map((r) => ({ r, rank: rank(r.item) }))
      .sort((a, b) => b.rank - a.rank) // stable
      .map(({ r }) => toHit(r.item, r.score ?? 1, r.matches));
    if (hits.length < limit) hits.push(...pinyinHits(typed, terms, hits));
    return hits.slice(0, limit);
  }

  /** Pinyin for Latin words that are not words of the content; sound for Chinese that found little. */
  function pinyinHits(typed: string, terms: string[], found: SearchHit[]): SearchHit[] {
    let matches: PinyinMatch[] = [];
    if (looksLikePinyin(typed) && terms.some((t) => !tokens.known(t))) matches = pinyin.searchLatin(typed);
    else if (found.length === 0) matches = pinyin.searchHomophones(stripQuestionWords(typed, tokens.known).replace(/[^\p{Script=Han}]/gu, ""));
    const seen = new Set(found.map((h) => h.doc.url));
    return matches.filter((m) => !seen.has(docs[m.index].url) && seen.add(docs[m.index].url)).map((m) => ({ doc: docs[m.index], score: m.score, highlights: { question: m.question, answer: [] } }));
  }

  function toHit(item: IndexedDoc, score: number, matches: readonly FuseResultMatch[] | undefined): SearchHit {
    const doc = docs[item.index];
    return {
      doc,
      score: Math.round(score * 1e4) / 1e4,
      highlights: {
        question: rangesFor(matches, "question", doc.question, 0),
        answer: rangesFor(matches, "answer", doc.answer, item.answerOffset ?? 0),
      },
    };
  }

  return {
    size: docs.length,
    search(query, limit = 10) {
      try {
        return search(query, limit);
      } catch (error) {
        onError(error, String(query));
        return [];
      }
    },
  };
}

/**
 * The query as typed, and as the content would say it: with synonyms (`刷脸认证` → `人脸识别 认证`)
 * and spoken forms (`删不掉` → `无法删`) rewritten. Each variant is matched on its own and the
 * candidates are pooled, so a synonym adds matches and never hides the words the user typed.
 * `asked`: the content's words for question words the user typed (`要多久` → 时长): what they ask.
 */
function queryVariants(typed: string, synonyms: [string, string][], isWord: (bigram: string) => boolean): { variants: string[]; asked: string[] } {
  let withSynonyms = typed;
  const asked: string[] = [];
  for (const [alias, canonical] of synonyms) {
    if (!withSynonyms.includes(alias) || withSynonyms.includes(canonical)) continue;
    withSynonyms = withSynonyms.split(alias).join(` ${canonical} `);
    // A question word with a synonym is what the user asks about (多久 → 时长), not filler: a question
    // saying it in any of the group's words (时长, 多久, 多长时间…) answers it.
    if (isQuestionWord(alias)) asked.push(canonical, ...synonyms.filter(([, c]) => c === canonical).map(([a]) => a));
  }
  const variants = [typed, withSynonyms, rewriteColloquial(withSynonyms)].map((v) => stripQuestionWords(v, isWord));
  return { variants: [...new Set(variants)], asked };
}

/** Pools candidate lists, best of the first list first, each question once. */
function unionBy(lists: IndexedDoc[][]): IndexedDoc[] {
  const seen = new Set<number>();
  return lists.flat().filter((d) => !seen.has(d.index) && seen.add(d.index));
}

/**
 * fuse.js gets the part of the answer around its first match, not all of it: ranking and highlight
 * ranges need no more, the snippet shows no more, and the token search costs by text length.
 */
function answerWindow(doc: IndexedDoc, terms: string[]): IndexedDoc {
  const first = terms.reduce((min, t) => {
    const at = doc.answer.indexOf(t);
    return at >= 0 && at < min ? at : min;
  }, Number.POSITIVE_INFINITY);
  const start = Number.isFinite(first) ? Math.max(0, first - SEARCH_LIMITS.windowBefore) : 0;
  return { ...doc, answer: doc.answer.slice(start, start + SEARCH_LIMITS.windowChars), answerOffset: start };
}

/** Fuse's ranges are on normalized text (shifted by `offset`); map them back onto the text the user sees. */
function rangesFor(matches: readonly FuseResultMatch[] | undefined, key: string, original: string, offset: number): Range[] {
  const found = matches?.filter((m) => m.key === key).flatMap((m) => m.indices) ?? [];
  if (found.length === 0) return [];
  const { map } = normalizeWithMap(original);
  return found
    .map(([s, e]): Range => [s + offset, e + offset])
    .filter(([s, e]) => e > s || /[\p{L}\p{N}]/u.test(original[map[s]] ?? ""))
    .map(([s, e]): Range => [map[s], map[Math.min(e, map.length - 1)]])
    .sort((a, b) => a[0] - b[0]);
}

