import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";

/**
 * Last touches on sanitized HTML, so these attributes are ours, not the content's:
 * images load lazily, and protocol-relative URLs (`//host/x.png`) use https, since a page
 * opened from a file or a proxy would otherwise resolve them to the wrong scheme.
 */
export function rehypeFinishImages() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "img") return;
      const src = node.properties.src;
      if (typeof src === "string" && src.startsWith("//")) node.properties.src = `https:${src}`;
      node.properties.loading = "lazy";
      node.properties.decoding = "async";
      if (typeof node.properties.alt !== "string") node.properties.alt = "";
    });
  };
}
