import type { Range } from "@/search/types";

/** Text with the matched ranges in `<mark>`: DOM text nodes, never HTML from the query. */
export function markedText(text: string, ranges: Range[]): DocumentFragment {
  const out = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of mergeRanges(ranges)) {
    if (start < at) continue;
    if (start > at) out.append(text.slice(at, start));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(start, end + 1);
    out.append(mark);
    at = end + 1;
  }
  out.append(text.slice(at));
  return out;
}

/** About `radius` characters either side of the first match, with ranges shifted to fit. */
export function snippet(text: string, ranges: Range[], radius = 36): { text: string; ranges: Range[] } {
  const first = ranges[0]?.[0] ?? 0;
  const start = Math.max(0, first - radius);
  const end = Math.min(text.length, first + radius * 2);
  const prefix = start > 0 ? "…" : "";
  const shifted = ranges
    .filter(([s, e]) => s >= start && e < end)
    .map(([s, e]): Range => [s - start + prefix.length, e - start + prefix.length]);
  return { text: prefix + text.slice(start, end) + (end < text.length ? "…" : ""), ranges: shifted };
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const [s, e] of sorted) {
    const last = out.at(-1);
    if (last && s <= last[1] + 1) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}
