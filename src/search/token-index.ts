import { SEARCH_LIMITS, type IndexedDoc } from "./options";
import { tokenize } from "./text";

/** Questions containing a token: in the question (or its keywords), and only in the answer or page title. */
type Posting = { strong: number[]; weak: number[] };

/**
 * Inverted index over bigrams and words: the prefilter that keeps fuse.js away from the thousands
 * of questions a query has nothing to do with. Words are also looked up by prefix, so `failedop`
 * finds `failedoperation` while it is being typed. Scores live in typed arrays reused by every
 * query, because common bigrams (实名, 认证) have thousands of postings.
 */
export function createTokenIndex(docs: IndexedDoc[]) {
  const postings = new Map<string, Posting>();
  for (const doc of docs) {
    const strong = new Set([...tokenize(doc.question), ...tokenize(doc.keywords)]);
    for (const t of strong) getPosting(postings, t).strong.push(doc.index);
    const weak = new Set([...tokenize(doc.answer), ...tokenize(doc.context)]);
    for (const t of weak) if (!strong.has(t)) getPosting(postings, t).weak.push(doc.index);
  }
  const words = [...postings.keys()].filter((t) => /^[-a-z0-9]/.test(t)).sort();
  const hits = new Float64Array(docs.length);
  const strongHits = new Uint8Array(docs.length);
  const scores = new Float64Array(docs.length);
  const seenInTerm = new Int32Array(docs.length).fill(-1);

  /** The term itself, or for an unknown last word, the words it begins. */
  function alternatives(term: string, last: boolean): string[] {
    if (postings.has(term) || !last || !/^[a-z0-9]{2,}/.test(term)) return [term];
    const out: string[] = [];
    for (let i = lowerBound(words, term); i < words.length && words[i].startsWith(term) && out.length < 8; i++) out.push(words[i]);
    return out.length ? out : [term];
  }

  const idfOf = (count: number) => Math.log(1 + (docs.length - count + 0.5) / (count + 0.5));

  function candidates(terms: string[], han: string): IndexedDoc[] {
    const touched: number[] = [];
    let total = 0; // the query's weight: a token the content lacks weighs as much as the rarest
    terms.forEach((term, t) => {
      const alts = alternatives(term, t === terms.length - 1).map((a) => postings.get(a)).filter((p) => p !== undefined);
      const idf = idfOf(Math.max(0, ...alts.map((p) => p.strong.length + p.weak.length)));
      total += idf;
      for (const p of alts) {
        for (const [list, strong] of [[p.strong, 1], [p.weak, 0]] as const) {
          for (const d of list) {
            if (seenInTerm[d] === t) continue; // one hit per term, whichever alternative matched
            if (hits[d] === 0) touched.push(d);
            seenInTerm[d] = t;
            hits[d] += idf;
            strongHits[d] += strong;
            scores[d] += strong ? 2 * idf : idf;
          }
        }
      }
    });
    // Matched tokens must carry half the query's weight when the question itself matches, so a
    // generic 数据 cannot stand in for a missing 数据库; an answer alone must match all of them.
    const need = total * SEARCH_LIMITS.minShouldMatch;
    const covers = (d: number) => hits[d] >= (strongHits[d] > 0 ? need : total - 1e-9);
    const byScore = touched.sort((a, b) => scores[b] - scores[a] || a - b);
    const covering = byScore.filter(covers);
    // A paraphrase such as 先认证后补证件 shares few bigrams (the ones across its word boundaries
    // exist nowhere) but most of its characters, in order, with the question it means. Only the
    // best-scored few are checked, to bound the cost on large sites.
    const paraphrases =
      han.length < 4
        ? []
        : byScore
            .filter((d) => !covers(d))
            .slice(0, SEARCH_LIMITS.paraphraseChecks)
            .filter((d) => orderedCoverage(han, docs[d].question) >= SEARCH_LIMITS.minOrderedCoverage);
    for (const d of touched) {
      hits[d] = 0;
      strongHits[d] = 0;
      scores[d] = 0;
      seenInTerm[d] = -1;
    }
    return [...covering, ...paraphrases].slice(0, SEARCH_LIMITS.candidates).map((d) => docs[d]);
  }

  return {
    candidates,
    /** Whether a term occurs anywhere in the content. */
    known: (term: string) => postings.has(term),
    /** Whether this question contains the token exactly. */
    has: (doc: number, term: string) => {
      const p = postings.get(term);
      return !!p && (p.strong.includes(doc) || p.weak.includes(doc));
    },
  };
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

function lowerBound(sorted: string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function getPosting(map: Map<string, Posting>, token: string): Posting {
  let p = map.get(token);
  if (!p) map.set(token, (p = { strong: [], weak: [] }));
  return p;
}
