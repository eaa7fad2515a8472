import { saturate, type DocFields, type InvertedIndex } from "./inverted-index";
import type { QueryPlan, Slot } from "./query";

/** A question's score, its relevance (0–1, see `rankDocuments`) and how well it matched each slot (0–1). */
export type Scored = { doc: number; score: number; relevance: number; slots: number[] };

export const RANKING = {
  /** Candidates scored in full after the first pass. */
  candidates: 60,
  /** Bonus for the query's words found next to each other in the question, per unit of their weight. */
  phrase: 0.5,
  /**
   * The no-answer decision: the best question must earn this share of the score a question
   * matching the whole query would earn. Chosen on the tuning halves of the blind sets, where it
   * answers most queries right (a right first result, or nothing for a query the site cannot
   * answer); see README "Search quality".
   */
  minRelevance: 0.33,
  /** …and match each action or state asked about (收费, 退款, 迁移: `Slot.aspect`) at least this well. */
  minAspect: 0.5,
  /** Results below this share of the best one's score are not shown. */
  minShareOfBest: 0.65,
  /** Below the decision, questions this relevant are still offered as "possibly related". */
  minRelated: 0.2,
} as const;

/**
 * Whether a question answers the query: relevant enough, and about what was asked. A site that
 * has 压测大师 and 收费 questions, but none on what 压测大师 costs, does not answer 压测大师怎么收费.
 */
export function answers(best: Scored, plan: QueryPlan): boolean {
  if (best.relevance < RANKING.minRelevance) return false;
  return plan.slots.every((slot, i) => !slot.aspect || slot.weight < 1 || best.slots[i] >= RANKING.minAspect);
}

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
  const perSlot = plan.slots.map((slot) => {
    perfect += slot.weight;
    const scores = slotScores(slot, index);
    for (const [d, value] of scores) {
      if (total[d] === 0) touched.push(d);
      total[d] += slot.weight * value;
    }
    return scores;
  });
  perfect += RANKING.phrase * (plan.slots.reduce((a, s) => a + s.weight, 0) - Math.max(0, ...plan.slots.map((s) => s.weight)));
  if (perfect <= 0) return [];
  const first = touched.sort((a, b) => total[b] - total[a] || a - b).slice(0, RANKING.candidates);
  return first
    .map((d) => {
      const score = total[d] + RANKING.phrase * phraseWeight(plan, fields[d].question);
      return { doc: d, score, relevance: Math.min(1, score / perfect), slots: perSlot.map((m) => m.get(d) ?? 0) };
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
      // Field weights (a term in the question counts four times one in the answer) are in `tf`.
      for (let i = 0; i < p.docs.length; i++) sums.set(p.docs[i], (sums.get(p.docs[i]) ?? 0) + idf * Math.min(1.2, saturate(p.tf[i])));
    }
    if (norm === 0) continue;
    for (const [d, sum] of sums) {
      const value = (alt.factor * sum) / norm;
      if (value > (best.get(d) ?? 0)) best.set(d, value);
    }
  }
  return best;
}

/**
 * The proximity bonus: the heaviest run of two or more adjacent slots found unbroken in the
 * question, less its heaviest slot, so that only words next to each other earn it (实名认证 + 审核),
 * not one word and a particle beside it (实名认证 + 的).
 */
function phraseWeight(plan: QueryPlan, question: string): number {
  const slots = plan.slots;
  let best = 0;
  for (let i = 0; i < slots.length; i++) {
    let weight = slots[i].weight;
    let heaviest = weight;
    for (let j = i + 1; j < slots.length && slots[j].from === slots[j - 1].to; j++) {
      if (!question.includes(plan.text.slice(slots[i].from, slots[j].to))) break;
      weight += slots[j].weight;
      heaviest = Math.max(heaviest, slots[j].weight);
      best = Math.max(best, weight - heaviest);
    }
  }
  return best;
}
