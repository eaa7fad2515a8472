import type { Range, SearchDoc } from "./types";

/** Characters that carry a pinyin syllable in the index: Han, Latin letters, digits. */
export function isPinyinChar(c: string): boolean {
  return /[\p{Script=Han}a-zA-Z0-9]/u.test(c);
}

type Entry = { full: string; starts: Uint8Array; initials: string; positions: number[]; syllables: number };
export type PinyinMatch = { index: number; score: number; question: Range[] };

/**
 * Pinyin search over questions: full pinyin with or without spaces (`renlian shibie`,
 * `renlianshibie`), initials (`rlsb`, `zzh smrz`), and Chinese typed with a wrong homophone
 * (`实名认症` is read as shi ming ren zheng). Words must start on a syllable; only the last may stop
 * inside one, because it may still be being typed. Exact substring tests over prebuilt strings:
 * a few milliseconds at 10,000 questions, where a fuzzy scan takes tens.
 */
export function createPinyinIndex(docs: SearchDoc[], readings: Record<string, string>) {
  const entries: Entry[] = docs.map((d) => {
    const full = d.syllables.join("");
    const starts = new Uint8Array(full.length + 1);
    let at = 0;
    for (const s of d.syllables) {
      starts[at] = 1;
      at += s.length;
    }
    starts[full.length] = 1;
    const positions: number[] = [];
    Array.from(d.question).reduce((offset, c) => (isPinyinChar(c) && positions.push(offset), offset + c.length), 0);
    return { full, starts, initials: d.syllables.map((s) => s[0] ?? "").join(""), positions, syllables: d.syllables.length };
  });
  const readingOf = new Map<string, string>();
  for (const [syllable, chars] of Object.entries(readings)) for (const c of chars) if (!readingOf.has(c)) readingOf.set(c, syllable);

  /** Syllable index range `[first, last]` a full-pinyin word covers, or null. */
  function findFull(e: Entry, word: string, open: boolean): [number, number] | null {
    for (let at = e.full.indexOf(word); at !== -1; at = e.full.indexOf(word, at + 1)) {
      const end = at + word.length;
      if (e.starts[at] && (open || e.starts[end])) return [syllableAt(e, at), syllableAt(e, end - 1)];
    }
    return null;
  }

  function matchWords(words: string[], strict: boolean): PinyinMatch[] {
    const out: PinyinMatch[] = [];
    entries.forEach((e, index) => {
      const covered: [number, number][] = [];
      let viaInitials = false;
      for (let i = 0; i < words.length; i++) {
        const word = words[i];
        const hit = findFull(e, word, !strict && i === words.length - 1);
        if (hit) covered.push(hit);
        else if (!strict && word.length >= 2 && e.initials.includes(word)) {
          const at = e.initials.indexOf(word);
          covered.push([at, at + word.length - 1]);
          viaInitials = true;
        } else return;
      }
      const share = covered.reduce((n, [a, b]) => n + b - a + 1, 0) / Math.max(1, e.syllables);
      out.push({ index, score: 0.5 - 0.3 * share + (viaInitials ? 0.1 : 0), question: covered.map(([a, b]) => [e.positions[a], e.positions[b]]) });
    });
    return out.sort((a, b) => a.score - b.score || a.index - b.index);
  }

  return {
    /** A Latin query read as pinyin words or initials. */
    searchLatin(query: string): PinyinMatch[] {
      const words = query.split(/[\s']+/).filter(Boolean);
      const joined = words.join("");
      // `renlianshibie` and `rlsb` arrive as one word: try it whole first.
      if (joined.length < 2) return [];
      const spaced = words.length > 1 ? matchWords(words, false) : [];
      return spaced.length ? spaced : matchWords([joined], false);
    },
    /** Chinese read aloud: finds questions that sound like the query (whole syllables only). */
    searchHomophones(han: string): PinyinMatch[] {
      const syllables = Array.from(han).map((c) => readingOf.get(c));
      if (syllables.length < 2 || syllables.some((s) => !s)) return [];
      return matchWords([syllables.join("")], true);
    },
  };
}

function syllableAt(e: Entry, offset: number): number {
  let n = -1;
  for (let i = 0; i <= offset; i++) if (e.starts[i]) n++;
  return n;
}
