import type { Report, SearchLine } from "./report";
import { jsonVisible, visibleKeepingNewlines } from "./visible";

/**
 * A spreadsheet evaluates a cell that starts with = + - @ (or tab, CR) as a formula: a query typed as
 * =HYPERLINK("http://evil","点我") becomes a live link in Excel or WPS (OWASP, "CSV Injection").
 * Such text cells get a leading ' (shown as text, the quote hidden). Also the full-width signs a
 * Chinese input method types (＝＋－＠): whether a given spreadsheet evaluates them varies, and a
 * needless quote costs nothing. Numbers are never text cells, so -0.5 stays a number.
 */
// Tab and CR are escaped before this (`visibleKeepingNewlines`: \x09, \x0d), so they never start a cell.
const FORMULA_START = /^[=+\-@＝＋－＠]/;

/** A text cell: visible (the CSV may be printed to a terminal), unable to start a formula, quoted when needed. */
function textCell(text: string): string {
  const shown = visibleKeepingNewlines(text);
  const safe = FORMULA_START.test(shown) ? `'${shown}` : shown;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return textCell(typeof v === "object" ? jsonVisible(JSON.stringify(v)) : String(v));
}

/**
 * The report as one CSV table for a spreadsheet: a `table` column says which part a row belongs
 * to (search, zero-result, no-click, question, day); filter on it.
 */
export function formatCsv(r: Report): string {
  const head = ["table", "query_or_url", "question", "source", "searches", "clicks", "ctr", "avg_click_position", "zero_result_searches", "helpful", "not_helpful", "helpful_share", "wilson_lower_bound", "reasons", "comments"];
  const rows: unknown[][] = [];
  const search = (table: string) => (s: SearchLine) => rows.push([table, s.query, "", "", s.searches, s.clicks, s.clickThroughRate, s.avgClickPosition, s.zeroResultSearches]);
  r.searches.forEach(search("search"));
  r.zeroResultSearches.forEach(search("zero-result"));
  r.searchesWithoutClick.forEach(search("no-click"));
  for (const q of r.questions) rows.push(["question", q.url, q.question, q.source, "", "", "", "", "", q.helpful, q.notHelpful, q.helpfulShare, q.worstScore, q.reasons, q.comments]);
  for (const d of r.daily) rows.push(["day", d.day, "", "", d.searches, "", d.clickThroughRate, "", d.zeroResultShare === null ? "" : Math.round(d.zeroResultShare * d.searches), d.helpful, d.notHelpful, d.helpfulShare]);
  return [head, ...rows].map((row) => head.map((_, i) => csvCell(row[i])).join(",")).join("\n") + "\n";
}
