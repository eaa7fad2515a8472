import type { IndexSource } from "./index-source";
import { pinyinKey, soundOf } from "./shard-key";
import type { PinyinWord } from "./types";

/**
 * What a Latin word the content does not have reads as: the runs of question characters (two to six,
 * `build-index.ts`) or the answers' words it spells in full pinyin (`tuikuan` → 退款, `renlianshibie`
 * → 人脸识别, `fapiao` → 发票) or, failing that, the question runs it spells as initials (`zdxf` →
 * 自动续费), most common first. A word must spell whole syllables; the
 * last one may stop inside one when `open`, because it may still be being typed.
 */
export function transliterate(source: IndexSource, word: string, open: boolean, max = 4): { text: string; initials: boolean }[] {
  if (word.length < 2) return [];
  const counts = new Map<string, number>();
  const count = ([, text, n]: PinyinWord) => counts.set(text, (counts.get(text) ?? 0) + n);
  for (const w of source.pinyin(pinyinKey("p", word))) if (spells(w[0].split(" "), word, open)) count(w);
  const initials = counts.size === 0 && word.length <= 6;
  if (initials) for (const w of source.pinyin(pinyinKey("i", word))) if (w[0].split(" ").map((s) => s[0]).join("") === word) count(w);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([text]) => ({ text, initials }));
}

/**
 * The two-character question runs and answer words whose pinyin (or, failing that, the question
 * runs whose initials) begins with these
 * letters, most common first (`ren` → 人脸, 认证…; `rl` → 人脸…): what the word being typed is
 * about to read as. (A longer word's first two characters are one of these.)
 */
export function readingsBeginning(source: IndexSource, word: string, max = 4): string[] {
  if (word.length < 2) return [];
  const counts = new Map<string, number>();
  const add = (kind: "p" | "i", letters: (syllables: string[]) => string) => {
    for (const [syllables, text, n] of source.pinyin(pinyinKey(kind, word))) {
      if (Array.from(text).length === 2 && letters(syllables.split(" ")).startsWith(word)) counts.set(text, (counts.get(text) ?? 0) + n);
    }
  };
  add("p", (s) => s.join(""));
  // Initials: only two letters can begin a two-character word's (and a search for them loaded their key).
  if (counts.size === 0 && word.length === 2) add("i", (s) => s.map((x) => x[0]).join(""));
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([text]) => text);
}

/** Whether the syllables spell exactly the word (or, `open`, the word stops inside the last one). */
function spells(syllables: string[], word: string, open: boolean): boolean {
  let at = 0;
  for (let i = 0; i < syllables.length; i++) {
    const s = syllables[i];
    const last = i === syllables.length - 1;
    if (word.startsWith(s, at)) at += s.length;
    else return open && last && at < word.length && s.startsWith(word.slice(at));
    if (at === word.length) return last;
  }
  return false;
}

/**
 * Homophones of a Han bigram the content lacks (认症 → 认证, 冲置 → 重置): content bigrams read the
 * same, in any reading of their characters, most frequent first.
 */
export function homophones(source: IndexSource, bigram: string, df: (term: string) => number): string[] {
  return source
    .sounds(soundOf(bigram, source.readingOf))
    .filter((b) => b !== bigram)
    .sort((a, b) => df(b) - df(a) || (a < b ? -1 : 1));
}
