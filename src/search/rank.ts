import { IN_KEYWORDS, IN_QUESTION, saturate, type DocFields, type InvertedIndex } from "./inverted-index";
import type { QueryPlan, Slot } from "./query";

export type Scored = { doc: number; score: number; relevance: number; matched: string[] };

export const RANKING = {
  /** Candidates scored in full after the first pass. */
  candidates: 60,
  /** Bonus for the longest run of the query found word for word in the question, per unit of its weight. */
  phrase: 0.5,
  /**
   * The no-answer decision: the best question must earn this share of the score a question
   * matching the whole query would earn. Calibrated on the negatives of the tuning halves.
   */
  minRelevance: 0.45,
  /** Results below this share of the best one's score are not shown. */
  minShareOfBest: 0.5,
} as const;

/**
 * BM25F over the slots: each slot adds its weight times how well the question matches it, the best
 * of its alternatives (a phrase matches by the IDF-weighted share of its terms found). Then the
 * best candidates get a phrase bonus (the query's words in the question in order, unbroken), and
 * the score is divided by what a perfect question would score: relevance, 0–1, comparable across
 * queries, which the no-answer decision and the cut-off use.
 */
export function rankDocuments(plan: QueryPlan, index: InvertedIndex, fields: DocFields[]): Scored[] {
  const n = index.size;
  const total = new Float64Array(n);
  const touched: number[] = [];
  let perfect = 0;
  for (const slot of plan.slots) {
    perfect += slot.weight;
    for (const [d, value] of slotScores(slot, index)) {
      if (total[d] === 0) touched.push(d);
      total[d] += slot.weight * value;
    }
  }
  perfect += RANKING.phrase * plan.slots.reduce((a, s) => a + s.weight, 0);
  if (perfect <= 0) return [];
  const first = touched.sort((a, b) => total[b] - total[a] || a - b).slice(0, RANKING.candidates);
  return first
    .map((d) => {
      const score = total[d] + RANKING.phrase * phraseWeight(plan, fields[d].question);
      return { doc: d, score, relevance: Math.min(1, score / perfect), matched: [] };
    })
    .sort((a, b) => b.score - a.score || a.doc - b.doc);
}

/** How well each document matches one slot: the best alternative, 0–1 (a bit more for repeats). */
function slotScores(slot: Slot, index: InvertedIndex): Map<number, number> {
  const best = new Map<number, number>();
  for (const alt of slot.alternatives) {
    const sums = new Map<number, number>();
    let norm = 0;
    for (const term of alt.terms) {
      if (alt.chars) {
        const docs = index.charPostings(term);
        if (!docs) continue;
        const idf = index.idf(docs.length);
        norm += idf;
        for (const d of docs) sums.set(d, (sums.get(d) ?? 0) + idf);
        continue;
      }
      const p = index.postings(term);
      const idf = index.idf(p?.docs.length ?? 0);
      norm += idf;
      if (!p) continue;
      for (let i = 0; i < p.docs.length; i++) {
        // A term only in answers counts less (BM25F's field weights); questions and keywords fully.
        const inQuestion = (p.where[i] & (IN_QUESTION | IN_KEYWORDS)) !== 0;
        const value = Math.min(1.2, saturate(p.tf[i])) * (inQuestion ? 1 : 1);
        sums.set(p.docs[i], (sums.get(p.docs[i]) ?? 0) + idf * value);
      }
    }
    if (norm === 0) continue;
    for (const [d, sum] of sums) {
      const value = (alt.factor * sum) / norm;
      if (value > (best.get(d) ?? 0)) best.set(d, value);
    }
  }
  return best;
}

/** Weight of the heaviest run of two or more adjacent slots found, unbroken, in the question. */
function phraseWeight(plan: QueryPlan, question: string): number {
  const strong = plan.slots;
  let best = 0;
  for (let i = 0; i < strong.length; i++) {
    let weight = strong[i].weight;
    for (let j = i + 1; j < strong.length && strong[j].from === strong[j - 1].to; j++) {
      if (!question.includes(plan.text.slice(strong[i].from, strong[j].to))) break;
      weight += strong[j].weight;
      best = Math.max(best, weight);
    }
  }
  return best;
}
