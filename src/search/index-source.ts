import { pinyinKey, readingTable, shardOf, termKey, type ReadingOf } from "./shard-key";
import type { ChunkData, EntryData, IndexData, IndexManifest, IndexMeta, PackData, PinyinWord, ShardData, TermData } from "./types";

/**
 * What the engine reads of the index. Two kinds: the whole index in memory (the CLI, the tests),
 * and the browser's, which holds only the shards and chunks fetched so far and records which files
 * a search needed but did not have (`missing`); the worker fetches those and searches again. The
 * engine is the same over both, so both give the same results.
 */
export interface IndexSource {
  readonly meta: IndexMeta;
  readonly readingOf: ReadingOf;
  term(term: string): TermData | undefined;
  /** Entries whose question or keywords contain the Han character. */
  chars(c: string): number[] | undefined;
  /** Han terms that sound like this (`"ren zheng"` → 认证). */
  sounds(sound: string): string[];
  /** Pinyin words by key (`p:re`, `i:rl`). */
  pinyin(key: string): PinyinWord[];
  /** Latin terms beginning with these two letters. */
  latinTerms(start: string): string[];
  entry(entry: number): EntryData | undefined;
}

/** The whole index in memory. */
export function memorySource(data: IndexData): IndexSource {
  const latin = latinIndex(data.shard);
  return {
    meta: data.meta,
    readingOf: readingTable(data.meta.readings),
    term: (term) => data.shard.terms[term],
    chars: (c) => data.shard.chars[c],
    sounds: (sound) => data.shard.sounds[sound] ?? [],
    pinyin: (key) => data.shard.pinyin[key] ?? [],
    latinTerms: (start) => latin.get(start) ?? [],
    entry: (entry) => data.entries[entry],
  };
}

export type ShardedSource = IndexSource & {
  /** Files a search asked for that are not loaded yet. */
  missing(): string[];
  /** Adds a fetched file (a shard or an entry chunk, as `missing` named it, or the pack). */
  add(file: string, data: ShardData | ChunkData | PackData): void;
  /** Files loaded so far. */
  loaded(): number;
  /** What to fetch in the background not loaded yet, most useful first: the pack, then the warm shards. */
  warm(): string[];
  /**
   * Shards not loaded yet of the words most often written after this Han character, or of the
   * two-letter beginnings most common after this letter (`ShardData.next`), when its own shard is
   * loaded; asks for nothing.
   */
  ahead(c: string): string[];
  /** Shards not loaded yet that hold these index terms (the bigrams of what a Latin word being typed reads as); asks for nothing. */
  filesFor(terms: string[]): string[];
};

/** The browser's index: the manifest, and whatever shards and chunks have been fetched. */
export function shardedSource(manifest: IndexManifest): ShardedSource {
  const readingOf = readingTable(manifest.readings);
  const count = manifest.shards.length;
  const shards = new Map<number, ShardData>();
  const chunks = new Map<number, ChunkData>();
  /** The first-keystroke pack, once fetched: complete for its keys, so their shards are not needed. */
  let pack: { keys: Set<string>; shard: ShardData } | undefined;
  const latin = new Map<ShardData, Map<string, string[]>>();
  const wanted = new Set<string>();
  /** The data held under a key, if at hand; `want`: else note its shard as missing. */
  const shardFor = (key: string, want = true): ShardData | undefined => {
    if (pack?.keys.has(key)) return pack.shard;
    const i = shardOf(key, count);
    const shard = shards.get(i);
    if (!shard && want) wanted.add(manifest.shards[i]);
    return shard;
  };
  const chunkFor = (entry: number): ChunkData | undefined => {
    const i = Math.floor(entry / manifest.chunkSize);
    const chunk = chunks.get(i);
    if (!chunk && i < manifest.chunks.length) wanted.add(manifest.chunks[i]);
    return chunk;
  };
  return {
    meta: manifest,
    readingOf,
    term: (term) => shardFor(termKey(term, readingOf))?.terms[term],
    chars: (c) => shardFor(termKey(c, readingOf))?.chars[c],
    sounds: (sound) => shardFor(`${sound.includes(" ") ? "h" : "c"}:${sound}`)?.sounds[sound] ?? [],
    pinyin: (key) => shardFor(key)?.pinyin[key] ?? [],
    latinTerms(start) {
      const shard = shardFor(`l:${start}`);
      if (!shard) return [];
      if (!latin.has(shard)) latin.set(shard, latinIndex(shard));
      return latin.get(shard)!.get(start) ?? [];
    },
    entry: (entry) => chunkFor(entry)?.entries[entry],
    missing: () => [...wanted],
    add(file, data) {
      wanted.delete(file);
      if (file === manifest.pack) {
        const { keys, shard } = data as PackData;
        pack = { keys: new Set(keys), shard };
      }
      const shard = manifest.shards.indexOf(file);
      if (shard >= 0) shards.set(shard, data as ShardData);
      const chunk = manifest.chunks.indexOf(file);
      if (chunk >= 0) chunks.set(chunk, data as ChunkData);
    },
    loaded: () => shards.size + chunks.size + (pack ? 1 : 0),
    warm: () => [...(manifest.pack && !pack ? [manifest.pack] : []), ...(manifest.warm ?? []).filter((i) => !shards.has(i)).map((i) => manifest.shards[i])],
    ahead(c) {
      const words = shardFor(termKey(c, readingOf), false)?.next?.[c] ?? [];
      // A word's own shard; for two letters, those of Latin words and of pinyin spelled or initials.
      const keys = words.flatMap((w) => (/^[a-z]/.test(w) ? [termKey(w, readingOf), pinyinKey("p", w), pinyinKey("i", w)] : [termKey(w, readingOf)]));
      return unloaded(keys);
    },
    filesFor: (terms) => unloaded(terms.map((t) => termKey(t, readingOf))),
  };

  /** The shard files of these keys that are neither loaded nor in the pack. */
  function unloaded(keys: string[]): string[] {
    const files = keys.filter((k) => !pack?.keys.has(k)).map((k) => shardOf(k, count)).filter((i) => !shards.has(i));
    return [...new Set(files)].map((i) => manifest.shards[i]);
  }
}

/** Latin terms of a shard by their first two letters. */
function latinIndex(shard: ShardData): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const term of Object.keys(shard.terms)) {
    if (!/^[-a-z0-9]/.test(term)) continue;
    const start = term.slice(0, 2);
    out.set(start, [...(out.get(start) ?? []), term]);
  }
  return out;
}

