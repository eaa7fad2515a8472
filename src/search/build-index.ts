import { pinyin } from "pinyin-pro";
import { pageEntries, type Site } from "../content/types";
import { BM25F } from "./bm25f";
import { generalWeight } from "./general-weights";
import { SEARCH_LIMITS } from "./options";
import { readingTable, soundOf, termKey } from "./shard-key";
import { createNormalizer, isHan, runsOf, tokenize } from "./text";
import type { EntryData, IndexData, PinyinWord, ShardData } from "./types";
import { traditionalPairs } from "./variants";

/** Entries per entry chunk: the questions a query ranks first come in a few small files. */
const CHUNK_SIZE = 64;
/** Runs of question characters spelled in pinyin, from two to this many characters. */
const PINYIN_SPAN = 6;

/**
 * Build side only (Node): site records → the whole search index (see types.ts). Pinyin is
 * computed here, with pinyin-pro's word dictionary for polyphones, so no pinyin library reaches the
 * browser; so are the BM25F frequencies, so the browser builds no index of its own.
 */
export function buildIndexData(site: Site, synonyms: [string, string][] = []): IndexData {
  const places: { q: string; a: string; k: string; rest: string; places: { url: string; id: string; page: string; category: string }[] }[] = [];
  const entryOf = new Map<string, number>();
  for (const category of site.categories) {
    for (const page of category.pages) {
      for (const entry of pageEntries(page)) {
        const data = { q: entry.question, a: entry.text.slice(0, SEARCH_LIMITS.answerChars), k: (page.keywords[entry.id] ?? []).join(" ") };
        const key = `${data.q}\u0000${data.a}\u0000${data.k}`;
        let e = entryOf.get(key);
        if (e === undefined) entryOf.set(key, (e = places.push({ ...data, rest: entry.text.slice(SEARCH_LIMITS.answerChars), places: [] }) - 1));
        places[e].places.push({ url: page.url, id: entry.id, page: page.title, category: category.title });
      }
    }
  }
  const entries: EntryData[] = places.map((p) => ({ q: p.q, a: p.a, k: p.k, at: [p.places[0].url, p.places[0].id, p.places[0].page, p.places[0].category], n: p.places.length }));
  const text = [places.flatMap((p) => [p.q, p.a, p.k, ...p.places.flatMap((at) => [at.page, at.category])]), synonyms.flat()].flat().join("");
  const contentChars = new Set(Array.from(text).filter(isHan));
  const variants = traditionalPairs(contentChars);
  const normalizer = createNormalizer(variants);
  const readings = commonReadings(contentChars);
  const readingOf = readingTable(readings);
  const docs = entries.reduce((n, e) => n + e.n, 0);
  const meta = { version: 4 as const, docs, entries: entries.length, chunkSize: CHUNK_SIZE, readings, variants, synonyms };

  const topics = pageTopics(site, normalizer);
  const bm25f = new BM25F(
    places.map((p) => ({
      question: normalizer.chars(p.q),
      answer: normalizer.chars(p.a),
      keywords: normalizer.text(p.k),
      answerLatin: latinWords(normalizer.text(p.rest)),
      // The titles all its places share: a product name only some of them carry cannot rank it.
      context: sharedTokens(p.places.map((at) => [...tokenize(normalizer.text(`${at.page} ${at.category}`)), ...(topics.get(at.url) ?? []).flatMap((w) => tokenize(w))])),
      count: p.places.length,
    })),
  );
  const shard: ShardData = { terms: {}, chars: {}, sounds: {}, pinyin: {} };
  const terms = new Map<string, { e: number[]; t: number[] }>();
  entries.forEach((_, e) => {
    for (const [term, tf] of bm25f.frequencies(e)) {
      const t = terms.get(term) ?? terms.set(term, { e: [], t: [] }).get(term)!;
      t.e.push(e);
      t.t.push(Math.round(tf * 100));
    }
  });
  for (const [term, t] of [...terms].sort(([a], [b]) => (a < b ? -1 : 1))) {
    shard.terms[term] = { df: t.e.reduce((n, e) => n + entries[e].n, 0), e: t.e, t: t.t };
    if (isHan(term[0])) for (const sound of soundsOf(term, readingOf)) (shard.sounds[sound] ??= []).push(term);
  }
  entries.forEach((entry, e) => {
    for (const c of new Set(Array.from(normalizer.chars(entry.q) + normalizer.text(entry.k)))) if (isHan(c)) (shard.chars[c] ??= []).push(e);
  });
  shard.pinyin = pinyinWords(
    entries.map((entry) => ({ question: normalizer.chars(entry.q), count: entry.n })),
    entries.map((entry) => ({ words: answerWords(normalizer.chars(entry.a)), count: entry.n })),
  );
  return { meta, shard, entries };
}

/** The Latin and digit words of a text, with their parts: error messages, codes, API and product names. */
function latinWords(text: string): string[] {
  return tokenize(text).filter((token) => !isHan(token[0]));
}

/** The tokens every one of several lists has (each as often as in the one with fewest). */
function sharedTokens(lists: string[][]): string[] {
  const counts = lists.map((tokens) => {
    const c = new Map<string, number>();
    for (const token of tokens) c.set(token, (c.get(token) ?? 0) + 1);
    return c;
  });
  const out: string[] = [];
  for (const [token, n] of counts[0]) {
    const shared = Math.min(n, ...counts.map((c) => c.get(token) ?? 0));
    for (let i = 0; i < shared; i++) out.push(token);
  }
  return out;
}

/**
 * A page's topic: a word at least `min` and `share` of its entries have, that at most `pages` of the
 * site's pages have at all; its `max` most distinctive (entries having it × log of its page IDF).
 * Chosen on the tuning halves (see README "Search quality").
 */
const TOPICS = { share: 0.2, min: 3, pages: 0.1, max: 5 };

const wordSegmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** The distinct words of a text that can name something: Han words of two or more characters, Latin words. */
function wordsOf(text: string): Set<string> {
  const words = Array.from(wordSegmenter.segment(text), (s) => s.segment);
  return new Set(words.filter((w) => (isHan(w[0]) ? Array.from(w).length > 1 : /^[a-z][a-z0-9.-]+$/.test(w))));
}

/**
 * What each page is about: the words (as a word segmenter cuts them) that many of its questions
 * have and few other pages do (云防火墙 on the Cloud Firewall page, where most questions leave it
 * out). Their terms join every entry's context, so a query naming the product finds that page's
 * other questions too, and one naming another product does not. Questions only: their answers
 * changed the tuning halves by one query and made the index build five times slower (13 s instead
 * of 2.5 s at 100,000 questions).
 */
function pageTopics(site: Site, normalizer: ReturnType<typeof createNormalizer>): Map<string, string[]> {
  const pages = site.categories.flatMap((c) => c.pages);
  const perPage = pages.map((page) => {
    const counts = new Map<string, number>();
    const entries = pageEntries(page);
    for (const entry of entries) for (const w of wordsOf(normalizer.text(entry.question))) counts.set(w, (counts.get(w) ?? 0) + 1);
    return { url: page.url, size: entries.length, counts };
  });
  // Topics tell pages apart: a site of one page has none.
  if (perPage.length < 2) return new Map();
  const pagesWith = new Map<string, number>();
  for (const p of perPage) for (const w of p.counts.keys()) pagesWith.set(w, (pagesWith.get(w) ?? 0) + 1);
  const out = new Map<string, string[]>();
  for (const p of perPage) {
    const idf = (w: string) => Math.log(perPage.length / pagesWith.get(w)!);
    const topics = [...p.counts]
      .filter(([w, n]) => generalWeight(w) >= 0.7 && n >= Math.max(TOPICS.min, TOPICS.share * p.size) && pagesWith.get(w)! <= Math.max(1, TOPICS.pages * perPage.length))
      .sort((a, b) => b[1] * idf(b[0]) - a[1] * idf(a[0]) || (a[0] < b[0] ? -1 : 1))
      .slice(0, TOPICS.max)
      .map(([w]) => w);
    out.set(p.url, topics);
  }
  return out;
}

/**
 * Every way a Han term can be read, as shard keys are made: the first reading of each character
 * in the reading table, and its other readings. The browser computes the first; the others put
 * 重置 where 冲置 (chong zhi) looks for it.
 */
function soundsOf(term: string, readingOf: (c: string) => string | undefined): string[] {
  const options = Array.from(term, (c) => [...new Set([readingOf(c) ?? c, ...(readingOf(c) ? allReadings(c) : [])])].slice(0, 3));
  const out = new Set<string>([soundOf(term, readingOf)]);
  const walk = (i: number, acc: string[]) => {
    if (i === options.length) out.add(acc.join(" "));
    else for (const r of options[i]) walk(i + 1, [...acc, r]);
  };
  walk(0, []);
  return [...out];
}

/** Also the shard keys of a Han term (build side): the key of each of its sounds. */
export function termKeys(term: string, readingOf: (c: string) => string | undefined): string[] {
  if (!isHan(term[0])) return [termKey(term, readingOf)];
  const kind = Array.from(term).length === 1 ? "c" : "h";
  return soundsOf(term, readingOf).map((sound) => `${kind}:${sound}`);
}

const allReadings = (c: string) => pinyin(c, { toneType: "none", v: true, multiple: true, type: "array" }).map((r) => r.toLowerCase());

/**
 * Runs of two to six Han characters of the questions in pinyin, as read in context and with the
 * other readings of their characters (pinyin-pro reads 重置 as zhong zhi; customers type chongzhi),
 * and how many documents' questions have each: a Latin word the content lacks is read as these.
 * Also the words of the answers (of their indexed part), in full pinyin only.
 */
function pinyinWords(questions: { question: string; count: number }[], answers: { words: string[]; count: number }[]): Record<string, PinyinWord[]> {
  const counts = new Map<string, number>();
  // The words of the answers, in full pinyin only (fapiao → 发票, which only answers write); their
  // initials would read as too much.
  const spelled = new Map<string, number>();
  const read = new Map<string, string[][]>();
  for (const { words, count } of answers) {
    const seen = new Set<string>();
    for (const word of words) for (const syllables of readingsOf(word, read)) seen.add(`${syllables.join(" ")}\u0000${word}`);
    for (const key of seen) spelled.set(key, (spelled.get(key) ?? 0) + count);
  }
  for (const { question, count } of questions) {
    const seen = new Set<string>();
    for (const run of runsOf(question)) {
      if (!run.han) continue;
      const chars = Array.from(run.text);
      const inContext = pinyin(run.text, { toneType: "none", type: "array", v: true });
      const primary = inContext.length === chars.length ? inContext : chars.map((c) => pinyin(c, { toneType: "none", v: true }));
      const other = chars.map((c, i) => allReadings(c).find((r) => r !== primary[i]) ?? primary[i]);
      for (const syllables of primary.join() === other.join() ? [primary] : [primary, other]) {
        for (let i = 0; i < chars.length; i++) {
          for (let j = i + 2; j <= Math.min(chars.length, i + PINYIN_SPAN); j++) seen.add(`${syllables.slice(i, j).join(" ")}\u0000${chars.slice(i, j).join("")}`);
        }
      }
    }
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + count);
  }
  const out: Record<string, PinyinWord[]> = {};
  for (const [key, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [syllables, text] = key.split("\u0000");
    const word: PinyinWord = [syllables, text, count];
    const letters = syllables.replaceAll(" ", "");
    const initials = syllables.split(" ").map((s) => s[0]).join("");
    (out[`p:${letters.slice(0, 2)}`] ??= []).push(word);
    (out[`i:${initials.slice(0, 2)}`] ??= []).push(word);
  }
  for (const [key, count] of [...spelled].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (counts.has(key)) continue; // a question word: there already
    const [syllables, text] = key.split("\u0000");
    (out[`p:${syllables.replaceAll(" ", "").slice(0, 2)}`] ??= []).push([syllables, text, count]);
  }
  for (const words of Object.values(out)) words.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return out;
}

/** A word's pinyin as read in context, and with its characters' other readings (`known`: words read already). */
function readingsOf(word: string, known: Map<string, string[][]>): string[][] {
  const cached = known.get(word);
  if (cached) return cached;
  const chars = Array.from(word);
  const inContext = pinyin(word, { toneType: "none", type: "array", v: true });
  const primary = inContext.length === chars.length ? inContext : chars.map((c) => pinyin(c, { toneType: "none", v: true }));
  const other = chars.map((c, i) => allReadings(c).find((r) => r !== primary[i]) ?? primary[i]);
  const readings = primary.join() === other.join() ? [primary] : [primary, other];
  known.set(word, readings);
  return readings;
}

/** The Han words of two to four characters of an answer, as a word segmenter cuts them. */
function answerWords(text: string): string[] {
  return [...wordsOf(text)].filter((w) => isHan(w[0]) && Array.from(w).length <= 4);
}

/**
 * Readings of the 3,755 most common characters (GB2312 level 1) plus every character of the
 * content, so `实名认症` can be read as shi ming ren zheng and still find 实名认证.
 */
function commonReadings(contentChars: Set<string>): Record<string, string> {
  const chars = new Set<string>([...gb2312Level1(), ...contentChars]);
  const readings: Record<string, string> = {};
  for (const c of [...chars].sort()) {
    const syllable = pinyin(c, { toneType: "none", v: true });
    if (/^[a-z]+$/.test(syllable)) readings[syllable] = (readings[syllable] ?? "") + c;
  }
  return readings;
}

function gb2312Level1(): string[] {
  const decoder = new TextDecoder("gbk");
  const out: string[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const c = decoder.decode(new Uint8Array([hi, lo]));
      if (/^\p{Script=Han}$/u.test(c)) out.push(c);
    }
  }
  return out;
}

