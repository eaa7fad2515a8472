import { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";

/**
 * What content HTML may contain. Pages carry raw HTML (`<br>`, tables, `<img>`, the odd
 * `<a onclick=…>`), so everything goes through GitHub's sanitizer schema with three changes:
 * - ids are kept as written (`id="faceiderr"`, not `user-content-faceiderr`), because deep links
 *   published in support chats use them;
 * - `class` is allowed only for the names our own plugins emit (prefix `faq-`);
 * - table cells keep `rowspan`/`colspan`, images keep `loading`;
 * - `<iframe src>` passes, for embeds.ts to keep (allow-listed players) or remove.
 */
export const SANITIZE_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: "",
  clobber: ["name"],
  tagNames: [...(defaultSchema.tagNames ?? []), "iframe"],
  attributes: {
    ...defaultSchema.attributes,
    "*": [...(defaultSchema.attributes?.["*"] ?? []).filter((a) => a !== "name"), "id", ["className", /^faq-/]],
    img: [...(defaultSchema.attributes?.img ?? []), "loading", "decoding"],
    iframe: ["src", "title"],
    td: [...(defaultSchema.attributes?.td ?? []), "rowSpan", "colSpan"],
    th: [...(defaultSchema.attributes?.th ?? []), "rowSpan", "colSpan"],
  },
};
