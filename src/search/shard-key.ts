/**
 * Where a term lives in the sharded index, the same on the build side and in the browser. Han terms
 * are keyed by how they sound, so a typed word the content lacks (认症) finds the content's
 * homophones (认证) in the very shard it fetches for itself; Latin words by their first two letters,
 * so a word being typed (`failedop`) finds its completions there; pinyin words by the first two
 * letters of their pinyin or initials.
 */
export type ReadingOf = (c: string) => string | undefined;

/** Character → its first reading, from the index's reading table (syllable → characters). */
export function readingTable(readings: Record<string, string>): ReadingOf {
  const table = new Map<string, string>();
  for (const [syllable, chars] of Object.entries(readings)) for (const c of chars) if (!table.has(c)) table.set(c, syllable);
  return (c) => table.get(c);
}

const HAN = /^\p{Script=Han}/u;

/** The reading of a Han term, one syllable per character (a character without one stands for itself). */
export function soundOf(term: string, readingOf: ReadingOf): string {
  return Array.from(term, (c) => readingOf(c) ?? c).join(" ");
}

/** The shard key of an index term: `h:ren zheng`, `c:ren`, `l:fa`. */
export function termKey(term: string, readingOf: ReadingOf): string {
  if (!HAN.test(term)) return `l:${term.slice(0, 2)}`;
  return `${Array.from(term).length === 1 ? "c" : "h"}:${soundOf(term, readingOf)}`;
}

/** Shard keys of pinyin words: full pinyin and initials, by their first two letters. */
export const pinyinKey = (kind: "p" | "i", letters: string) => `${kind}:${letters.slice(0, 2)}`;

/** Which of `count` shards a key is in (FNV-1a). */
export function shardOf(key: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % count;
}
