import { ContentError, formatDiagnostic, hasErrors } from "./errors";
import { loadSite } from "./load";
import type { Site } from "./types";

export type { Category, Entry, Page, Section, Site } from "./types";
export { pageEntries } from "./types";

let cached: Site | undefined;

/** The whole site, read once per process. Content errors throw with every `path:line: message`. */
export function getSite(): Site {
  if (cached) return cached;
  const { site, diagnostics } = loadSite();
  if (hasErrors(diagnostics)) throw new ContentError(diagnostics);
  for (const d of diagnostics) console.warn(formatDiagnostic(d));
  cached = site;
  return site;
}
