import type { IndexSource } from "./index-source";
import { tokenize } from "./text";
import type { TermData } from "./types";

/**
 * What ranking asks of the index, over an `IndexSource`: postings of Han bigrams and Latin words
 * (with BM25F frequencies computed at build time, `bm25f.ts`), entries with a Han character in the
 * question, IDF, and Latin words by prefix.
 */
export function createInvertedIndex(source: IndexSource) {
  const n = source.meta.docs;
  const term = (t: string): TermData | undefined => source.term(t);
  return {
    size: n,
    postings: term,
    charPostings: (c: string) => source.chars(c),
    /** Documents containing the term, in any field. */
    df: (t: string) => term(t)?.df ?? 0,
    /** Inverse document frequency (BM25's, never negative); a term the content lacks gets the rarest's. */
    idf: (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5)),
    /** Latin words of the content that begin with `prefix`, most frequent first. */
    completions(prefix: string, max: number): string[] {
      return source
        .latinTerms(prefix.slice(0, 2))
        .filter((w) => w.startsWith(prefix) && w !== prefix)
        .sort((a, b) => (term(b)?.df ?? 0) - (term(a)?.df ?? 0) || (a < b ? -1 : 1))
        .slice(0, max);
    },
    /** Latin words of the content that begin as this one does (for typo matching). */
    latinNeighbours: (word: string) => source.latinTerms(word.slice(0, 2)),
    /** Whether some entry has every bigram of the text (the words typed together appear together). */
    contains(text: string): boolean {
      const lists = tokenize(text).map((t) => term(t)?.e);
      if (lists.length === 0 || lists.some((l) => !l)) return false;
      const [first, ...rest] = (lists as number[][]).sort((a, b) => a.length - b.length);
      const sets = rest.map((l) => new Set(l));
      return first.some((e) => sets.every((s) => s.has(e)));
    },
  };
}

export type InvertedIndex = ReturnType<typeof createInvertedIndex>;
