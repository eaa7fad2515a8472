import type { Blockquote, Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";

type Kind = "note" | "warning";
const TITLES: Record<Kind, string> = { note: "说明", warning: "注意" };
const MARKER = /^\s*([?？!！])(?=\s|$|[^\x00-\x7f])/;
const LEGACY = /^(注意|警告|说明|提示|注)\s*[:：]?\s*$/;

/**
 * Callouts: `>?` is a note and `>!` a warning (with or without a space, the marker alone on its
 * line or not), and so are legacy quotes that start with **注意：** or **说明：**. A list written
 * right below a callout without `>` (lazy continuation, which CommonMark leaves outside the quote)
 * is what the writer meant to be inside it, so it is moved in.
 */
export function remarkCallouts() {
  return (tree: Root) => {
    visit(tree, "blockquote", (node, index, parent) => {
      const kind = takeMarker(node);
      if (!kind) return;
      const next = parent && index !== undefined ? (parent.children[index + 1] as RootContent | undefined) : undefined;
      if (next?.type === "list" && next.position && node.position && next.position.start.line === node.position.end.line + 1) {
        node.children.push(next);
        parent!.children.splice(index! + 1, 1);
      }
      const title: Paragraph = { type: "paragraph", children: [{ type: "text", value: TITLES[kind] }], data: { hProperties: { className: ["faq-callout__title"] } } };
      node.children.unshift(title);
      node.data = { ...node.data, hName: "div", hProperties: { className: ["faq-callout", `faq-callout--${kind}`] } };
    });
  };
}

/** Removes the `?`/`!` marker or the legacy bold label and says which kind of callout this is. */
function takeMarker(node: Blockquote): Kind | null {
  const first = node.children[0];
  if (first?.type !== "paragraph") return null;
  const lead = first.children[0];
  if (lead?.type === "text") {
    const m = MARKER.exec(lead.value);
    if (!m) return null;
    lead.value = lead.value.slice(m[0].length).replace(/^\s+/, "");
    dropIfEmpty(node, first);
    return m[1] === "?" || m[1] === "？" ? "note" : "warning";
  }
  if (lead?.type === "strong" && LEGACY.test(toString(lead))) {
    const label = toString(lead);
    first.children.shift();
    trimStart(first.children);
    dropIfEmpty(node, first);
    return /说明|提示/.test(label) ? "note" : "warning";
  }
  return null;
}

function trimStart(children: PhrasingContent[]): void {
  const head = children[0];
  if (head?.type === "text") head.value = head.value.replace(/^[\s:：]+/, "");
}

function dropIfEmpty(node: Blockquote, paragraph: Paragraph): void {
  if (toString(paragraph).trim() === "" && !paragraph.children.some((c) => c.type === "image")) node.children.shift();
}
