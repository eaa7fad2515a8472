import { saturate } from "./bm25f";
import type { InvertedIndex } from "./inverted-index";
import type { QueryPlan, Slot } from "./query";
import { isHan } from "./text";

/**
 * An entry's score, its relevance (0–1, see `rankEntries`), how well it matched each slot (0–1),
 * and its coverage (0–1, see `coverageOf`).
 */
export type Scored = { entry: number; score: number; relevance: number; coverage: number; slots: number[] };

export const RANKING = {
  /** Questions ranked at most (the best of them are shown). */
  candidates: 60,
  /**
   * The no-answer decision: the best question must cover this share of the query's weight
   * (`coverageOf`). Chosen on the tuning halves of the blind sets, where it answers most queries
   * right (a right first result, or nothing for a query the site cannot answer); see README
   * "Search quality".
   */
  minCoverage: 0.45,
  /**
   * A slot counts as covered once matched this well: as by a word of the answer, the keywords or
   * the page's topic, not only of the question. (Ranking still puts question matches first.)
   */
  covered: 0.5,
  /** Results below this share of the best one's score are not shown. */
  minShareOfBest: 0.65,
  /**
   * The results shown are put in the order of their share of the best score, plus these times
   * their coverage and their characters' overlap with the query (`finalOrder`). Fitted on the
   * tuning halves (a pairwise logistic fit gave 1 : 0.61 : 0.63); see README "Search quality".
   */
  orderByCoverage: 0.6,
  orderByOverlap: 0.6,
  /** Below the decision, questions this relevant are still offered as "possibly related". */
  minRelated: 0.2,
} as const;

/**
 * BM25F over the slots: each slot adds its weight times how well the question matches it, the best
 * of its alternatives (a phrase matches by the IDF-weighted share of its terms found). Divided by
 * what a question matching every slot would score, that is its relevance, 0–1, comparable across
 * queries, which orders the "possibly related" (the no-answer decision uses coverage). (A bonus for the query's words unbroken in the
 * question was measured and dropped: with the decision recalibrated it changed nothing.)
 */
export function rankEntries(plan: QueryPlan, index: InvertedIndex): Scored[] {
  const total = new Map<number, number>();
  let perfect = 0;
  const perSlot = plan.slots.map((slot) => {
    perfect += slot.weight;
    const scores = slotScores(slot, index);
    for (const [e, value] of scores) total.set(e, (total.get(e) ?? 0) + slot.weight * value);
    return scores;
  });
  if (perfect <= 0) return [];
  const first = [...total].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, RANKING.candidates);
  return first.map(([e, score]) => {
    const slots = perSlot.map((m) => m.get(e) ?? 0);
    return { entry: e, score, relevance: Math.min(1, score / perfect), coverage: coverageOf(plan.slots, slots, perfect), slots };
  });
}

/**
 * The share of the query's weight an entry answers: each slot's weight, in full once it matches
 * `RANKING.covered` well, in part below. The no-answer decision uses it rather than relevance: a
 * question whose answer has every word asked about answers the query, though a question that has
 * them ranks above it.
 */
function coverageOf(slots: Slot[], matches: number[], perfect: number): number {
  return slots.reduce((sum, slot, i) => sum + slot.weight * Math.min(1, matches[i] / RANKING.covered), 0) / perfect;
}

/** How well each document matches one slot: the best alternative, 0–1 (a bit more for repeats). */
function slotScores(slot: Slot, index: InvertedIndex): Map<number, number> {
  const best = new Map<number, number>();
  for (const alt of slot.alternatives) {
    const sums = new Map<number, number>();
    let norm = 0;
    for (const term of alt.terms) {
      if (alt.chars) {
        const entries = index.charPostings(term);
        if (!entries) continue;
        const idf = index.idf(entries.length);
        norm += idf;
        for (const e of entries) sums.set(e, (sums.get(e) ?? 0) + idf);
        continue;
      }
      const p = index.postings(term);
      const idf = index.idf(p?.df ?? 0);
      norm += idf;
      if (!p) continue;
      // Field weights (a term in the question counts four times one in the answer) are in `t`.
      for (let i = 0; i < p.e.length; i++) sums.set(p.e[i], (sums.get(p.e[i]) ?? 0) + idf * Math.min(1.2, saturate(p.t[i] / 100)));
    }
    if (norm === 0) continue;
    for (const [d, sum] of sums) {
      const value = (alt.factor * sum) / norm;
      if (value > (best.get(d) ?? 0)) best.set(d, value);
    }
  }
  return best;
}

/** A result shown, with `fit` (0–1): where `finalOrder` puts it. */
export type Ordered = Scored & { fit: number };

/**
 * The order of the results shown: BM25F's score is the main part; coverage and the overlap of
 * characters between the query and the question (Dice, `overlapWith`) settle the rest. BM25F counts
 * words; overlap also sees the characters a paraphrase shares in another order or form
 * (要等很久才听到声音 ~ 音频需要很长时间才能听到), and it drops for a question that has much the
 * query did not ask. With `on` false, BM25F's order alone (to measure what this adds).
 */
export function finalOrder(shown: Scored[], query: string, questionOf: (entry: number) => string | undefined, on = true): Ordered[] {
  const best = Math.max(0, ...shown.map((r) => r.score));
  const overlap = overlapWith(query);
  const [byCoverage, byOverlap] = on ? [RANKING.orderByCoverage, RANKING.orderByOverlap] : [0, 0];
  const most = 1 + byCoverage + byOverlap;
  const fitOf = (r: Scored) => (best > 0 ? r.score / best : 0) + byCoverage * r.coverage + (on ? byOverlap * overlap(questionOf(r.entry) ?? "") : 0);
  return shown.map((r) => ({ ...r, fit: fitOf(r) / most })).sort((a, b) => b.fit - a.fit || b.score - a.score || a.entry - b.entry);
}

/** The Dice coefficient of the distinct Han characters of the query and of a text, 0–1. */
export function overlapWith(query: string): (text: string) => number {
  const mine = hanChars(query);
  return (text) => {
    const theirs = hanChars(text);
    if (mine.size + theirs.size === 0) return 0;
    let both = 0;
    for (const c of mine) if (theirs.has(c)) both++;
    return (2 * both) / (mine.size + theirs.size);
  };
}

const hanChars = (text: string) => new Set(Array.from(text).filter(isHan));
