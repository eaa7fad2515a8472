import { createHash } from "node:crypto";
import { termKeys } from "./build-index";
import { readingTable, shardOf, soundOf } from "./shard-key";
import type { ChunkData, IndexData, IndexManifest, ShardData } from "./types";

/** Terms per shard, about: a query touches one shard per word, so each is small. */
const TERMS_PER_SHARD = 24;
const MAX_SHARDS = 1024;

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
  const shards: ShardData[] = Array.from({ length: count }, () => ({ terms: {}, chars: {}, sounds: {}, pinyin: {} }));
  const at = (key: string) => shards[shardOf(key, count)];
  for (const term of terms) for (const key of termKeys(term, readingOf)) at(key).terms[term] = data.shard.terms[term];
  for (const [c, entries] of Object.entries(data.shard.chars)) at(`c:${soundOf(c, readingOf)}`).chars[c] = entries;
  for (const [sound, list] of Object.entries(data.shard.sounds)) at(`${sound.includes(" ") ? "h" : "c"}:${sound}`).sounds[sound] = list;
  for (const [key, words] of Object.entries(data.shard.pinyin)) at(key).pinyin[key] = words;

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
  const manifest: IndexManifest = { ...data.meta, shards: shards.map((s) => file("s", s)), chunks };
  return { manifest: file("index", manifest), files };
}
