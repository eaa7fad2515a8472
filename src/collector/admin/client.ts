// The report page of /admin/ (served by npm start only, never part of out/). Asks for the token,
// keeps it for this tab (sessionStorage), fetches /api/admin/report with it and draws the report:
// charts as SVG, tables, the metric definitions. Built by esbuild on the server's first request.
import type { DayLine, QuestionLine, Report, SearchLine } from "../report/report";
import { mapStrings, visible } from "../report/visible";

const TOKEN_KEY = "faq-admin-token";
const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const pct = (n: number | null) => (n === null ? "–" : `${(n * 100).toFixed(1)}%`);
const num = (n: number | null, digits = 1) => (n === null ? "–" : n.toFixed(digits));

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

/**
 * A column of a report table. `text`: words (a query, a question, reasons, comments), which need
 * the width: at least 10 characters on a wide screen, a line of their own on a phone. `title`: the
 * cell that heads a row's card on a phone, shown without its column name.
 */
type Column = { label: string; text?: boolean; title?: boolean };

function cell(column: Column, content: Node | string): HTMLElement {
  const kind = [column.text ? "text" : "number", column.title ? "title" : ""].filter(Boolean).join(" ");
  return h("td", { role: "cell", class: kind, "data-label": column.label }, content);
}

/**
 * A report table. On a phone admin.css shows each row as a card (a title line, numbers side by side
 * under their names, text lines in full): the roles keep it a table to screen readers, which drop
 * table semantics from elements whose display changed. Wider, it scrolls sideways in a box the
 * keyboard can reach.
 */
function table(caption: string, columns: Column[], rows: (Node | string)[][], empty = "这段时间没有数据。"): HTMLElement {
  if (!rows.length) return h("section", {}, h("h2", {}, caption), h("p", { class: "muted" }, empty));
  const t = h(
    "table",
    { role: "table", class: "report-table" },
    h("caption", { class: "visually-hidden" }, caption),
    h("thead", { role: "rowgroup" }, h("tr", { role: "row" }, ...columns.map((c) => h("th", { scope: "col", role: "columnheader" }, c.label)))),
    h("tbody", { role: "rowgroup" }, ...rows.map((r) => h("tr", { role: "row" }, ...r.map((c, i) => cell(columns[i], c))))),
  );
  return h("section", {}, h("h2", {}, caption), h("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": caption }, t));
}

const searchRows = (lines: SearchLine[]) => lines.map((s) => [s.query, String(s.searches), String(s.clicks), pct(s.clickThroughRate), num(s.avgClickPosition), String(s.zeroResultSearches)]);
const SEARCH_COLUMNS: Column[] = [{ label: "查询", text: true, title: true }, { label: "搜索次数" }, { label: "有点击" }, { label: "点击率" }, { label: "平均点击位置" }, { label: "无结果次数" }];

function questionCell(q: QuestionLine): HTMLElement {
  return h("div", {}, q.url ? h("a", { href: q.url, target: "_blank", rel: "noopener" }, q.question) : q.question, h("br"), h("code", {}, q.source));
}
const reasonText = (q: QuestionLine) => Object.entries(q.reasons).map(([r, n]) => `${r} ${n}`).join("；") || "–";
const commentList = (q: QuestionLine) => (q.comments.length ? h("ul", { class: "comments" }, ...q.comments.map((c) => h("li", {}, c))) : "–");
const questionRow = (q: QuestionLine) => [questionCell(q), String(q.helpful), String(q.notHelpful), pct(q.helpfulShare), num(q.worstScore, 3), reasonText(q), commentList(q)];
const QUESTION_COLUMNS: Column[] = [
  { label: "问题与出处", text: true, title: true },
  { label: "有帮助" },
  { label: "没帮助" },
  { label: "有帮助占比" },
  { label: "Wilson 下限" },
  { label: "原因", text: true },
  { label: "最新留言", text: true },
];
const NOT_FOUND_COLUMNS: Column[] = [{ label: "日期" }, { label: "查询", text: true }, { label: "留言", text: true }];

const SVG = "http://www.w3.org/2000/svg";
function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** One daily series as a chart: bars for counts, a line for shares (0–100 %). Gaps where a share has no data. */
function chart(title: string, days: DayLine[], value: (d: DayLine) => number | null, kind: "bars" | "line"): HTMLElement {
  const width = 720;
  const height = 180;
  const pad = { left: 44, right: 8, top: 10, bottom: 24 };
  const values = days.map(value);
  const max = kind === "line" ? 1 : Math.max(1, ...values.map((v) => v ?? 0));
  const x = (i: number) => pad.left + ((width - pad.left - pad.right) * (i + 0.5)) / days.length;
  const y = (v: number) => height - pad.bottom - ((height - pad.top - pad.bottom) * v) / max;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", class: "chart" });
  root.append(svg("title", {}, `${title}（按天）`));
  for (const t of [0, 0.5, 1]) {
    root.append(svg("line", { x1: pad.left, x2: width - pad.right, y1: y(max * t), y2: y(max * t), class: "grid" }));
    root.append(svg("text", { x: pad.left - 6, y: y(max * t) + 4, "text-anchor": "end", class: "axis" }, kind === "line" ? `${t * 100}%` : String(Math.round(max * t))));
  }
  const barWidth = Math.max(1, ((width - pad.left - pad.right) / days.length) * 0.7);
  let path = "";
  values.forEach((v, i) => {
    if (v === null) return void (path += " ");
    if (kind === "bars") root.append(svg("rect", { x: x(i) - barWidth / 2, y: y(v), width: barWidth, height: y(0) - y(v), class: "bar" }, undefined));
    else path += `${path.endsWith(" ") || !path ? "M" : "L"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
  });
  if (kind === "line") {
    root.append(svg("path", { d: path.trim(), class: "series" }));
    values.forEach((v, i) => v !== null && root.append(svg("circle", { cx: x(i), cy: y(v), r: 2.5, class: "dot" })));
  }
  const step = Math.ceil(days.length / 8);
  days.forEach((d, i) => i % step === 0 && root.append(svg("text", { x: x(i), y: height - 6, "text-anchor": "middle", class: "axis" }, d.day.slice(5))));
  // The caption first: below the chart it read as the heading of the next one.
  return h("figure", {}, h("figcaption", {}, title), root);
}

function render(report: Report): void {
  const t = report.totals;
  const votes = t.helpful + t.notHelpful;
  const out = $("#report");
  out.replaceChildren(
    h("p", { class: "period" }, `${report.from} 至 ${report.to}（${report.days} 天，中国标准时间），生成于 ${new Date(report.generatedAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hourCycle: "h23" })}`),
    h(
      "dl",
      { class: "totals" },
      ...[
        ["搜索次数", String(t.searches)],
        ["无结果占比", pct(t.searches ? t.zeroResultSearches / t.searches : null)],
        ["点击率", pct(t.searches ? t.searchesWithClick / t.searches : null)],
        ["投票", String(votes)],
        ["有帮助占比", pct(votes ? t.helpful / votes : null)],
      ].map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v))),
    ),
    h(
      "section",
      { class: "charts" },
      h("h2", {}, "每日趋势"),
      chart("搜索次数", report.daily, (d) => d.searches, "bars"),
      chart("无结果占比", report.daily, (d) => d.zeroResultShare, "line"),
      chart("有帮助占比", report.daily, (d) => d.helpfulShare, "line"),
    ),
    table("最差回答（至少 5 票，按 Wilson 下限）", QUESTION_COLUMNS, report.worst.map(questionRow), "还没有问题得到 5 票以上。"),
    table("热门搜索", SEARCH_COLUMNS, searchRows(report.searches)),
    table("无结果搜索", SEARCH_COLUMNS, searchRows(report.zeroResultSearches)),
    table("无点击搜索", SEARCH_COLUMNS, searchRows(report.searchesWithoutClick)),
    table("没找到留言", NOT_FOUND_COLUMNS, report.notFound.map((n) => [n.day, n.query, n.text])),
    table("所有被投票的问题", QUESTION_COLUMNS, report.questions.map(questionRow)),
    h("section", {}, h("h2", {}, "指标定义"), h("dl", { class: "definitions" }, ...report.definitions.flatMap((d) => [h("dt", {}, d.name), h("dd", {}, d.definition)]))),
  );
  out.hidden = false;
}

/** What the API's refusals mean to the writer at the login form (the API itself says it in English, for scripts). */
const LOGIN_ERRORS: Record<number, string> = {
  401: "令牌不正确，请重新输入。",
  429: "错误次数过多，请 10 分钟后再试。",
};

async function load(days: number): Promise<void> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const error = $("#login-error");
  if (!token) return;
  const res = await fetch(`/api/admin/report?days=${days}`, { headers: { Authorization: `Bearer ${token}` } }).catch(() => null);
  if (!res?.ok) {
    if (res?.status === 401) sessionStorage.removeItem(TOKEN_KEY);
    error.textContent = res ? (LOGIN_ERRORS[res.status] ?? `出错了（${res.status}），请稍后再试。`) : "无法连接服务器";
    $("#login").hidden = false;
    return;
  }
  error.textContent = "";
  $("#login").hidden = true;
  $("#period").hidden = false;
  // What visitors typed is shown as the terminal report shows it: a bidi override (U+202E) or a
  // zero-width character as its escape, never reversing a cell or making two queries look alike.
  render(mapStrings((await res.json()) as Report, visible));
}

function periodPicker(): HTMLElement {
  const select = h("select", { id: "days" }, ...[7, 30, 90, 365].map((d) => h("option", { value: String(d), ...(d === 30 ? { selected: "" } : {}) }, `最近 ${d} 天`)));
  select.addEventListener("change", () => void load(Number(select.value)));
  const refresh = h("button", { type: "button" }, "刷新");
  refresh.addEventListener("click", () => void load(Number(select.value)));
  return h("div", { id: "period", class: "toolbar", hidden: "" }, h("label", { for: "days" }, "统计周期"), select, refresh);
}

$("#login").after(periodPicker());
$("#login").addEventListener("submit", (event) => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, $<HTMLInputElement>("#token").value.trim());
  void load(30);
});
void load(30);
