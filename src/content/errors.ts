/** A problem in a content file, reported as `path:line: message`. */
export type Diagnostic = {
  file: string;
  line: number;
  severity: "error" | "warning";
  message: string;
  /**
   * A defect imported documentation commonly has (a repeated id, a link to a missing anchor):
   * an error on a strict site (`_site.yml`: `strict: true`), a warning elsewhere.
   */
  legacy?: boolean;
};

/** On a site that is not strict, legacy defects are reported as warnings, so imports still build. */
export function applyStrictness(diagnostics: Diagnostic[], strict: boolean): Diagnostic[] {
  if (strict) return diagnostics;
  return diagnostics.map((d) => (d.legacy && d.severity === "error" ? { ...d, severity: "warning", message: `${d.message} (an error once _site.yml sets strict: true)` } : d));
}

/** Thrown when content has errors; carries every diagnostic so one build run shows them all. */
export class ContentError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic).join("\n"));
    this.name = "ContentError";
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}: ${d.severity}: ${d.message}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
