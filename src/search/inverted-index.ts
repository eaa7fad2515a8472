import { isHan, tokenize } from "./text";

/** The searchable text of one question, normalized. */
export type DocFields = { question: string; keywords: string; answer: string; context: string };

/**
 * BM25F (Robertson & Zaragoza): a term's frequency in each field, weighted by the field and
 * normalized by the field's length, summed into one pseudo-frequency before saturation. A word in
 * the question counts four times one in the answer; page and category titles (product names)
 * count a little. `b` is how much a long field is discounted: a question about more than was asked
 * answers it less.
 */
const FIELDS = [
  { name: "question", weight: 4, b: 0.75 },
  { name: "keywords", weight: 3, b: 0 },
  { name: "answer", weight: 1, b: 0.6 },
  { name: "context", weight: 0.6, b: 0 },
] as const;
export const K1 = 1.2;

/** Documents containing a term, and its BM25F pseudo-frequency in each. */
export type Postings = { docs: Int32Array; tf: Float32Array };

/** Saturated term frequency, scaled so one occurrence in an average question is 1. */
export const saturate = (tf: number) => (tf * (K1 + 1)) / (tf + K1) / IDEAL;
const IDEAL = (FIELDS[0].weight * (K1 + 1)) / (FIELDS[0].weight + K1);

/**
 * The inverted index over bigrams and Latin words of every field, and over the single Han
 * characters of questions and keywords (for one-character queries and shared-character matches
 * such as 报错 ~ 提示错误). Built in the worker from the index file's text.
 */
export function createInvertedIndex(docs: DocFields[]) {
  const building = new Map<string, { docs: number[]; tf: number[] }>();
  const chars = new Map<string, number[]>();
  const lengths = FIELDS.map((f) => docs.map((d) => tokenize(d[f.name]).length));
  const average = lengths.map((ls) => ls.reduce((a, b) => a + b, 0) / Math.max(1, ls.length) || 1);

  docs.forEach((doc, d) => {
    const tf = new Map<string, number>();
    FIELDS.forEach((field, f) => {
      const norm = 1 - field.b + (field.b * lengths[f][d]) / average[f];
      for (const token of tokenize(doc[field.name])) tf.set(token, (tf.get(token) ?? 0) + field.weight / norm);
    });
    for (const [token, value] of tf) {
      let p = building.get(token);
      if (!p) building.set(token, (p = { docs: [], tf: [] }));
      p.docs.push(d);
      p.tf.push(value);
    }
    for (const c of new Set(Array.from(doc.question + doc.keywords))) {
      if (!isHan(c)) continue;
      let list = chars.get(c);
      if (!list) chars.set(c, (list = []));
      list.push(d);
    }
  });

  const postings = new Map<string, Postings>();
  for (const [token, p] of building) postings.set(token, { docs: Int32Array.from(p.docs), tf: Float32Array.from(p.tf) });
  const charPostings = new Map<string, Int32Array>();
  for (const [c, list] of chars) charPostings.set(c, Int32Array.from(list));
  const words = [...postings.keys()].filter((t) => /^[-a-z0-9]/.test(t)).sort();
  const n = docs.length;

  return {
    size: n,
    postings: (term: string) => postings.get(term),
    charPostings: (c: string) => charPostings.get(c),
    /** Documents containing the term, in any field. */
    df: (term: string) => postings.get(term)?.docs.length ?? 0,
    /** Inverse document frequency (BM25's, never negative); a term the content lacks gets the rarest's. */
    idf: (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5)),
    /** Index terms, Han bigrams included (for homophones). */
    terms: () => postings.keys(),
    /** Latin words of the content that begin with `prefix`, most frequent first. */
    completions(prefix: string, max: number): string[] {
      const out: string[] = [];
      for (let i = lowerBound(words, prefix); i < words.length && words[i].startsWith(prefix); i++) if (words[i] !== prefix) out.push(words[i]);
      return out.sort((a, b) => postings.get(b)!.docs.length - postings.get(a)!.docs.length).slice(0, max);
    },
    latinWords: () => words,
    /** Whether some question, answer or title contains the text word for word (checks a bounded number of documents). */
    contains(text: string): boolean {
      const grams = tokenize(text);
      if (grams.length === 0) return false;
      let rarest: Postings | undefined;
      for (const g of grams) {
        const p = postings.get(g);
        if (!p) return false;
        if (!rarest || p.docs.length < rarest.docs.length) rarest = p;
      }
      const limit = Math.min(rarest!.docs.length, 200);
      for (let i = 0; i < limit; i++) {
        const d = docs[rarest!.docs[i]];
        if (d.question.includes(text) || d.answer.includes(text) || d.keywords.includes(text) || d.context.includes(text)) return true;
      }
      return false;
    },
  };
}

export type InvertedIndex = ReturnType<typeof createInvertedIndex>;

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
