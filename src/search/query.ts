import type { InvertedIndex } from "./inverted-index";
import { WEIGHTS, type Expansion } from "./related";
import { cleanWord, isCodeToken, runsOf, tokenize, wordParts } from "./text";

/**
 * One way to match a slot: a phrase (its index terms), worth `factor` of the words typed. `phrase`
 * is the text an expansion or a pinyin reading stands for (marked in results as a whole).
 */
export type Alternative = { terms: string[]; factor: number; chars?: boolean; phrase?: string };

/**
 * One unit of the query: a word (Han or Latin) or a lone Han character, with the ways a question
 * may match it and what matching it is worth (`weight`).
 */
export type Slot = {
  kind: "phrase" | "char" | "word";
  typed: string;
  from: number;
  to: number;
  weight: number;
  /** Whether the content has the word typed (or, for pinyin, the Chinese it reads as). */
  known: boolean;
  /** The Chinese the slot stands for, for its general-language weight: the word, or what its pinyin reads as. */
  reads: string;
  /** An action or state of the built-in near-synonyms (注销, 退款, 失败…) the site has nowhere. */
  unknownAction?: boolean;
  /** Words joined into this slot (压测 + 大师): it weighs as its heaviest part, not as their sum. */
  parts?: { text: string; df: number }[];
  alternatives: Alternative[];
};

export type QueryPlan = { text: string; slots: Slot[]; codes: string[] };

export type QueryContext = {
  index: InvertedIndex;
  expand: (query: string) => Expansion[];
  /** General-language weight of a word, 0.1–1: low for 怎么, 可以, 的 (see general-weights.ts). */
  generalWeight: (gram: string) => number;
  /** Content bigrams that sound like `bigram` (homophone typos), most frequent first. */
  homophones: (bigram: string) => string[];
  /** Content Latin words close to a word the content lacks (typos), best first. */
  fuzzyWords: (word: string) => string[];
  /** What a Latin word reads as in the questions' pinyin (full or initials), most frequent first. */
  transliterate: (word: string, open: boolean) => { text: string; initials: boolean }[];
  /** Words of a Han run as a word segmenter sees them (Intl.Segmenter), or null where there is none. */
  segment: ((run: string) => string[]) | null;
  /** Whether the query is still being typed at its end (no trailing space): the last word may be a prefix. */
  open: boolean;
};

export const QUERY_WEIGHTS = {
  /** A lone character (a fallback for shared-character paraphrases such as 报错 ~ 提示错误). */
  char: 0.25,
  /** A word matched only by the characters it shares with the question. */
  sharedChars: 0.35,
  /** A word the content does not have at all, against the rarest word it has. */
  unknown: 0.6,
  /** Questions at which a site's own IDF and general-language weight count alike. */
  smallSite: 200,
} as const;

/**
 * The query as slots: Latin words, and Han text cut into words. A word segmenter finds the words it
 * knows (同胞, 注册); the characters it leaves alone are joined where the content has them as a
 * bigram (实名, 账号) or a homophone of one (认症 → 认证). Each slot is matched as typed or
 * through an expansion covering it (a writer synonym, a built-in near-synonym, a spoken form, a
 * homophone), at a lower factor. Its weight is its IDF on this site times its general-language
 * weight; a word the content lacks weighs like a rare one (域名 on a site without it: the query
 * asks about something the site does not cover).
 */
export function planQuery(text: string, ctx: QueryContext): QueryPlan {
  const { index } = ctx;
  const slots: Slot[] = [];
  const codes: string[] = [];
  const runs = runsOf(text);
  const last = runs.at(-1);
  for (const run of runs) {
    if (run.han) {
      for (const { word, at, parts } of joinPhrases(hanWords(run.text, run.at, ctx), ctx)) slots.push(hanSlot(word, at, ctx, parts));
      continue;
    }
    const word = cleanWord(run.text);
    if (!word) continue;
    slots.push(...wordSlots(word, run.at, ctx, run === last && ctx.open));
    if (isCodeToken(word)) codes.push(word);
  }
  const expansions = ctx.expand(text);
  attachExpansions(slots, expansions);
  for (const slot of slots) if (!slot.known) knowThroughExpansion(slot, index);
  markUnknownActions(slots, expansions, index);
  // IDF says little on a small site (on a one-page FAQ every question says 实名认证): there the
  // general-language weight speaks instead, in proportion.
  const rarest = index.idf(0);
  const trust = index.size / (index.size + QUERY_WEIGHTS.smallSite);
  const specific = (df: number) => rarest * (trust * (index.idf(df) / rarest) + (1 - trust));
  for (const slot of slots) {
    const general = ctx.generalWeight(slot.reads);
    if (!slot.known) slot.weight = rarest * (slot.kind === "char" ? QUERY_WEIGHTS.char : QUERY_WEIGHTS.unknown) * general;
    else if (slot.parts) slot.weight = Math.max(...slot.parts.map((part) => specific(part.df) * ctx.generalWeight(part.text)));
    else if (slot.kind === "char") slot.weight = QUERY_WEIGHTS.char * specific(index.charPostings(slot.typed)?.length ?? index.df(slot.typed)) * general;
    else slot.weight = specific(slotDf(slot, index)) * general;
  }
  return { text, slots: slots.filter((s) => s.weight > 0), codes };
}

/**
 * Words of a Han run with their offsets: the segmenter's words, then its lone characters joined. A
 * word of the segmenter that the site has no bigram of, while a bigram across its edge is one the
 * site has, goes back to characters: the site's words decide (注 · 销账 · 号 → 注销 · 账号).
 */
function hanWords(run: string, offset: number, ctx: QueryContext): { word: string; at: number }[] {
  const segmented = (ctx.segment?.(run) ?? Array.from(run)).flatMap((piece) => withoutAspect(piece, ctx));
  const known = (text: string) => tokenize(text).some((b) => ctx.index.df(b) > 0);
  const pieces = segmented.flatMap((piece, i) => {
    const chars = Array.from(piece);
    if (chars.length === 1 || known(piece)) return [piece];
    // Only a bigram across an edge counts: at the run's start or end there is none (倍速 at the start is no 倍).
    const before = segmented[i - 1]?.slice(-1);
    const after = segmented[i + 1]?.[0];
    return (before && known(before + chars[0])) || (after && known(chars.at(-1)! + after)) ? chars : [piece];
  });
  const out: { word: string; at: number }[] = [];
  let at = offset;
  let lone: string[] = [];
  const flush = () => {
    const start = at - lone.join("").length;
    out.push(...joinChars(lone, ctx).map((w) => ({ word: w.word, at: start + w.at })));
    lone = [];
  };
  for (const piece of pieces) {
    if (Array.from(piece).length === 1) lone.push(piece);
    else {
      flush();
      out.push({ word: piece, at });
    }
    at += piece.length;
  }
  flush();
  return out;
}

/**
 * A word the segmenter cut with an aspect particle on it (换了, 接了, 买过) is the verb and the
 * particle: the pair is rare on any site, so as one word it would outweigh what is asked. A common
 * word that ends so (为了, 除了, 不过) stays whole.
 */
function withoutAspect(piece: string, ctx: QueryContext): string[] {
  const chars = Array.from(piece);
  if (chars.length < 2 || !/[了过]/u.test(chars.at(-1)!) || ctx.generalWeight(piece) < 1) return [piece];
  return [chars.slice(0, -1).join(""), chars.at(-1)!];
}

/**
 * Adjacent words the content writes together joined into one (压测 + 大师 → 压测大师, 云 + 防火 + 墙
 * → 云防火墙): a product name is one thing asked about, however many words it has, and must not
 * outweigh what is asked of it (压测大师怎么收费). Function words are never joined.
 */
type HanWord = { word: string; at: number; parts?: string[] };

function joinPhrases(words: HanWord[], ctx: QueryContext): HanWord[] {
  const content = (w: string) => ctx.generalWeight(w) >= 0.4 && ctx.index.df(tokenize(w)[0] ?? w) + (ctx.index.charPostings(w)?.length ?? 0) > 0;
  const out: HanWord[] = [];
  for (const w of words) {
    const previous = out.at(-1);
    if (previous && previous.at + previous.word.length === w.at && content(previous.word) && content(w.word) && ctx.index.contains(previous.word + w.word)) {
      previous.parts = [...(previous.parts ?? [previous.word]), w.word];
      previous.word += w.word;
    } else out.push({ ...w });
  }
  return out;
}

/**
 * Lone characters joined into words: a pair that is a common word (是否), or that the content has
 * (or one that sounds like it, or two characters it has nowhere), and where neither character is a
 * function word (的, 吗, 了, 就: a pair such as 号的 exists in any large site and is no word).
 */
function joinChars(chars: string[], ctx: QueryContext): { word: string; at: number }[] {
  const content = (c: string) => ctx.generalWeight(c) >= 0.4;
  // Characters the site has nowhere (注销 on a page about verification) are one word it lacks, not two.
  const unknown = (c: string) => !ctx.index.charPostings(c) && ctx.index.df(c) === 0;
  const joins = (a: string, b: string) =>
    ctx.generalWeight(a + b) < 1 || (content(a) && content(b) && (ctx.index.df(a + b) > 0 || ctx.homophones(a + b).length > 0 || (unknown(a) && unknown(b))));
  const out: { word: string; at: number }[] = [];
  let at = 0;
  for (let i = 0; i < chars.length; ) {
    let j = i + 1;
    while (j < chars.length && joins(chars[j - 1], chars[j])) j++;
    const word = chars.slice(i, j).join("");
    out.push({ word, at });
    at += word.length;
    i = j;
  }
  return out;
}

function hanSlot(word: string, at: number, ctx: QueryContext, parts?: string[]): Slot {
  const { index } = ctx;
  const chars = Array.from(word);
  const to = at + word.length;
  if (chars.length === 1) {
    return { kind: "char", typed: word, reads: word, from: at, to, weight: 0, known: index.charPostings(word) !== undefined || index.df(word) > 0, alternatives: [{ terms: [word], factor: 1, chars: true }] };
  }
  // Only the bigrams the content has: an unknown one inside a word (断断 in 断断续续) is no evidence.
  const known = tokenize(word).filter((b) => index.df(b) > 0);
  const alternatives: Alternative[] = [];
  if (known.length) alternatives.push({ terms: known, factor: 1 });
  // Joined words also match where the content writes them apart (轻量服务器 ~ 轻量应用服务器).
  if (parts?.every((p) => Array.from(p).length > 1)) {
    const within = parts.flatMap((p) => tokenize(p)).filter((b) => index.df(b) > 0);
    if (within.length && within.length < known.length) alternatives.push({ terms: within, factor: 0.9 });
  }
  // Homophones for the bigrams the content lacks (实名认症 → 认证), with the known ones kept.
  const sounds = tokenize(word).map((b) => (index.df(b) > 0 ? b : ctx.homophones(b)[0])).filter((b): b is string => !!b);
  if (sounds.length > known.length) alternatives.push({ terms: sounds, factor: WEIGHTS.homophone });
  // Shared characters, weakly (不准 ~ 准确性, 报错 ~ 错误): questions only.
  alternatives.push({ terms: chars.filter((c) => index.charPostings(c)), factor: QUERY_WEIGHTS.sharedChars, chars: true });
  const slotParts = parts?.map((text) => ({ text, df: Math.min(...tokenize(text).map((t) => index.df(t) || (index.charPostings(t)?.length ?? 0))) }));
  return { kind: "phrase", typed: word, reads: word, from: at, to, weight: 0, known: known.length > 0 || sounds.length > 0, alternatives, parts: slotParts };
}

export const PINYIN_FACTOR = { full: 0.9, initials: 0.8 } as const;

/**
 * A Latin word: as typed, its parts (`failedoperation.x`), its completions while being typed
 * (`failedop`), close content words (`clickhose`), or Chinese spelled in pinyin (`tuikuan` → 退款,
 * `zdxf` → 自动续费). Initials of two phrases run together (`rlsbsb`: 人脸识别 + 失败) become two slots.
 */
function wordSlots(word: string, at: number, ctx: QueryContext, open: boolean): Slot[] {
  const slot = wordSlot(word, at, ctx, open);
  if (slot.known || !/^[a-z]{4,12}$/.test(word)) return [slot];
  // Each piece must read as a word of two or more characters of the questions (single syllables read
  // as anything). Readings come from question text, so the content has their words.
  const readsAsWord = (s: Slot) => s.reads !== s.typed && Array.from(s.reads).length > 1;
  for (let cut = word.length - 2; cut >= 2; cut--) {
    const left = wordSlot(word.slice(0, cut), at, ctx, false);
    const right = wordSlot(word.slice(cut), at + cut, ctx, open);
    if (readsAsWord(left) && readsAsWord(right)) return [left, right];
  }
  return [slot];
}

function wordSlot(word: string, at: number, ctx: QueryContext, open: boolean): Slot {
  const { index } = ctx;
  const alternatives: Alternative[] = [{ terms: [word], factor: 1 }];
  const parts = wordParts(word);
  if (parts.length) alternatives.push({ terms: parts, factor: 0.9 });
  let reads = word;
  if (index.df(word) === 0) {
    if (open && word.length >= 2) for (const w of index.completions(word, 6)) alternatives.push({ terms: [w], factor: 0.9 });
    const readings = /^[a-z]+$/.test(word) ? ctx.transliterate(word, open) : [];
    for (const r of readings) alternatives.push({ terms: tokenize(r.text), factor: r.initials ? PINYIN_FACTOR.initials : PINYIN_FACTOR.full, phrase: r.text });
    if (readings.length) reads = readings[0].text;
    // A mistyped Latin word (`clickhose`), when it is no pinyin.
    else if (word.length >= 5) for (const w of ctx.fuzzyWords(word)) alternatives.push({ terms: [w], factor: 0.7 });
  }
  const known = alternatives.some((a) => a.terms.length > 0 && a.terms.every((t) => index.df(t) > 0 || index.charPostings(t) !== undefined));
  return { kind: "word", typed: word, reads, from: at, to: at + word.length, weight: 0, known, alternatives };
}

/** Expansions attach to the slots inside the typed words they stand for. */
function attachExpansions(slots: Slot[], expansions: Expansion[]) {
  for (const e of expansions) {
    const terms = tokenize(e.phrase);
    if (terms.length === 0) continue;
    for (const slot of slots) {
      const inside = slot.from >= e.from && slot.to <= e.to;
      const around = slot.from <= e.from && slot.to >= e.to; // the word typed is part of a slot (改 in 么改)
      if (inside || around) slot.alternatives.push({ terms, factor: e.weight, phrase: e.phrase });
    }
  }
}

/**
 * A built-in action or state typed (注销), which neither the site nor any of its near-synonyms has:
 * the query asks for something the site does not do, whatever else it shares with it (注销账号 on
 * a page about verifying an account).
 */
function markUnknownActions(slots: Slot[], expansions: Expansion[], index: InvertedIndex) {
  for (const e of expansions) {
    if (!e.action) continue;
    const typed = slots.filter((s) => s.from >= e.from && s.to <= e.to);
    const group = expansions.filter((x) => x.from === e.from && x.to === e.to);
    const present = (phrase: string) => tokenize(phrase).every((t) => index.df(t) > 0);
    if (typed.length && typed.every((s) => !s.known) && !group.some((x) => present(x.phrase))) for (const s of typed) s.unknownAction = true;
  }
}

/**
 * A word the content lacks but whose synonym it has (老是 → 一直, 台湾 → 境外) weighs as that synonym
 * does: it is a way of saying something the site covers, not a sign the site does not cover it.
 */
function knowThroughExpansion(slot: Slot, index: InvertedIndex) {
  const alt = slot.alternatives.find((a) => a.phrase && a.terms.every((t) => index.df(t) > 0));
  if (!alt) return;
  slot.known = true;
  slot.reads = alt.phrase!;
}

/** Documents containing a slot's word, estimated: the rarest known term of its first alternative the content has. */
function slotDf(slot: Slot, index: InvertedIndex): number {
  for (const alt of slot.alternatives) {
    const dfs = alt.terms.map((t) => index.df(t) || (index.charPostings(t)?.length ?? 0)).filter((df) => df > 0);
    if (dfs.length) return Math.min(...dfs);
  }
  return 0;
}
