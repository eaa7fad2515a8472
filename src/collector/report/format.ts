import type { QuestionLine, Report, SearchLine } from "./report";
import { mapStrings, visible } from "./visible";

const pct = (n: number | null) => (n === null ? "–" : `${(n * 100).toFixed(1)}%`);
const num = (n: number | null, digits = 1) => (n === null ? "–" : n.toFixed(digits));
/** Display width: CJK characters take two columns in a terminal. */
const width = (s: string) => [...s].reduce((n, c) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0);
const pad = (s: string, w: number) => s + " ".repeat(Math.max(0, w - width(s)));

function columns(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.min(40, Math.max(width(h), ...rows.map((r) => width(r[i])))));
  return [head, ...rows].map((r) => r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]))).join("  ").trimEnd()).join("\n");
}

const searchTable = (lines: SearchLine[]) =>
  lines.length ? columns(["查询", "搜索", "有点击", "点击率", "平均位置", "无结果"], lines.map((s) => [s.query, String(s.searches), String(s.clicks), pct(s.clickThroughRate), num(s.avgClickPosition), String(s.zeroResultSearches)])) : "  （无）";

function question(q: QuestionLine): string {
  const reasons = Object.entries(q.reasons).map(([r, n]) => `${r} ${n}`).join("；");
  return [
    `${q.source}  ${q.question}`,
    `  ${q.url}`,
    `  有帮助 ${q.helpful} · 没帮助 ${q.notHelpful} · 有帮助占比 ${pct(q.helpfulShare)}${q.worstScore === null ? "" : ` · Wilson 下限 ${q.worstScore.toFixed(3)}`}${reasons ? ` · ${reasons}` : ""}`,
    ...q.comments.map((c) => `  “${c}”`),
  ].join("\n");
}

/**
 * The report for a terminal: sections, aligned columns, each question with its source line and live
 * link. Every string of the report is shown through `visible` first, so nothing a visitor typed can
 * drive the terminal, and no field added later can forget to be.
 */
export function formatText(report: Report): string {
  const r = mapStrings(report, visible);
  const t = r.totals;
  const votes = t.helpful + t.notHelpful;
  const out = [
    `反馈与搜索报告：${r.from} 至 ${r.to}（${r.days} 天，中国标准时间）`,
    `搜索 ${t.searches} · 无结果占比 ${pct(t.searches ? t.zeroResultSearches / t.searches : null)} · 点击率 ${pct(t.searches ? t.searchesWithClick / t.searches : null)} · 投票 ${votes} · 有帮助占比 ${pct(votes ? t.helpful / votes : null)}`,
    "",
    "## 最差回答（至少 5 票，按“没帮助”占比的 Wilson 下限）",
    r.worst.length ? r.worst.map(question).join("\n\n") : "  （还没有问题得到 5 票以上）",
    "",
    "## 热门搜索",
    searchTable(r.searches),
    "",
    "## 无结果搜索",
    searchTable(r.zeroResultSearches),
    "",
    "## 无点击搜索",
    searchTable(r.searchesWithoutClick),
    "",
    "## 没找到留言",
    r.notFound.length ? r.notFound.map((n) => `${n.day}  ${n.query}: ${n.text}`).join("\n") : "  （无）",
    "",
    "## 所有被投票的问题",
    r.questions.length ? r.questions.map(question).join("\n\n") : "  （无投票）",
    "",
    "## 每日趋势",
    columns(["日期", "搜索", "无结果占比", "点击率", "投票", "有帮助占比"], r.daily.map((d) => [d.day, String(d.searches), pct(d.zeroResultShare), pct(d.clickThroughRate), String(d.helpful + d.notHelpful), pct(d.helpfulShare)])),
    "",
    "## 指标定义",
    ...r.definitions.map((d) => `${d.name}: ${d.definition}`),
  ];
  return out.join("\n") + "\n";
}
