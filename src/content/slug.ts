import GithubSlugger, { slug as plainSlug } from "github-slugger";

/**
 * The one slug function of the site: heading anchors, the question index, search ids and link
 * checks all use it. Make a fresh one per page so ids on one page never depend on another.
 * Explicit ids are reserved first, so an automatic slug never takes a writer's id.
 */
export function createSlugger(reserved: Iterable<string> = []) {
  const slugger = new GithubSlugger();
  const taken = new Set<string>(reserved);
  return {
    /** GitHub-compatible slug of a heading's text, unique on this page. */
    slug(text: string): string {
      const base = plainSlug(text) || "section";
      let id = slugger.slug(base);
      while (taken.has(id)) id = slugger.slug(base);
      taken.add(id);
      return id;
    },
  };
}
