/** A problem in a content file, reported as `path:line: message`. */
export type Diagnostic = {
  file: string;
  line: number;
  severity: "error" | "warning";
  message: string;
};

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
