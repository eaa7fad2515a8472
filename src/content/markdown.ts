import type { Root as HastRoot } from "hast";
import rehypeExternalLinks from "rehype-external-links";
import rehypeRaw from "rehype-raw";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { remarkExplicitAnchors } from "./anchors";
import { SANITIZE_SCHEMA } from "./sanitize";

/**
 * The site's one Markdown processor, created once: Markdown (GFM) → dialect transforms → HTML tree
 * → raw HTML parsed → sanitized. It stops at a HTML tree (hast), not a string, because the page is
 * then cut into questions and each answer is serialized on its own.
 *
 * Why not remark-html: it cannot keep raw HTML while sanitizing (it drops raw nodes before its
 * sanitizer runs), and real pages need their `<br>` and `<table>`.
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkExplicitAnchors)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, SANITIZE_SCHEMA)
  // After sanitizing, so these attributes are ours: external links open in a new tab, safely.
  .use(rehypeExternalLinks, { target: "_blank", rel: ["noopener", "noreferrer"] })
  .freeze();

/** Markdown source (without front matter) → sanitized HTML tree with positions of the source lines. */
export function markdownToHast(markdown: string): HastRoot {
  return processor.runSync(processor.parse(markdown)) as HastRoot;
}
