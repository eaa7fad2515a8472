import type { Heading, Link, Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import type { Parent } from "unist";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";

/**
 * The dialect's explicit anchors, `[](id:x)`. Real pages put them
 * - at the end of a question heading: `### 问题？[](id:x)`,
 * - on their own line before the heading (the most common form), `[](id:x)` then `### 问题？`,
 * - around the heading text: `### [问题？](id:x)`,
 * - in the middle of text, where they mark a step, not a question.
 * Legacy pages write `<span id="x"></span>` on the line before the heading.
 *
 * This remark plugin moves each id onto its heading (`data.hProperties.id`) and removes the marker, so
 * the HTML has exactly `id="x"` and no empty link. A mid-text anchor becomes an empty `<span id="x">`.
 * Blank ids are kept as `data.blankAnchor` for the checker to warn about.
 */
export function remarkExplicitAnchors() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node, index, parent) => {
      if (node.type === "heading") {
        takeHeadingAnchors(node);
        if (node.data?.blankAnchor) file.message("anchor `[](id:)` has no id: write one, e.g. [](id:my-question), or remove it", node);
        return SKIP;
      }
      if (node.type === "paragraph" && parent && index !== undefined && isAnchorOnly(node)) {
        const target = nextHeading(parent, index);
        if (target) {
          for (const id of anchorIds(node)) setHeadingId(target, id);
          parent.children.splice(index, 1);
          return index;
        }
      }
      if (node.type === "link" && parent && index !== undefined && anchorIdOf(node) !== null) {
        parent.children.splice(index, 1, ...inlineTarget(node));
        return index;
      }
      return undefined;
    });
  };
}

const SPAN_ID = /^<span\s+id\s*=\s*["']([^"']*)["']\s*>(?:\s*<\/span>)?$/i;

/** The id of an anchor marker (`[](id:x)` or `<span id="x">`), or null for anything else. */
function anchorIdOf(node: RootContent): string | null {
  if (node.type === "link" && node.url.startsWith("id:")) return node.url.slice(3).trim();
  if (node.type === "html") return SPAN_ID.exec(node.value.trim())?.[1].trim() ?? null;
  return null;
}

function isAnchorOnly(paragraph: Paragraph): boolean {
  const meaningful = paragraph.children.filter(
    (c) => !(c.type === "text" && c.value.trim() === "") && !(c.type === "html" && /^<\/span>$/i.test(c.value.trim())),
  );
  return (
    meaningful.length > 0 &&
    meaningful.every((c) => anchorIdOf(c) !== null && (c.type !== "link" || c.children.length === 0))
  );
}

function anchorIds(paragraph: Paragraph): string[] {
  return paragraph.children.map(anchorIdOf).filter((id): id is string => id !== null);
}

/** The heading this anchor line belongs to: the next sibling, across any number of blank lines. */
function nextHeading(parent: Parent, index: number): Heading | undefined {
  const next = parent.children[index + 1] as RootContent | undefined;
  return next?.type === "heading" ? next : undefined;
}

function takeHeadingAnchors(heading: Heading): void {
  heading.children = heading.children.flatMap((child): PhrasingContent[] => {
    const id = anchorIdOf(child);
    if (id === null || child.type !== "link") return [child];
    setHeadingId(heading, id);
    return child.children; // `[问题？](id:x)` keeps its text
  });
  trimEnd(heading.children);
}

/** First id wins; later ones are kept so the checker can report them. */
function setHeadingId(heading: Heading, id: string): void {
  const data = (heading.data ??= {});
  if (id === "") {
    data.blankAnchor = true;
    return;
  }
  if (data.hProperties?.id === undefined) data.hProperties = { ...data.hProperties, id };
  else (data.extraAnchors ??= []).push(id);
}

function inlineTarget(link: Link): PhrasingContent[] {
  const id = anchorIdOf(link);
  if (!id) return link.children;
  const span: PhrasingContent = { type: "emphasis", children: [], position: link.position, data: { hName: "span", hProperties: { id } } };
  return [span, ...link.children];
}

function trimEnd(children: PhrasingContent[]): void {
  const last = children.at(-1);
  if (last?.type === "text") last.value = last.value.trimEnd();
}

declare module "mdast" {
  interface HeadingData {
    blankAnchor?: boolean;
    extraAnchors?: string[];
  }
}
