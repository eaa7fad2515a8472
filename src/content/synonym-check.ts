import type { Diagnostic } from "./errors";
import { pageEntries, type Site } from "./types";
import { plainNormalizer } from "../search/text";

/** One alias of `_search/synonyms.yml`, normalized, with where it is written. */
export type SynonymEntry = { alias: string; canonical: string; file: string; line: number };

/**
 * Synonyms that are probably wrong, as far as the content itself can tell, as warnings:
 * - the word mapped to appears nowhere in the pages, so the synonym finds nothing;
 * - the alias is a word of the pages too, in questions that never say the word it is mapped to
 *   (注销 → 解除 on a site with 如何注销帐号？: closing an account is not releasing a verification,
 *   and a customer typing 注销 may well mean that question);
 * - one alias under two words, or an alias mapped to itself.
 */
export function checkSynonyms(site: Site, entries: SynonymEntry[]): Diagnostic[] {
  const questions = site.categories.flatMap((c) => c.pages.flatMap((p) => pageEntries(p).map((e) => ({ original: e.question, question: plainNormalizer.chars(e.question), text: plainNormalizer.chars(`${e.question} ${e.text}`) }))));
  const out: Diagnostic[] = [];
  const warn = (e: SynonymEntry, message: string) => out.push({ file: e.file, line: e.line, severity: "warning", message });
  const seen = new Map<string, SynonymEntry>();
  const missing = new Set<string>();
  for (const e of entries) {
    const earlier = seen.get(e.alias);
    // 帐户 beside 账户: one alias as search reads it (variants folded), so one set of warnings.
    if (earlier?.canonical === e.canonical) continue;
    if (e.alias === e.canonical) warn(e, `"${e.alias}" is mapped to itself: remove it`);
    if (earlier && earlier.canonical !== e.canonical) warn(e, `"${e.alias}" is listed under "${earlier.canonical}" (line ${earlier.line}) and "${e.canonical}": a customer typing it gets both; keep it under one`);
    seen.set(e.alias, e);
    if (!missing.has(e.canonical) && !questions.some((q) => q.text.includes(e.canonical))) {
      missing.add(e.canonical);
      warn(e, `"${e.canonical}" appears in no question or answer, so its synonyms find nothing: use the word the pages use`);
    }
    const own = questions.filter((q) => q.question.includes(e.alias) && !q.text.includes(e.canonical));
    if (own.length) {
      warn(e, `"${e.alias}" is a word of the pages too (${own.length} question${own.length > 1 ? "s" : ""}, e.g. “${own[0].original}”) that never say "${e.canonical}": a customer typing it may mean those; map it to "${e.canonical}" only if it means the same thing`);
    }
  }
  return out;
}
