import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { termKeys } from "./build-index";
import { readingTable, shardOf, soundOf, termKey } from "./shard-key";
import type { ChunkData, IndexData, IndexManifest, PackData, ShardData } from "./types";

/** Terms per shard, about: a query touches one shard per word, so each is small. */
const TERMS_PER_SHARD = 24;
const MAX_SHARDS = 1024;
/**
 * Gzip bytes the browser fetches in the background once a first search is done, so that the next
 * queries' keystrokes need no round trip (worker.ts): about one page's images. First the pack of
 * what a first keystroke needs (at most `PACK_BYTES`), then whole shards of frequent words.
 */
export const WARM_BYTES = 250_000;
export const PACK_BYTES = 120_000;

export type SearchIndexFiles = { manifest: string; files: Record<string, string> };

/**
 * Build side only (Node): the index as the browser fetches it, in `out/search-index/`: a manifest
 * (meta and the name of every shard and chunk), term shards (`termKeys`: Han terms by sound, Latin
 * words by their first letters, pinyin words by theirs) and entry chunks, each named by a hash of
 * its content, so browsers and CDNs may cache them forever and a new build is fetched at once.
 * (Relative imports: scripts/build.ts loads this from any working directory.)
 */
export function searchIndexFiles(data: IndexData): SearchIndexFiles {
  const readingOf = readingTable(data.meta.readings);
  const terms = Object.keys(data.shard.terms);
  const count = 2 ** Math.min(Math.log2(MAX_SHARDS), Math.max(3, Math.ceil(Math.log2(terms.length / TERMS_PER_SHARD))));
  // Everything a lookup by one key may need, by key; a shard holds the keys that hash to it.
  const groups = new Map<string, ShardData>();
  const at = (key: string) => groups.get(key) ?? groups.set(key, emptyShard()).get(key)!;
  for (const term of terms) for (const key of termKeys(term, readingOf)) at(key).terms[term] = data.shard.terms[term];
  for (const [c, entries] of Object.entries(data.shard.chars)) at(`c:${soundOf(c, readingOf)}`).chars[c] = entries;
  for (const [sound, list] of Object.entries(data.shard.sounds)) at(`${sound.includes(" ") ? "h" : "c"}:${sound}`).sounds[sound] = list;
  for (const [key, words] of Object.entries(data.shard.pinyin)) at(key).pinyin[key] = words;
  for (const [c, words] of nextWords(data)) (at(termKey(c, readingOf)).next ??= {})[c] = words;
  const keys = [...groups.keys()].sort();
  const shards: ShardData[] = Array.from({ length: count }, emptyShard);
  for (const key of keys) mergeShard(shards[shardOf(key, count)], groups.get(key)!);

  const files: Record<string, string> = {};
  const file = (kind: string, content: unknown) => {
    const json = JSON.stringify(content);
    const name = `${kind}.${createHash("sha256").update(json).digest("hex").slice(0, 12)}.json`;
    files[name] = json;
    return name;
  };
  const chunks: string[] = [];
  for (let first = 0; first < data.entries.length; first += data.meta.chunkSize) {
    const chunk: ChunkData = { entries: {} };
    data.entries.slice(first, first + data.meta.chunkSize).forEach((entry, i) => (chunk.entries[first + i] = entry));
    chunks.push(file("c", chunk));
  }
  const shardFiles = shards.map((s) => file("s", s));
  const pack = firstKeystrokePack(data, readingOf, groups);
  const packFile = file("p", pack.content);
  const warm = warmShards(data, readingOf, (i) => gzipSync(files[shardFiles[i]]).length, count, WARM_BYTES - pack.bytes);
  const manifest: IndexManifest = { ...data.meta, shards: shardFiles, chunks, pack: packFile, warm };
  return { manifest: file("index", manifest), files };
}

const emptyShard = (): ShardData => ({ terms: {}, chars: {}, sounds: {}, pinyin: {} });

function mergeShard(into: ShardData, from: ShardData) {
  Object.assign(into.terms, from.terms);
  Object.assign(into.chars, from.chars);
  Object.assign(into.sounds, from.sounds);
  Object.assign(into.pinyin, from.pinyin);
  if (from.next) Object.assign((into.next ??= {}), from.next);
}

/**
 * What a query's first keystroke looks up, whatever it is: the keys of single Han characters (one
 * per syllable, so a few hundred) and of single letters, with all they hold, in one file. Keys go
 * in by how many questions they concern, within `PACK_BYTES`.
 */
function firstKeystrokePack(data: IndexData, readingOf: ReturnType<typeof readingTable>, groups: Map<string, ShardData>): { content: PackData; bytes: number } {
  const weight = new Map<string, number>();
  const add = (key: string, n: number) => groups.has(key) && weight.set(key, (weight.get(key) ?? 0) + n);
  for (const [c, entries] of Object.entries(data.shard.chars)) add(`c:${soundOf(c, readingOf)}`, entries.length);
  for (const [letter, n] of letterCounts(data)) add(`l:${letter}`, n);
  const keys = [...weight].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  const packOf = (n: number): PackData => {
    const shard = emptyShard();
    const chosen = keys.slice(0, n).sort();
    for (const key of chosen) mergeShard(shard, groups.get(key)!);
    return { keys: chosen, shard };
  };
  const size = (n: number) => gzipSync(JSON.stringify(packOf(n))).length;
  // The most keys within the budget (the size grows with the keys taken).
  let [low, high] = [0, keys.length];
  if (size(high) > PACK_BYTES) {
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (size(mid) <= PACK_BYTES) low = mid;
      else high = mid - 1;
    }
  } else low = high;
  const content = packOf(low);
  return { content, bytes: gzipSync(JSON.stringify(content)).length };
}

/** Questions with a Latin word beginning with each letter. */
function letterCounts(data: IndexData): Map<string, number> {
  const letters = new Map<string, number>();
  for (const entry of data.entries) for (const letter of new Set(entry.q.toLowerCase().match(/\b[a-z]/g) ?? [])) letters.set(letter, (letters.get(letter) ?? 0) + 1);
  return letters;
}

/** Words after a Han character, and two-letter beginnings after a letter, that the worker fetches ahead (`ShardData.next`). */
const NEXT_WORDS = 4;
const LETTERS_AHEAD = 3;

/**
 * For each Han character, the two-character words that begin with it in the most documents; for
 * each letter, the two-letter beginnings of Latin and pinyin words that start with it most often.
 */
function nextWords(data: IndexData): Map<string, string[]> {
  const byFirst = new Map<string, [string, number][]>();
  for (const [term, t] of Object.entries(data.shard.terms)) {
    if (!/^\p{Script=Han}{2}$/u.test(term)) continue;
    const first = Array.from(term)[0];
    byFirst.set(first, [...(byFirst.get(first) ?? []), [term, t.df]]);
  }
  const out = new Map<string, string[]>();
  for (const [first, words] of [...byFirst].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    out.set(first, words.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, NEXT_WORDS).map(([w]) => w));
  }
  const starts = new Map<string, number>();
  const count = (start: string, n: number) => /^[a-z]{2}$/.test(start) && starts.set(start, (starts.get(start) ?? 0) + n);
  for (const [term, t] of Object.entries(data.shard.terms)) count(term.slice(0, 2), t.df);
  for (const [key, words] of Object.entries(data.shard.pinyin)) count(key.slice(2), words.reduce((n, w) => n + w[2], 0));
  const byLetter = new Map<string, [string, number][]>();
  for (const [start, n] of starts) byLetter.set(start[0], [...(byLetter.get(start[0]) ?? []), [start, n]]);
  for (const [letter, list] of [...byLetter].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    out.set(letter, list.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, LETTERS_AHEAD).map(([w]) => w));
  }
  return out;
}

/**
 * Whole shards fetched after the pack, most useful first, within `budget`: those of the most
 * frequent two-character words (a query's second keystroke usually makes one). Chosen from the
 * content alone, not from any query.
 */
function warmShards(data: IndexData, readingOf: ReturnType<typeof readingTable>, gzipBytes: (shard: number) => number, count: number, budget: number): number[] {
  const words = Object.entries(data.shard.terms).flatMap(([term, t]): [string, number][] => (/^\p{Script=Han}{2}$/u.test(term) ? [[`h:${soundOf(term, readingOf)}`, t.df]] : []));
  words.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const warm: number[] = [];
  const seen = new Set<number>();
  let bytes = 0;
  for (const [key] of words) {
    const shard = shardOf(key, count);
    if (seen.has(shard)) continue;
    seen.add(shard);
    bytes += gzipBytes(shard);
    if (bytes > budget) break;
    warm.push(shard);
  }
  return warm;
}
