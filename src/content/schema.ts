import { z } from "zod";

/** A page or category slug: what appears in the URL. */
const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "use lower-case letters, digits and '-' only (e.g. real-name-auth)");

/** A question anchor id as writers give it in `[](id:…)` or front matter. */
const AnchorId = z.string().regex(/^[^\s#"'<>]+$/, "an anchor id has no spaces, '#', quotes or '<>'");

/**
 * A calendar date as `YYYY-MM-DD`, and a real one: `2026-13-45` is an error, not 2027-02-14.
 * (The YAML is read as YAML 1.2, where a date stays the string it was written as.)
 */
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "write the date as YYYY-MM-DD, e.g. 2026-11-28")
  .refine(isRealDate, { error: (issue) => `${String(issue.input)} is not a date: check the month (01–12) and the day of the month` });

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return true; // the format's own message says it
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A position in a list, lower first. */
const Order = z.number({ error: "write a whole number, e.g. order: 2" }).int({ error: "write a whole number, e.g. order: 2" });

/** Front matter of a FAQ page; every field is optional. */
export const PageFrontMatterSchema = z
  .object({
    /** Page title; defaults to the first `#` heading, then the file name. */
    title: z.string().trim().min(1).optional(),
    /** One-sentence summary for the category list and search engines. */
    description: z.string().trim().min(1).optional(),
    /** Position within the category (lower first); pages without it follow, by name. */
    order: Order.optional(),
    /** Last content update, shown on the page. */
    updated: IsoDate.optional(),
    /** URL segment; defaults to the file name. */
    slug: Slug.optional(),
    /** Question ids to feature on the home page and in empty search results. */
    featured: z.array(AnchorId).optional(),
    /** Documentation id this page replaces, e.g. `378/34075`: links to it become links here. */
    docId: z.string().regex(/^\d+\/\d+$/, "write the document id as product/document, e.g. 378/34075").optional(),
    /** Old ids of renamed questions, by current id: `{ faceiderr: [face-error] }`; old links still land. */
    aliases: z.record(AnchorId, z.array(AnchorId)).optional(),
    /** Extra search words per question id, e.g. `{ faceiderr: [刷脸, 活体检测] }`. */
    keywords: z.record(AnchorId, z.array(z.string().trim().min(1))).optional(),
  })
  .strict();

/** `_category.yml` in a category folder. */
export const CategorySchema = z
  .object({
    title: z.string().trim().min(1).optional(),
    description: z.string().trim().min(1).optional(),
    order: Order.optional(),
  })
  .strict();

/** `_site.yml` at the top of the content folder. */
export const SiteSettingsSchema = z
  .object({
    /**
     * Repeated ids and links to missing anchors are errors (a build stops) instead of warnings.
     * Set it for content written for this site; imported documentation builds without it.
     */
    strict: z.boolean().optional(),
  })
  .strict();

/** `_search/synonyms.yml`: the word the content uses → what customers type instead. */
export const SynonymsSchema = z.record(z.string().trim().min(1), z.array(z.string().trim().min(1), { error: 'write "word: [alias, …]"' }).min(1));

export type PageFrontMatter = z.infer<typeof PageFrontMatterSchema>;
export type CategoryMeta = z.infer<typeof CategorySchema>;
export type SiteSettings = z.infer<typeof SiteSettingsSchema>;
export { Slug as SlugSchema };
