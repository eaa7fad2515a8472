/**
 * The search index, as the build computes it (`build-index.ts`) and the engine reads it. The
 * browser gets it in pieces (`index-files.ts`): a small manifest, term shards fetched for the words
 * of a query, and entry chunks fetched for the questions it ranks first. Nothing in the manifest or
 * on the first search grows with the number of questions but the shard table.
 *
 * An *entry* is a distinct question text with its answer and keywords; a *document* is an entry at
 * one place on the site. FAQ sites repeat entries across product pages: an entry is ranked once and
 * shown once, at the first place it appears, and its page and category titles are those all its
 * places share.
 */
export type IndexMeta = {
  version: 4;
  /** Documents (questions at a place) on the site: IDF counts them. */
  docs: number;
  entries: number;
  /** Entries per entry chunk (`entryChunk(entry) = floor(entry / chunkSize)`). */
  chunkSize: number;
  /** Pinyin syllable → common characters read that way (homophone typos, shard keys of Han terms). */
  readings: Record<string, string>;
  /** Traditional → simplified pairs ("帳账賬账…") for the characters the content uses (OpenCC). */
  variants: string;
  /** `[alias, canonical]`: a query containing the alias also searches for the canonical word. */
  synonyms: [string, string][];
};

/** One index term (a Han bigram or single character, a Latin word or part). */
export type TermData = {
  /** Documents containing it, in any field. */
  df: number;
  /** Entries containing it in their question, answer or keywords, ascending. */
  e: number[];
  /** Their BM25F pseudo-frequency (field weights and length norms applied), ×100. */
  t: number[];
};

/** A run of Han characters of the questions spelled in pinyin: `[syllables, text, documents]`. */
export type PinyinWord = [string, string, number];

/** What one shard holds: the terms whose key (`shardKey`) hashes to it. */
export type ShardData = {
  terms: Record<string, TermData>;
  /** Entries whose question or keywords contain a Han character. */
  chars: Record<string, number[]>;
  /** Terms by reading (`"ren zheng"` → 认证): homophones of a term the content lacks. */
  sounds: Record<string, string[]>;
  /** Pinyin words by the first two letters of their pinyin (`p:re`) or initials (`i:rl`). */
  pinyin: Record<string, PinyinWord[]>;
  /**
   * In the browser's shards only: the words most often written after a Han character (退 → 退款,
   * 退费), kept with the character, so the worker can fetch their shards while the next one is typed.
   */
  next?: Record<string, string[]>;
};

/**
 * One entry: question, answer (its first characters), keywords, where it is shown
 * (`[page url, anchor id, page title, category title]`) and on how many places it appears.
 */
export type EntryData = { q: string; a: string; k: string; at: [string, string, string, string]; n: number };

/** An entry chunk: entries by number. */
export type ChunkData = { entries: Record<number, EntryData> };

/** The whole index in memory (CLI, tests, the build). */
export type IndexData = { meta: IndexMeta; shard: ShardData; entries: EntryData[] };

/**
 * The manifest the browser fetches first: the meta, the content-hashed file of each shard and
 * chunk, and what to fetch in the background after a first search: the first-keystroke pack, then
 * the `warm` shards (indexes into `shards`, most useful first).
 */
export type IndexManifest = IndexMeta & { shards: string[]; chunks: string[]; pack: string; warm: number[] };

/** Everything held under some shard keys (`keys`, complete for each), in one file: the first-keystroke pack. */
export type PackData = { keys: string[]; shard: ShardData };

/** One question as the UI sees it. */
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
};

/** Inclusive `[start, end]` ranges into the original string. */
export type Range = [number, number];

export type SearchHit = {
  doc: SearchDoc;
  /**
   * Lower is better, 0–1, rising down the list. For an answer, 1 − its fit in the final order
   * (`finalOrder`: 0 only for the best-scored question, covering every slot, with the query's very
   * characters); for a "possibly related" question, 1 − its relevance.
   */
  score: number;
  highlights: { question: Range[]; answer: Range[] };
};
