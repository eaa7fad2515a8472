/**
 * The dialect's block components, rewritten before Markdown parsing. Real pages write
 *
 *   <dx-tabs>                      <dx-accordion>              <dx-codeblock>
 *   ::: 标题                        ::: Error:\sfailed…          ::: Android
 *   Markdown…                      Markdown…                   code…
 *   :::                            :::                         :::
 *   </dx-tabs>                     </dx-accordion>             </dx-codeblock>
 *
 * with no blank lines, so CommonMark would swallow the `:::` lines into one raw HTML block. This
 * pass turns them into plain HTML wrappers surrounded by blank lines, so the Markdown inside is
 * parsed as Markdown (and code stays code). `lineMap[i]` is the source line of output line i + 1,
 * so messages still name the writer's line. Fenced code is left alone.
 */
export type Rewritten = { text: string; lineMap: number[]; warnings: Message[]; errors: Message[] };
type Message = { line: number; message: string };
const KNOWN = new Set(["tabs", "accordion", "codeblock", "alert"]);

type Block = "tabs" | "accordion" | "codeblock";
const OPEN = /^\s*<dx-(tabs|accordion|codeblock)\b[^>]*>\s*$/;
const CLOSE = /^\s*>?\s*<\/dx-(tabs|accordion|codeblock)>\s*$/; // `></dx-tabs>`: after a callout, as real pages write it
const ALERT_OPEN = /^\s*<dx-alert\b([^>]*)>\s*$/;
const ALERT_CLOSE = /^\s*<\/dx-alert>\s*$/;
const PANE = /^\s*>?\s*:::\s*(.*?)\s*$/;
const FENCE = /^\s*(```|~~~)/;
/** A question or section heading (levels 1–3): never inside a pane, so a block still open there was not closed. */
const PAGE_HEADING = /^ {0,3}#{1,3}[ \t]/;
/** A lone inline tag on its line starts a raw HTML block that swallows the Markdown below it. */
const LONE_TAG = /^\s*<(img|br|hr)\b[^>]*>\s*$/i;
/**
 * `1. ### 问题？`: questions written as list items. Inside a list a heading is not a question the page
 * structure can see, so the heading is lifted out of the list (the numbers only repeated the order).
 */
const LIST_HEADING = /^ {0,3}(?:\d{1,9}[.)]|[-*+])[ \t]+(?=#{1,6}[ \t])/;
/**
 * `>? 一句说明` then `2. 下一步`: the writer went back to the numbered steps, but in CommonMark an item
 * numbered other than 1 cannot interrupt a paragraph, so it would continue the quote (the callout).
 * A blank line ends the quote. (`>!` alone on its line, then a list, is a callout holding that list.)
 */
const QUOTE_WITH_TEXT = /^\s*>.*\S.*$/;
const QUOTE_MARKER_ONLY = /^\s*>\s*[?!]?\s*$/;
const LATER_ORDERED_ITEM = /^ {0,3}(?!1[.)])\d{1,9}[.)][ \t]/;

/** `offset`: the lines before the Markdown (front matter), so messages name the file's own lines. */
export function rewriteDialectBlocks(source: string, offset = 0): Rewritten {
  const out: string[] = [];
  const lineMap: number[] = [];
  const emit = (line: number, ...lines: string[]) => lines.forEach((l) => (out.push(l), lineMap.push(line)));
  const stack: { block: Block; pane: boolean; lang: string; line: number }[] = [];
  const warnings: Message[] = [];
  const errors: Message[] = [];
  /** Closes what is still open (a forgotten `</dx-tabs>`), so the rest of the page parses as written. */
  const closeAll = (line: number, before: string) => {
    for (let open = stack.pop(); open; open = stack.pop()) {
      errors.push({ line: open.line + offset, message: `<dx-${open.block}> is not closed ${before}: add </dx-${open.block}> after its last pane` });
      emit(line, "", ...closePane(open), "</div>", "");
    }
  };
  let fence = false;

  let previous = "";
  source.split("\n").forEach((text, i) => {
    const line = i + 1;
    const before = previous;
    previous = text;
    const top = stack.at(-1);
    if (FENCE.test(text) && !(top?.block === "codeblock" && top.pane)) fence = !fence;
    if (fence) return emit(line, text);
    for (const [, name] of text.matchAll(/<dx-([\w-]+)/g)) {
      if (!KNOWN.has(name)) warnings.push({ line: line + offset, message: `unknown component <dx-${name}>: its content is shown as plain text; use <dx-tabs>, <dx-accordion>, <dx-codeblock> or <dx-alert>` });
    }
    let m: RegExpExecArray | null;
    // Code in a code pane may begin with # (a shell comment); it is no heading.
    if (top && !(top.block === "codeblock" && top.pane) && PAGE_HEADING.test(text)) closeAll(line, `before the heading at line ${line + offset}`);
    if ((m = OPEN.exec(text))) {
      stack.push({ block: m[1] as Block, pane: false, lang: "", line });
      return emit(line, "", `<div class="faq-${m[1]}">`, "");
    }
    if ((m = CLOSE.exec(text))) {
      if (!top) {
        warnings.push({ line: line + offset, message: `</dx-${m[1]}> closes nothing: remove it, or add the <dx-${m[1]}> it belongs to` });
        return emit(line, "");
      }
      if (top.block !== m[1]) errors.push({ line: line + offset, message: `</dx-${m[1]}> closes the <dx-${top.block}> opened at line ${top.line + offset}: write </dx-${top.block}>` });
      stack.pop();
      return emit(line, "", ...closePane(top), "</div>", "");
    }
    if (top && (m = PANE.exec(text))) {
      const title = m[1].replace(/\\s/g, " ").trim();
      if (!title) return emit(line, "", ...closePane(top), ""); // a bare ::: closes the pane
      const closing = closePane(top);
      top.pane = true;
      top.lang = languageOf(title);
      return emit(line, "", ...closing, ...openPane(top.block, title, top.lang), "");
    }
    if ((m = ALERT_OPEN.exec(text))) {
      const kind = /infotype\s*=\s*["']?(notice|warning)/.test(m[1]) ? "warning" : "note";
      return emit(line, "", `<div class="faq-callout faq-callout--${kind}">`, `<p class="faq-callout__title">${kind === "warning" ? "注意" : "说明"}</p>`, "");
    }
    if (ALERT_CLOSE.test(text)) return emit(line, "", "</div>", "");
    if (LONE_TAG.test(text)) return emit(line, text, "");
    if (LATER_ORDERED_ITEM.test(text) && QUOTE_WITH_TEXT.test(before) && !QUOTE_MARKER_ONLY.test(before)) emit(line, "");
    const anchors = repairSpacedAnchors(text);
    for (const [typed, id] of anchors.repaired) warnings.push({ line: line + offset, message: `anchor ${typed} has a space in its id: read as [](id:${id}); write ids without spaces` });
    emit(line, repairEmphasis(repairAnchors(anchors.text.replace(LIST_HEADING, ""))));
  });
  closeAll(lineMap.at(-1) ?? 1, "by the end of the page");
  return { text: out.join("\n"), lineMap, warnings, errors };
}

/** Code pane titles name a platform or a language; highlight.js needs a language. */
const LANGUAGES: Record<string, string> = {
  android: "java", java: "java", kotlin: "kotlin", ios: "objectivec", "objective-c": "objectivec", objc: "objectivec", swift: "swift",
  javascript: "javascript", js: "javascript", web: "javascript", typescript: "typescript", ts: "typescript", python: "python",
  go: "go", golang: "go", php: "php", c: "c", "c++": "cpp", cpp: "cpp", "c#": "csharp", shell: "bash", bash: "bash", json: "json", xml: "xml", html: "xml",
};
function languageOf(title: string): string {
  const key = title.trim().toLowerCase();
  // "Android java", "iOS Objective-C": the platform, then the language; the language wins.
  return LANGUAGES[key] ?? key.split(/\s+/).reverse().map((word) => LANGUAGES[word]).find(Boolean) ?? "";
}

/**
 * `[](id: faceiderr)`, `[](id:e invoice)`: Markdown reads no link with a space in it, so the marker
 * would show in the heading. Read as the id with its spaces made hyphens (and a warning).
 */
function repairSpacedAnchors(line: string): { text: string; repaired: [string, string][] } {
  const repaired: [string, string][] = [];
  const text = line.replace(/\[\]\(id:([^)\n]*\s[^)\n]*)\)/g, (typed, inner: string) => {
    const id = inner.trim().replace(/\s+/g, "-");
    if (!id) return typed; // blank: the checker warns about that
    repaired.push([typed, id]);
    return `[](id:${id})`;
  });
  return { text, repaired };
}

/** `[](id:x">…</span>`: an anchor half-rewritten into a span by hand; read it as `[](id:x)`. */
function repairAnchors(line: string): string {
  return line.replace(/\[\]\(id:([^)\s"]+)">/g, "[](id:$1)");
}

/**
 * `**让用户具有操作权限 **来`: a space inside the asterisks stops them being bold, and the reader sees
 * them. On a line with pairs of `**` (and no code), the space just inside each pair is dropped.
 */
function repairEmphasis(line: string): string {
  if (line.includes("`")) return line;
  const parts = line.split("**");
  if (parts.length < 3 || parts.length % 2 === 0) return line;
  return parts.map((part, i) => (i % 2 === 1 && part.trim() ? part.trim() : part)).join("**");
}

function openPane(block: Block, title: string, lang: string): string[] {
  const label = escapeHtml(title);
  if (block === "accordion") return [`<details class="faq-accordion__item">`, `<summary>${label}</summary>`, ""];
  const head = [`<div class="faq-tab">`, `<p class="faq-tab__title">${label}</p>`, ""];
  return block === "codeblock" ? [...head, "```" + lang] : head;
}

function closePane(top: { block: Block; pane: boolean }): string[] {
  if (!top.pane) return [];
  top.pane = false;
  if (top.block === "accordion") return ["</details>", ""];
  return top.block === "codeblock" ? ["```", "", "</div>", ""] : ["</div>", ""];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}
