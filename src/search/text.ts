/**
 * Text handling shared by the index build and the query, so both sides see the same tokens.
 * No dependencies: this file ships to the browser.
 */

/**
 * Characters folded beyond traditional → simplified: simplified variants the content does not use
 * (帐号 → 账号). Traditional characters come from OpenCC at build time, in the index (`variants`).
 */
const VARIANT_CHARS: Record<string, string> = { 帐: "账" };

/** A simplified character as the content writes it (帐 → 账). */
export const foldVariant = (c: string): string => VARIANT_CHARS[c] ?? c;

const HAN = /\p{Script=Han}/u;
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}_.-])+/gu;

export type Normalizer = {
  /** One code point → its search form: NFKC (full-width → half-width), lower case, simplified. */
  char(c: string): string;
  /** Normalized text of the same shape as `withMap(text).text`. */
  chars(text: string): string;
  /** Normalized text with white space collapsed: for queries and synonyms. */
  text(text: string): string;
  /** Normalized text plus, for each UTF-16 unit of it, its index in the original string (highlights). */
  withMap(text: string): { text: string; map: number[] };
};

/**
 * A normalizer with a traditional → simplified table: `variants` is a string of pairs
 * ("帳账賬账…"), as the index carries it for the characters its content uses.
 */
export function createNormalizer(variants = ""): Normalizer {
  const table: Record<string, string> = { ...VARIANT_CHARS };
  const pairs = Array.from(variants);
  for (let i = 0; i + 1 < pairs.length; i += 2) table[pairs[i]] = VARIANT_CHARS[pairs[i + 1]] ?? pairs[i + 1];
  const char = (c: string): string => {
    const code = c.charCodeAt(0);
    // Fast paths: ASCII and common CJK ideographs are already NFKC (the index build normalizes
    // hundreds of thousands of characters, and the full path is ten times slower).
    if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c;
    if (code >= 0x4e00 && code <= 0x9fff) return table[c] ?? c;
    return (table[c] ?? c).normalize("NFKC").toLowerCase();
  };
  const chars = (text: string) => {
    let out = "";
    for (const c of text) out += char(c);
    return out;
  };
  return {
    char,
    chars,
    text: (text) => chars(text).replace(/\s+/g, " ").trim(),
    withMap(text) {
      let out = "";
      const map: number[] = [];
      let i = 0;
      for (const c of text) {
        const n = char(c);
        out += n;
        for (let k = 0; k < n.length; k++) map.push(i);
        i += c.length;
      }
      return { text: out, map };
    },
  };
}

/** Normalization without a traditional table: for text that is not searched (synonym file keys). */
export const plainNormalizer = createNormalizer();

/** A run of Han characters, or a Latin/digit word, with its offset in the text. */
export type Run = { text: string; at: number; han: boolean };

export function runsOf(text: string): Run[] {
  const out: Run[] = [];
  for (const m of text.matchAll(RUN)) out.push({ text: m[0], at: m.index, han: HAN.test(m[0][0]) });
  return out;
}

/** A Latin word as indexed: inner `.`, `_`, `-` kept (`failedoperation.imagesizetoolarge`, `-1101`). */
export function cleanWord(run: string): string {
  return run.replace(/^[._-]+(?=[^\d])|[._-]+$/g, "");
}

/**
 * The parts of a compound identifier, also indexed: `failedoperation.x` → `failedoperation`, `x`;
 * and a hyphenated name written solid, as customers type it (`uni-app` → `uniapp`, `wi-fi` → `wifi`).
 */
export function wordParts(word: string): string[] {
  if (!/[._-]/.test(word.slice(1))) return [];
  const parts = word.split(/[._-]+/).filter((part) => part.length > 1);
  const solid = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(word) ? [word.replace(/-/g, "")] : [];
  return [...parts, ...solid];
}

/**
 * Index tokens: overlapping CJK bigrams (a lone Han character stays a unigram) plus Latin/digit
 * words and their parts. Bigrams need no dictionary and behave the same in Node and every
 * browser; a word segmenter does not.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const run of runsOf(text)) {
    if (!run.han) {
      const word = cleanWord(run.text);
      if (word) out.push(word, ...wordParts(word));
      continue;
    }
    const chars = Array.from(run.text);
    if (chars.length === 1) out.push(chars[0]);
    else for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  }
  return out;
}

export function isHan(c: string): boolean {
  return HAN.test(c);
}

/** Error codes and identifiers: words with digits or inner `.`, `_`, `-` (`-1101`, `failedoperation.x`). */
export function isCodeToken(token: string): boolean {
  return /^[-a-z0-9._]+$/.test(token) && /\d|[a-z][._-][a-z]/.test(token);
}
