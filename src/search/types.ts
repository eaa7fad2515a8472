/**
 * The search index file (`/search-index/index.<hash>.json`). Compact on the wire: a page table,
 * each distinct question and answer text once (FAQ sites repeat answers across products), and
 * pinyin as one syllable per kept character, from which initials and highlight offsets are derived.
 */
export type SearchPayload = {
  version: 3;
  /** `[url, page title, category title]` */
  pages: [string, string, string][];
  /** Distinct questions: `[text, pinyin]`, pinyin one syllable per Han/Latin/digit character, space-separated. */
  questions: [string, string][];
  /** Distinct answer texts (plain, capped in length). */
  answers: string[];
  /** `[page index, anchor id, question index, answer index, extra keywords]` */
  docs: [number, string, number, number, string][];
  /** `[alias, canonical]`: a query containing the alias also searches for the canonical word. */
  synonyms: [string, string][];
  /** Pinyin syllable → common characters read that way, for queries typed with a wrong homophone. */
  readings: Record<string, string>;
  /** Traditional → simplified pairs ("帳账賬账…") for the characters the content uses (OpenCC). */
  variants: string;
};

/** One question as the engine and the UI see it. */
export type SearchDoc = {
  /** Anchor id of the question on its page. */
  id: string;
  /** `/<category>/<page>/#<id>` */
  url: string;
  question: string;
  answer: string;
  page: string;
  category: string;
  keywords: string;
  /** Syllables of the question, one per kept character. */
  syllables: string[];
};

/** Inclusive `[start, end]` ranges into the original string. */
export type Range = [number, number];

export type SearchHit = {
  doc: SearchDoc;
  /** 0 is a perfect match, 1 no match. */
  score: number;
  highlights: { question: Range[]; answer: Range[] };
};
