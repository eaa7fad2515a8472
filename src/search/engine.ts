import Fuse, { type FuseResultMatch } from "fuse.js";
import { PINYIN_OPTIONS, RERANK_OPTIONS, SEARCH_LIMITS, type IndexedDoc } from "./options";
import { looksLikePinyin, normalize, normalizeWithMap, stripQuestionWords, tokenize } from "./text";
import type { Range, SearchHit, SearchPayload } from "./types";

export type SearchEngine = { search(query: string, limit?: number): SearchHit[]; size: number };

/**
 * The search engine shared by the browser and `npm run search`. Plain fuse.js scans every record
 * and ranks Chinese poorly; here a bigram inverted index first keeps the records that share at
 * least half of the query's tokens (no result beats a wrong one), then fuse.js token search ranks
 * those few and reports highlight ranges. See docs in README "Search".
 */
export function createSearchEngine(payload: SearchPayload): SearchEngine {
  const docs = payload.docs;
  const indexed: IndexedDoc[] = docs.map((d, index) => ({
    index,
    question: normalizeWithMap(d.question).text,
    answer: normalizeWithMap(d.answer).text,
    py: d.py,
    pyi: d.pyi,
  }));
  const postings = new Map<string, number[]>();
  const inQuestion = new Map<string, Set<number>>();
  for (const doc of indexed) {
    const q = new Set(tokenize(doc.question));
    for (const t of new Set([...q, ...tokenize(doc.answer)])) getOrAdd(postings, t, () => []).push(doc.index);
    for (const t of q) getOrAdd(inQuestion, t, () => new Set()).add(doc.index);
  }
  const pinyin = new Fuse(indexed, PINYIN_OPTIONS);
  const synonyms = [...payload.synonyms].sort((a, b) => b[0].length - a[0].length);

  function candidates(terms: string[], compact: string): IndexedDoc[] {
    const found = new Map<number, { hits: number; score: number }>();
    for (const term of terms) {
      const ids = postings.get(term);
      if (!ids) continue;
      const idf = Math.log(1 + (docs.length - ids.length + 0.5) / (ids.length + 0.5));
      const inQ = inQuestion.get(term);
      for (const i of ids) {
        const e = getOrAdd(found, i, () => ({ hits: 0, score: 0 }));
        e.hits++;
        e.score += idf * (inQ?.has(i) ? 2 : 1);
      }
    }
    // A paraphrase such as 先认证后补证件 shares few bigrams (the ones across its word boundaries exist
    // nowhere) but most of its characters, in order, with the question it means.
    const paraphrase = (i: number) =>
      compact.length >= 4 && orderedCoverage(compact, indexed[i].question) >= SEARCH_LIMITS.minOrderedCoverage;
    return [...found]
      .filter(([i, e]) => e.hits / terms.length >= SEARCH_LIMITS.minShouldMatch || (e.score > 0 && paraphrase(i)))
      .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
      .slice(0, SEARCH_LIMITS.candidates)
      .map(([i]) => indexed[i]);
  }

  function search(raw: string, limit = 10): SearchHit[] {
    const typed = normalize(String(raw ?? "").slice(0, SEARCH_LIMITS.queryChars * 4)).slice(0, SEARCH_LIMITS.queryChars);
    if (!typed) return [];
    const query = stripQuestionWords(expandSynonyms(typed, synonyms));
    const terms = [...new Set(tokenize(query))];
    if (terms.length === 0) return [];
    const pool = candidates(terms, query.replace(/[^\p{Script=Han}]/gu, ""));
    const hits: SearchHit[] = pool.length
      ? new Fuse(pool, RERANK_OPTIONS).search(query, { limit }).map((r) => toHit(r.item.index, r.score ?? 1, r.matches))
      : [];
    if (looksLikePinyin(typed) && terms.some((t) => !postings.has(t))) {
      const seen = new Set(hits.map((h) => h.doc.url));
      for (const r of pinyin.search(typed.replace(/'/g, " "), { limit })) {
        if (!seen.has(docs[r.item.index].url)) hits.push(toHit(r.item.index, r.score ?? 1, undefined));
      }
    }
    return hits.slice(0, limit);
  }

  function toHit(index: number, score: number, matches: readonly FuseResultMatch[] | undefined): SearchHit {
    const doc = docs[index];
    return {
      doc,
      score: Math.round(score * 1e4) / 1e4,
      highlights: {
        question: rangesFor(matches, "question", doc.question),
        answer: rangesFor(matches, "answer", doc.answer),
      },
    };
  }

  return {
    size: docs.length,
    search(query, limit) {
      try {
        return search(query, limit);
      } catch (error) {
        // A query must never break the page; an engine bug shows up here and in the tests instead.
        console.error("search failed", error);
        return [];
      }
    },
  };
}

/** `刷脸认证` → ` 人脸识别 认证`: an alias is replaced by the word the content uses, unless it is already there. */
function expandSynonyms(query: string, synonyms: [string, string][]): string {
  let q = query;
  for (const [alias, canonical] of synonyms) {
    if (q.includes(alias) && !q.includes(canonical)) q = q.split(alias).join(` ${canonical} `);
  }
  return q;
}

/** Fuse's ranges are on normalized text; map them back onto the text the user sees. */
function rangesFor(matches: readonly FuseResultMatch[] | undefined, key: string, original: string): Range[] {
  const found = matches?.filter((m) => m.key === key).flatMap((m) => m.indices) ?? [];
  if (found.length === 0) return [];
  const { map } = normalizeWithMap(original);
  return found
    .filter(([s, e]) => e - s >= 1 || /\p{L}|\p{N}/u.test(original[map[s]] ?? ""))
    .map(([s, e]): Range => [map[s], map[Math.min(e, map.length - 1)]])
    .sort((a, b) => a[0] - b[0]);
}

/** Share of the query's characters found in the text in the same order (longest common subsequence). */
export function orderedCoverage(query: string, text: string): number {
  const q = Array.from(query);
  let previous = new Array<number>(q.length + 1).fill(0);
  for (const c of text) {
    const row = [0];
    for (let j = 1; j <= q.length; j++) row[j] = c === q[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], row[j - 1]);
    previous = row;
  }
  return q.length ? previous[q.length] / q.length : 0;
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}
