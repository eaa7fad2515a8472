import Fuse from "fuse.js";
import { generalWeight } from "./general-weights";
import type { IndexSource } from "./index-source";
import { createInvertedIndex } from "./inverted-index";
import { SEARCH_LIMITS } from "./options";
import { homophones, readingsBeginning, transliterate } from "./pinyin";
import { planQuery, type QueryPlan, type Slot } from "./query";
import { finalOrder, RANKING, rankEntries, type Ordered, type Scored } from "./rank";
import { createExpander, rewriteSpokenFiller } from "./related";
import { createNormalizer } from "./text";
import type { Range, SearchHit } from "./types";

export type SearchEngine = {
  /** The questions that answer the query, best first; none when the site has no answer. */
  search(query: string, limit?: number): SearchHit[];
  /** The same, and when there is none, the questions that come closest ("possibly related"). */
  searchWithRelated(query: string, limit?: number): { hits: SearchHit[]; related: SearchHit[] };
  /**
   * Earlier results that still fit the query: those whose question or keywords contain each of its
   * content words as typed (or as what its pinyin reads), in their order, marked for this query.
   * The worker shows them while the index files the query needs arrive; the search replaces them.
   */
  refine(query: string, previous: SearchHit[], limit?: number): SearchHit[];
  /**
   * What the next keystroke will likely need, read from the query as the engine reads it (NFKC,
   * traditional → simplified): the words after its last Han character (`char`: 退 → 退款…), the
   * two-letter beginnings after a lone letter at its end (`letter`), or, while a Latin word is being
   * typed (`ren`), the words of what it most often reads as (`terms`: 人脸, 认证…). The worker
   * fetches their shards ahead. Nothing after a space: the next keystroke begins another word.
   */
  lookAhead(query: string): LookAhead;
  /** Why the results are what they are: the query's slots and the best questions' relevance. */
  explain(query: string): { slots: { typed: string; weight: number; known: boolean; alternatives: string[] }[]; ranked: { question: string; relevance: number; coverage: number; fit?: number; slots: number[] }[] };
  size: number;
};

export type LookAhead = { char: string } | { letter: string } | { terms: string[] };

/** The stages of the engine, each of which `npm run eval:search -- --without NAME` can turn off to measure what it adds. */
export const STAGES = ["segmenter", "general-weights", "near-synonyms", "homophones", "pinyin", "typos", "final-order"] as const;
export type Stage = (typeof STAGES)[number];

export type EngineOptions = {
  /** Stages turned off, for measuring what each adds (evaluation only; the site runs them all). */
  without?: Stage[];
  /**
   * Called when a query crashes the engine; the query then finds nothing, so a bug never breaks
   * the page. The default logs it. Tests pass a handler that rethrows, so a crash fails them
   * instead of passing for "no results".
   */
  onError?: (error: unknown, query: string) => void;
};

/** A query as the engine planned it: its normalized text, its slots and its ranked entries. */
type Planned = { text: string; plan: QueryPlan; ranked: Scored[] };

/**
 * Whether a question shares with the query more than its filler: it matches, as well as a word of
 * its answer would, a word (not a lone character) that says something in general Chinese (not 怎么,
 * 什么, 可以). 怎么退款 on a page without 退款 is related to no question that only says 怎么办, nor
 * 量子计算机 to one that only shares the 机 of 手机.
 */
function sharesContent(plan: QueryPlan, r: Scored, weightOf: (word: string) => number): boolean {
  return plan.slots.some((s, i) => s.kind !== "char" && weightOf(s.reads) >= CONTENT_WORD && r.slots[i] >= RANKING.covered);
}

/** General-language weight from which a word is content, not filler (as `joinPhrases` has it). */
const CONTENT_WORD = 0.4;

/** "Possibly related" questions offered when none answers the query. */
const RELATED = 3;
/** A slot weighing less than half the query's heaviest is filler to `refine` (怎么 weighs a third of 实名认证). */
const REFINE_FILLER = 0.5;

const logError = (error: unknown, query: string) => console.error(`search failed for ${JSON.stringify(query.slice(0, 80))}`, error);

/**
 * What a result marks: the terms of the words typed, of what their pinyin reads as, of homophones
 * and writer synonyms; not of looser near-synonyms, which would mark half the answer. A lone
 * character typed is marked together with the word it was typed beside (人 · 脸识别: 人脸, which
 * joins the marked 脸识别), so it never marks every 个人, nor a 的 before some other word.
 */
function markTerms(plan: QueryPlan): string[] {
  const terms = plan.slots.flatMap((s) => s.alternatives.filter((a) => a.factor >= 0.75).flatMap((a) => (a.phrase ? [a.phrase] : a.terms)));
  const beside = plan.slots.flatMap((s, i) => (s.kind === "char" ? pairsBeside(s, plan.slots[i - 1], plan.slots[i + 1]) : []));
  return [...new Set([...terms, ...beside])].filter((t) => Array.from(t).length > 1 || !/\p{Script=Han}/u.test(t) || plan.slots.some((s) => s.kind === "char" && s.typed === t));
}

/** The pairs a lone character makes with the nearest character of the Han word typed right beside it (人 + 脸识别 → 人脸). */
function pairsBeside(char: Slot, before: Slot | undefined, after: Slot | undefined): string[] {
  const left = before?.kind === "phrase" && before.to === char.from ? [Array.from(before.typed).at(-1) + char.typed] : [];
  const right = after?.kind === "phrase" && char.to === after.from ? [char.typed + Array.from(after.typed)[0]] : [];
  return [...left, ...right];
}

/**
 * The search engine shared by the browser (in a worker) and `npm run search`, over an index source
 * (`index-source.ts`: the whole index in memory, or the browser's shards):
 * 1. the query is normalized (NFKC, case, traditional → simplified) and cut into slots: words, lone
 *    Han characters (weak) and Latin words, each with its alternatives (synonyms, near-synonyms,
 *    spoken forms, homophones, pinyin readings, completions of a word being typed, typo fixes);
 * 2. BM25F over question, keywords, answer and context (page titles, the page's topic words) ranks
 *    the entries (`rank.ts`); error codes typed exactly come first;
 * 3. the best must cover a share of the query's weight (`RANKING.minCoverage`), or the answer is no
 *    result; results far below the best are not shown.
 * Over the browser's source, a search that needed shards or chunks not loaded yet finds less; the
 * worker fetches what the source lists as missing and searches again.
 */
export function createSearchEngine(source: IndexSource, { onError = logError, without = [] }: EngineOptions = {}): SearchEngine {
  const on = (stage: Stage) => !without.includes(stage);
  const normalizer = createNormalizer(source.meta.variants);
  const index = createInvertedIndex(source);
  const expand = createExpander(source.meta.synonyms.map(([a, c]) => [normalizer.text(a), normalizer.text(c)]), on("near-synonyms"));
  // Where the browser has a word segmenter (all current ones do), it tells words from seams.
  const segmenter = on("segmenter") && typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter("zh", { granularity: "word" }) : null;
  const segment = segmenter ? (run: string) => Array.from(segmenter.segment(run), (s) => s.segment) : null;
  /** Content Latin words close to a mistyped one, among those that begin as it does. */
  const fuzzyWords = (word: string) =>
    new Fuse(index.latinNeighbours(word), { threshold: 0.25 })
      .search(word, { limit: 3 })
      .map((r) => r.item);

  const weightOf = on("general-weights") ? generalWeight : () => 1;

  function plan(raw: string) {
    const input = String(raw ?? "").slice(0, SEARCH_LIMITS.queryChars * 4);
    const text = rewriteSpokenFiller(normalizer.text(input).slice(0, SEARCH_LIMITS.queryChars));
    if (!text) return null;
    const plan = planQuery(text, {
      index,
      expand,
      generalWeight: weightOf,
      homophones: on("homophones") ? (bigram) => homophones(source, bigram, index.df) : () => [],
      fuzzyWords: on("typos") ? fuzzyWords : () => [],
      transliterate: on("pinyin") ? (word, open) => transliterate(source, word, open) : () => [],
      segment,
      open: !/\s$/.test(input),
    });
    let ranked = rankEntries(plan, index);
    if (plan.codes.length) ranked = codesFirst(ranked, plan.codes);
    return { text, plan, ranked };
  }

  /**
   * The answers to show, in their final order (error codes typed exactly still first). The first
   * `SEARCH_LIMITS.results` above the cut-off are put in order whatever `limit` is, so a shorter
   * list is the start of the longer one; their questions are the ones a result list shows anyway.
   */
  function answers(planned: Planned, limit: number): Ordered[] {
    const best = planned.ranked[0];
    const shown = planned.ranked.filter((r) => r.score >= RANKING.minShareOfBest * best.score).slice(0, Math.max(limit, SEARCH_LIMITS.results));
    const ordered = finalOrder(shown, planned.text, questionText, on("final-order"));
    return (planned.plan.codes.length ? codesFirst(ordered, planned.plan.codes) : ordered).slice(0, limit);
  }

  /** An entry's question as the engine reads it, or undefined while its chunk is not loaded. */
  function questionText(entry: number): string | undefined {
    const data = source.entry(entry);
    return data && normalizer.text(data.q);
  }

  function search(raw: string, limit: number): { hits: SearchHit[]; related: SearchHit[] } {
    const planned = plan(raw);
    const best = planned?.ranked[0];
    if (!planned || !best) return { hits: [], related: [] };
    const marks = markTerms(planned.plan);
    if (answered(planned)) return { hits: answers(planned, limit).flatMap((r) => toHit(r, 1 - r.fit, marks) ?? []), related: [] };
    const related = planned.ranked.filter((r) => r.relevance >= RANKING.minRelated && sharesContent(planned.plan, r, weightOf)).slice(0, Math.min(limit, RELATED));
    return { hits: [], related: related.flatMap((r) => toHit(r, 1 - r.relevance, marks) ?? []) };
  }

  function refine(raw: string, previous: SearchHit[], limit: number): SearchHit[] {
    const planned = plan(raw);
    if (!planned || previous.length === 0) return [];
    const heaviest = Math.max(...planned.plan.slots.map((s) => s.weight));
    const words = planned.plan.slots
      .filter((s) => s.weight >= REFINE_FILLER * heaviest)
      .map((s) => [s.typed, ...s.alternatives.flatMap((a) => (a.phrase && a.factor >= 0.75 ? [a.phrase] : []))]);
    // A query of no words (punctuation, an emoji) keeps nothing: every earlier result would "fit" it.
    if (words.length === 0) return [];
    const marks = markTerms(planned.plan);
    return previous
      .filter((hit) => {
        const text = normalizer.text(`${hit.doc.question} ${hit.doc.keywords}`);
        return words.every((forms) => forms.some((w) => text.includes(w)));
      })
      .slice(0, limit)
      .map((hit) => ({ ...hit, highlights: { question: highlight(hit.doc.question, marks), answer: highlight(hit.doc.answer, marks) } }));
  }

  /** The best ten questions, those shown first in the order shown, with their fit; then the rest by score. */
  function explained(planned: Planned) {
    const shown: (Scored & { fit?: number })[] = answered(planned) ? answers(planned, SEARCH_LIMITS.results) : [];
    const rest: (Scored & { fit?: number })[] = planned.ranked.filter((r) => !shown.some((s) => s.entry === r.entry));
    const round = (v: number, by = 1000) => Math.round(v * by) / by;
    return [...shown, ...rest].slice(0, 10).map((r) => ({
      question: source.entry(r.entry)?.q ?? "",
      relevance: round(r.relevance),
      coverage: round(r.coverage),
      ...(r.fit === undefined ? {} : { fit: round(r.fit) }),
      slots: r.slots.map((v) => round(v, 100)),
    }));
  }

  /** Whether the site answers the query: its best question covers enough of it, and it asks for no action the site lacks. */
  function answered(planned: Planned): boolean {
    const best = planned.ranked[0];
    return !!best && best.coverage >= RANKING.minCoverage && !planned.plan.slots.some((s) => s.unknownAction);
  }

  /** Entries containing every error code typed, exactly, come first. */
  function codesFirst<T extends Scored>(ranked: T[], codes: string[]): T[] {
    const withCodes = codes.map((c) => new Set(index.postings(c)?.e ?? []));
    const has = (r: T) => withCodes.every((entries) => entries.has(r.entry));
    return [...ranked.filter(has), ...ranked.filter((r) => !has(r))];
  }

  /** A result for the UI, or nothing while its entry's chunk is not loaded. */
  function toHit(r: Scored, score: number, marks: string[]): SearchHit | undefined {
    const entry = source.entry(r.entry);
    if (!entry) return undefined;
    const [url, id, page, category] = entry.at;
    return {
      doc: { id, url: `${url}#${id}`, question: entry.q, answer: entry.a, page, category, keywords: entry.k },
      score: Math.round(score * 1e4) / 1e4,
      highlights: { question: highlight(entry.q, marks), answer: highlight(entry.a, marks) },
    };
  }

  /**
   * Ranges of the original text where the marked terms occur. Lone characters only when the query
   * is all lone characters; otherwise they are marked as part of the word typed beside them (`markTerms`).
   */
  function highlight(original: string, marks: string[]): Range[] {
    const { text, map } = normalizer.withMap(original);
    const find = (list: string[]) =>
      list.flatMap((mark) => {
        const found: Range[] = [];
        for (let at = text.indexOf(mark); at !== -1; at = text.indexOf(mark, at + 1)) found.push([map[at], map[at + mark.length - 1]]);
        return found;
      });
    const lone = (m: string) => Array.from(m).length === 1 && /\p{Script=Han}/u.test(m);
    const ranges = marks.every(lone) ? find(marks) : find(marks.filter((m) => !lone(m)));
    // Overlapping bigrams (人脸, 脸识, 识别) mark one run.
    const merged: Range[] = [];
    for (const [s, e] of ranges.sort((a, b) => a[0] - b[0])) {
      const last = merged.at(-1);
      if (last && s <= last[1] + 1) last[1] = Math.max(last[1], e);
      else merged.push([s, e]);
    }
    return merged;
  }

  function lookAhead(raw: string): LookAhead {
    const input = String(raw ?? "");
    const text = /\s$/.test(input) ? "" : normalizer.text(input);
    const last = Array.from(text).at(-1) ?? "";
    if (/\p{Script=Han}/u.test(last)) return { char: last };
    const word = /(?:^|[^a-z])([a-z]+)$/.exec(text)?.[1] ?? "";
    if (word.length === 1) return { letter: word };
    return { terms: word && on("pinyin") && index.df(word) === 0 ? readingsBeginning(source, word) : [] };
  }

  return {
    size: source.meta.docs,
    lookAhead: (query) => {
      try {
        return lookAhead(query);
      } catch (error) {
        onError(error, String(query));
        return { terms: [] };
      }
    },
    explain(query) {
      const planned = plan(query);
      return {
        slots: planned?.plan.slots.map((s) => ({ typed: s.typed, weight: Math.round(s.weight * 100) / 100, known: s.known, alternatives: s.alternatives.slice(1).map((a) => `${a.terms.join("")}×${a.factor}`) })) ?? [],
        ranked: planned ? explained(planned) : [],
      };
    },
    search: (query, limit = SEARCH_LIMITS.results) => safeSearch(query, limit).hits,
    searchWithRelated: (query, limit = SEARCH_LIMITS.results) => safeSearch(query, limit),
    refine(query, previous, limit = SEARCH_LIMITS.results) {
      try {
        return refine(query, previous, limit);
      } catch (error) {
        onError(error, String(query));
        return [];
      }
    },
  };

  function safeSearch(query: string, limit: number) {
    try {
      return search(query, limit);
    } catch (error) {
      onError(error, String(query));
      return { hits: [], related: [] };
    }
  }
}
