import type { Root as HastRoot } from "hast";
import type { VFile as VFileType } from "vfile";
import rehypeExternalLinks from "rehype-external-links";
import rehypeHighlight from "rehype-highlight";
import rehypeRaw from "rehype-raw";
import rehypeSanitize from "rehype-sanitize";
import remarkBreaks from "remark-breaks";
import remarkCjkFriendly from "remark-cjk-friendly";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { VFile } from "vfile";
import { remarkExplicitAnchors } from "./anchors";
import { remarkCallouts } from "./callouts";
import { rehypeEmbeds } from "./embeds";
import { rehypeFinishImages } from "./html-finish";
import { SANITIZE_SCHEMA } from "./sanitize";

/**
 * The site's one Markdown processor, created once: Markdown (GFM) → dialect transforms (anchors,
 * callouts) → HTML tree → raw HTML parsed → sanitized → our own attributes (links, images, code
 * highlighting). Block components (`<dx-tabs>` …) are rewritten before parsing: `dialect-source.ts`. It stops at a HTML tree (hast), not a string, because the page is
 * then cut into questions and each answer is serialized on its own.
 *
 * Why not remark-html: it cannot keep raw HTML while sanitizing (it drops raw nodes before its
 * sanitizer runs), and real pages need their `<br>` and `<table>`.
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  // `**注意：**如果…` is bold to a Chinese reader; plain CommonMark leaves the asterisks visible.
  .use(remarkCjkFriendly)
  // Writers put one item per line ("微信扫码：即时完成" ⏎ "人脸识别：即时完成") and the documentation
  // shows them so; CommonMark would join them with spaces, which also puts spaces between Chinese words.
  .use(remarkBreaks)
  .use(remarkExplicitAnchors)
  .use(remarkCallouts)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRawWhenNeeded)
  .use(rehypeSanitize, SANITIZE_SCHEMA)
  // After sanitizing, so these attributes are ours: external links open in a new tab, safely.
  .use(rehypeExternalLinks, { target: "_blank", rel: ["noopener", "noreferrer"] })
  .use(rehypeFinishImages)
  .use(rehypeEmbeds)
  // Code is highlighted here, at build time: the browser gets coloured HTML and no highlighter.
  .use(rehypeHighlight, { detect: false, ignoreMissing: true })
  .freeze();

/**
 * rehype-raw re-parses the whole tree with parse5 to resolve raw HTML, even on a page that has
 * none (about two thirds of pages): skipping that pass there saves a tenth of the parse time and
 * changes nothing, since a tree made from Markdown alone is already what parse5 would build.
 */
function rehypeRawWhenNeeded() {
  const resolveRaw = rehypeRaw();
  return (tree: HastRoot, file: VFileType) => (hasRawHtml(tree) ? resolveRaw(tree, file) : tree);
}

function hasRawHtml(node: HastRoot | HastRoot["children"][number]): boolean {
  if (node.type === "raw") return true;
  return "children" in node && node.children.some((child) => hasRawHtml(child as HastRoot["children"][number]));
}

/**
 * Markdown source (without front matter) → sanitized HTML tree with positions of the source lines,
 * and the warnings the dialect plugins raised (`line` is a line of `markdown`).
 */
export function markdownToHast(markdown: string): { tree: HastRoot; warnings: { line: number; message: string }[] } {
  const file = new VFile(markdown);
  const tree = processor.runSync(processor.parse(file), file) as HastRoot;
  return { tree, warnings: file.messages.map((m) => ({ line: m.line ?? 1, message: m.reason })) };
}
