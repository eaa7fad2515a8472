import type { SearchDoc } from "./types";

/** Characters that carry a pinyin syllable in the index: Han, Latin letters, digits. */
export function isPinyinChar(c: string): boolean {
  return /[\p{Script=Han}a-zA-Z0-9]/u.test(c);
}

/** One way to read a question: syllables joined, where each syllable starts, and their initials. */
type Reading = { full: string; starts: Uint8Array; syllableAt: Int16Array; initials: string };
type Entry = { readings: Reading[]; positions: number[]; question: string; han: boolean[] };

function reading(syllables: string[]): Reading {
  const full = syllables.join("");
  const starts = new Uint8Array(full.length + 1);
  const syllableAt = new Int16Array(full.length + 1);
  let at = 0;
  syllables.forEach((s, i) => {
    starts[at] = 1;
    syllableAt.fill(i, at, at + s.length);
    at += s.length;
  });
  starts[full.length] = 1;
  return { full, starts, syllableAt, initials: syllables.map((s) => s[0] ?? "").join("") };
}

/**
 * Pinyin over questions, so a Latin word the content does not have can be read as Chinese: full
 * pinyin (`tuikuan` → 退款, `renlianshibie` → 人脸识别) or initials (`zdxf` → 自动续费) of any run of
 * Han characters in a question, two to six characters long for initials. A word must start on a
 * syllable; the last one may stop inside one, because it may still be being typed. A question whose
 * characters have other readings is also read with those (重置: zhongzhi in context, chongzhi as
 * customers type it). The Chinese a word reads as is then searched like typed Chinese. Substring
 * tests over prebuilt strings: a few milliseconds at 10,000 questions.
 */
export function createPinyinIndex(docs: SearchDoc[], readings: Record<string, string>) {
  const entries: Entry[] = docs.map((d) => {
    const all = d.syllables.map((s) => s.split("|"));
    const variants = [reading(all.map((r) => r[0]))];
    if (all.some((r) => r.length > 1)) variants.push(reading(all.map((r) => r[1] ?? r[0])));
    const positions: number[] = [];
    const han: boolean[] = [];
    Array.from(d.question).reduce((offset, c) => {
      if (isPinyinChar(c)) {
        positions.push(offset);
        han.push(/\p{Script=Han}/u.test(c));
      }
      return offset + c.length;
    }, 0);
    return { readings: variants, positions, question: d.question, han };
  });
  const readingOf = new Map<string, string>();
  for (const [syllable, chars] of Object.entries(readings)) for (const c of chars) if (!readingOf.has(c)) readingOf.set(c, syllable);

  /** The question's Han text for syllables `first`…`last`, or null when it is not all Han. */
  function hanSpan(e: Entry, first: number, last: number): string | null {
    for (let i = first; i <= last; i++) if (!e.han[i]) return null;
    const end = e.positions[last] + (e.question.codePointAt(e.positions[last])! > 0xffff ? 2 : 1);
    return e.question.slice(e.positions[first], end);
  }

  return {
    /**
     * What a Latin word reads as in the questions: the Chinese it spells in full pinyin or, failing
     * that, as initials; most frequent first. `open`: the word may still be being typed.
     */
    transliterate(word: string, open: boolean, max = 4): { text: string; initials: boolean }[] {
      const counts = new Map<string, number>();
      const count = (text: string | null) => text && counts.set(text, (counts.get(text) ?? 0) + 1);
      for (const e of entries) {
        const found = new Set<string>();
        for (const r of e.readings) {
          for (let at = r.full.indexOf(word); at !== -1; at = r.full.indexOf(word, at + 1)) {
            const end = at + word.length;
            if (r.starts[at] && (open || r.starts[end])) found.add(hanSpan(e, r.syllableAt[at], r.syllableAt[end - 1]) ?? "");
          }
        }
        for (const text of found) count(text);
      }
      const initials = counts.size === 0 && word.length >= 2 && word.length <= 6;
      if (initials) {
        for (const e of entries) {
          const found = new Set<string>();
          for (const r of e.readings) for (let at = r.initials.indexOf(word); at !== -1; at = r.initials.indexOf(word, at + 1)) found.add(hanSpan(e, at, at + word.length - 1) ?? "");
          for (const text of found) count(text);
        }
      }
      counts.delete("");
      return [...counts]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, max)
        .map(([text]) => ({ text, initials }));
    },
    /**
     * Homophones of a typed bigram the content lacks (认症 → 认证, 冲置 → 重置): content bigrams read
     * the same, most frequent first. Readings of question bigrams come from the index (words read
     * in context, so polyphones are right); others from the reading table.
     */
    homophoneTable(terms: Iterable<string>, df: (term: string) => number): (bigram: string) => string[] {
      const byReading = new Map<string, Set<string>>();
      const add = (reading: string, bigram: string) => {
        let set = byReading.get(reading);
        if (!set) byReading.set(reading, (set = new Set()));
        set.add(bigram);
      };
      const read = (bigram: string) => {
        const [a, b] = Array.from(bigram).map((c) => readingOf.get(c));
        return a && b ? `${a} ${b}` : null;
      };
      for (const term of terms) {
        const reading = Array.from(term).length === 2 && /^\p{Script=Han}+$/u.test(term) ? read(term) : null;
        if (reading) add(reading, term);
      }
      docs.forEach((d) => {
        const kept = Array.from(d.question).filter(isPinyinChar);
        for (let i = 0; i + 1 < kept.length; i++) {
          if (/\p{Script=Han}/u.test(kept[i]) && /\p{Script=Han}/u.test(kept[i + 1]) && d.syllables[i + 1]) add(`${d.syllables[i].split("|")[0]} ${d.syllables[i + 1].split("|")[0]}`, kept[i] + kept[i + 1]);
        }
      });
      return (bigram) => {
        const reading = read(bigram);
        const found = reading ? [...(byReading.get(reading) ?? [])].filter((b) => b !== bigram) : [];
        return found.sort((a, b) => df(b) - df(a) || (a < b ? -1 : 1));
      };
    },
  };
}
