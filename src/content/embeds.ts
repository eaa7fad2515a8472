import type { Element, Root } from "hast";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";

/**
 * Hosts whose players a page may embed (`<iframe src>`), over https only. Real pages embed Tencent
 * Cloud's course videos; anything else (ads, forms, a foreign login page) is removed with a warning.
 * Every allowed host must also be a frame source in the page's CSP: scripts/lib/csp.ts reads them
 * from the page's HTML.
 */
export const EMBED_HOSTS = ["cloud.tencent.com", "v.qq.com", "player.bilibili.com"];

/** Keeps allowed embeds (lazy, in a responsive 16:9 box) and removes the rest. */
export function rehypeEmbeds() {
  return (tree: Root, file: VFile) => {
    visit(tree, "element", (node: Element, index, parent) => {
      if (node.tagName !== "iframe" || !parent || index === undefined) return;
      const url = embedUrl(node.properties.src);
      if (!url) {
        const where = typeof node.properties.src === "string" ? node.properties.src.slice(0, 80) : "(no src)";
        file.message(`embedded frame ${where} removed: only https players from ${EMBED_HOSTS.join(", ")} may be embedded`, node.position);
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      const frame: Element = {
        type: "element",
        tagName: "iframe",
        properties: {
          src: url.href,
          title: typeof node.properties.title === "string" && node.properties.title ? node.properties.title : "视频",
          loading: "lazy",
          allowFullScreen: true,
          referrerPolicy: "strict-origin-when-cross-origin",
          // No sandbox: a player needs scripts and its own origin, and sandboxing with both is no
          // sandbox at all (the HTML checker rejects it). The allow-list, the cross-origin boundary
          // and the page's frame-src are what keep it in its box.
        },
        children: [],
      };
      parent.children[index] = { type: "element", tagName: "div", properties: { className: ["faq-embed"] }, children: [frame] };
      return SKIP;
    });
  };
}

function embedUrl(src: unknown): URL | null {
  if (typeof src !== "string") return null;
  try {
    const url = new URL(src.startsWith("//") ? `https:${src}` : src);
    return url.protocol === "https:" && EMBED_HOSTS.includes(url.hostname) ? url : null;
  } catch {
    return null;
  }
}
