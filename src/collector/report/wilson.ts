/** z for a two-sided 95 % interval. */
const Z = 1.959963984540054;

/**
 * The lower bound of the Wilson score interval (95 %) for `hits` successes in `n` trials: the
 * share we can be 95 % sure is at least this high. Few votes give a low bound, so one unlucky
 * 0 of 1 does not outrank a steady 40 of 100.
 */
export function wilsonLowerBound(hits: number, n: number): number {
  if (n <= 0) return 0;
  const p = hits / n;
  const z2 = Z * Z;
  const bound = (p + z2 / (2 * n) - Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return Math.max(0, bound); // 0 hits: rounding may land a hair below 0
}

/** Questions with at least this many votes are ranked. */
export const MIN_RANKED_VOTES = 5;

/**
 * The worst answers first: ranked by the Wilson lower bound of their not-helpful share (how sure
 * we are that readers find them unhelpful), questions with fewer than MIN_RANKED_VOTES votes left
 * out. Ties: more not-helpful votes first, then by key, so the order is deterministic.
 */
export function rankWorst<T extends { key: string; helpful: number; notHelpful: number }>(questions: T[]): (T & { worstScore: number })[] {
  return questions
    .filter((q) => q.helpful + q.notHelpful >= MIN_RANKED_VOTES)
    .map((q) => ({ ...q, worstScore: wilsonLowerBound(q.notHelpful, q.helpful + q.notHelpful) }))
    .sort((a, b) => b.worstScore - a.worstScore || b.notHelpful - a.notHelpful || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
