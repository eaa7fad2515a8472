import { formatDiagnostic, hasErrors, type Diagnostic } from "../../src/content/errors";
import { checkAnchorsLock, contentDir, loadSynonyms } from "../../src/content/load";
import { checkSynonyms } from "../../src/content/synonym-check";
import { loadSiteInParallel, type LoadStats } from "./load-parallel";
import type { Site } from "../../src/content/types";
import { SITE_URL_ERROR } from "../../src/lib/config";

/** Reads and checks the whole content tree, printing `path:line: severity: message` per problem. */
export async function checkContent(log: (line: string) => void = console.error): Promise<{ site: Site; synonyms: [string, string][]; diagnostics: Diagnostic[]; stats: LoadStats; ok: boolean }> {
  const dir = contentDir();
  const { site, diagnostics: siteDiagnostics, stats } = await loadSiteInParallel(dir);
  const synonyms = loadSynonyms(dir);
  const diagnostics = [...siteDiagnostics, ...synonyms.diagnostics, ...checkSynonyms(site, synonyms.entries), ...checkAnchorsLock(site, dir)];
  for (const d of diagnostics) log(formatDiagnostic({ ...d, file: relativeTo(dir, d.file) }));
  // A setting, not content, but it too is checked before anything is built.
  if (SITE_URL_ERROR) log(`error: ${SITE_URL_ERROR}`);
  return { site, synonyms: synonyms.synonyms, diagnostics, stats, ok: !hasErrors(diagnostics) && !SITE_URL_ERROR };
}

/** Messages name files as the writer sees them from the project folder, e.g. `content/account/x.md`. */
function relativeTo(dir: string, file: string): string {
  const base = dir.startsWith(process.cwd() + "/") ? dir.slice(process.cwd().length + 1) : dir;
  return file.startsWith("/") ? file : `${base}/${file}`;
}
