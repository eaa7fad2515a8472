import { tokenize } from "./text";

/**
 * BM25F (Robertson & Zaragoza): a term's frequency in each field, weighted by the field and
 * normalized by the field's length, summed into one pseudo-frequency before saturation. A word in
 * the question counts four times one in the answer; the context (page and category titles, and the
 * page's topic words: product names its questions need not repeat) counts a little more than the
 * answer. The Latin words of the rest of the answer, past the part indexed in full, count half as
 * much as the answer: an error message or code quoted late in a long answer is what a customer
 * pastes. `b` is how much a long field is discounted: a question about more than was asked
 * answers it less. Average lengths are over documents (an entry counts as often as it appears).
 */
const FIELDS = [
  { name: "question", weight: 4, b: 0.75 },
  { name: "keywords", weight: 3, b: 0 },
  { name: "answer", weight: 1, b: 0.6 },
] as const;
const CONTEXT = { weight: 1.2, b: 0 };
const ANSWER_LATIN = { weight: 0.5, b: 0 };
export const K1 = 1.2;

/** Saturated term frequency, scaled so one occurrence in an average question is 1. */
export const saturate = (tf: number) => (tf * (K1 + 1)) / (tf + K1) / IDEAL;
const IDEAL = (FIELDS[0].weight * (K1 + 1)) / (FIELDS[0].weight + K1);

type Entry = { question: string; answer: string; keywords: string; context: string[]; answerLatin: string[]; count: number };

/** The pseudo-frequencies of a site's entries. */
export class BM25F {
  private readonly tokens: string[][][];
  private readonly average: number[];

  constructor(entries: Entry[]) {
    this.tokens = entries.map((e) => [...FIELDS.map((f) => tokenize(e[f.name])), e.context, e.answerLatin]);
    const docs = entries.reduce((n, e) => n + e.count, 0) || 1;
    this.average = [...FIELDS, CONTEXT, ANSWER_LATIN].map((_, f) => entries.reduce((n, e, i) => n + e.count * this.tokens[i][f].length, 0) / docs || 1);
  }

  /** Each term of an entry (question, keywords, answer, shared titles, the answer's later Latin words) and its pseudo-frequency. */
  frequencies(entry: number): Map<string, number> {
    const tf = new Map<string, number>();
    [...FIELDS, CONTEXT, ANSWER_LATIN].forEach((field, f) => {
      const tokens = this.tokens[entry][f];
      const norm = 1 - field.b + (field.b * tokens.length) / this.average[f];
      for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + field.weight / norm);
    });
    return tf;
  }
}
