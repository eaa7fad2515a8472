/** One question as the search index ships it to the browser. */
export type SearchDoc = {
  /** Anchor id of the question on its page. */
  id: string;
  /** `/<category>/<page>/#<id>` */
  url: string;
  question: string;
  /** Plain answer text (capped in length). */
  answer: string;
  page: string;
  category: string;
  /** Pinyin of the question, syllables joined without spaces (computed at build time). */
  py: string;
  /** First letters of the question's pinyin syllables. */
  pyi: string;
};

/** The search index file: documents only, the engine builds its lookup tables on load. */
export type SearchPayload = {
  version: 1;
  docs: SearchDoc[];
  /** `[alias, canonical]`: a query containing the alias also searches for the canonical word. */
  synonyms: [string, string][];
};

/** Inclusive `[start, end]` ranges into the original string, as fuse.js reports them. */
export type Range = [number, number];

export type SearchHit = {
  doc: SearchDoc;
  /** 0 is a perfect match, 1 no match. */
  score: number;
  highlights: { question: Range[]; answer: Range[] };
};
