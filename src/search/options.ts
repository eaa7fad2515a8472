import type { IFuseOptions } from "fuse.js";
import { tokenize } from "./text";

/** The only copy of the search settings; the build, the browser and the CLI all import these. */

/** Normalized text the engine searches; display text stays in the `SearchDoc`. */
export type IndexedDoc = {
  index: number;
  question: string;
  answer: string;
  keywords: string;
  /** Page and category titles: product names often live there, not in the question. */
  context: string;
  answerOffset?: number;
};

/**
 * Re-ranking of prefiltered candidates: fuse.js token search over bigrams. Threshold 0.34 means a
 * two-character term must match exactly (a looser one turns 退款 into 打款). Field norms are off
 * because fuse.js counts words by spaces, which Chinese does not have.
 */
export const RERANK_OPTIONS: IFuseOptions<IndexedDoc> = {
  useTokenSearch: true,
  tokenize,
  threshold: 0.34,
  ignoreFieldNorm: true,
  includeScore: true,
  includeMatches: true,
  keys: [
    { name: "question", weight: 3 },
    { name: "keywords", weight: 2 },
    { name: "answer", weight: 1 },
  ],
};

export const SEARCH_LIMITS = {
  /** Longest query we look at; the rest is ignored. */
  queryChars: 64,
  /** Candidates passed from the prefilter to fuse.js. */
  candidates: 60,
  /** A candidate must contain at least this share of the query's distinct tokens. */
  minShouldMatch: 0.5,
  /** How many other candidates are checked for a paraphrase match. */
  paraphraseChecks: 200,
  /** …or at least this share of its Han characters, in order, in the question (paraphrases). */
  minOrderedCoverage: 0.75,
  /** Answer text kept in the index, in characters (nine answers in ten are shorter). */
  answerChars: 300,
  /** Part of an answer the ranking and the snippet look at: from this far before the first match… */
  windowBefore: 40,
  /** …this many characters. */
  windowChars: 160,
} as const;
