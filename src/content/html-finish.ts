import type { Element, ElementContent, Root } from "hast";
import { visit } from "unist-util-visit";

/** Presentational attributes HTML5 dropped; the site's CSS lays out tables and paragraphs. */
const OBSOLETE = ["align", "vAlign", "width", "height", "bgColor", "border", "cellPadding", "cellSpacing", "noWrap"];
const LAYOUT_ELEMENTS = new Set(["table", "thead", "tbody", "tfoot", "tr", "td", "th", "p", "div", "hr", "caption", "col", "colgroup"]);

const LISTS = new Set(["ul", "ol", "menu"]);

/** `|15|<li>一</li><li>二</li>|`: list items written straight into a table cell get their `<ul>`. */
function wrapStrayListItems(node: Element): void {
  if (!node.children.some((c) => c.type === "element" && c.tagName === "li")) return;
  const children: ElementContent[] = [];
  for (const child of node.children) {
    const last = children.at(-1);
    const strayList = last?.type === "element" && last.tagName === "ul" && last.data?.stray;
    if (strayList && child.type === "text" && !child.value.trim()) continue; // space between items
    if (child.type === "element" && child.tagName === "li") {
      if (last?.type === "element" && last.tagName === "ul" && last.data?.stray) last.children.push(child);
      else children.push({ type: "element", tagName: "ul", properties: {}, children: [child], data: { stray: true } });
    } else children.push(child);
  }
  node.children = children;
}

/**
 * Last touches on sanitized HTML, so these attributes are ours, not the content's:
 * images load lazily, and protocol-relative URLs (`//host/x.png`) use https, since a page
 * opened from a file or a proxy would otherwise resolve them to the wrong scheme;
 * obsolete layout attributes (`<td align>`, `<th width>`) are dropped, so every page is valid HTML.
 */
export function rehypeFinishImages() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (LAYOUT_ELEMENTS.has(node.tagName)) for (const name of OBSOLETE) delete node.properties[name];
      // `<div class="doc-video-mod">`: the sanitizer removed the content's class names; drop the empty attribute.
      if (Array.isArray(node.properties.className) && node.properties.className.length === 0) delete node.properties.className;
      if (!LISTS.has(node.tagName)) wrapStrayListItems(node);
      if (node.tagName !== "img") return;
      const src = node.properties.src;
      if (typeof src === "string" && src.startsWith("//")) node.properties.src = `https:${src}`;
      node.properties.loading = "lazy";
      node.properties.decoding = "async";
      if (typeof node.properties.alt !== "string") node.properties.alt = "";
    });
  };
}

declare module "hast" {
  interface Data {
    /** A list this plugin made around stray `<li>`s. */
    stray?: boolean;
  }
}
