import matter from "gray-matter";
import type { ZodType } from "zod";
import type { Diagnostic } from "./errors";

type Parsed<T> = { data: T | null; content: string; lineOffset: number; diagnostics: Diagnostic[] };

/**
 * Splits and validates front matter. Errors name the line of the offending key, so a writer sees
 * `content/account/x.md:3: error: order: expected number…` instead of a stack trace.
 */
export function parseFrontMatter<T>(raw: string, file: string, schema: ZodType<T>): Parsed<T> {
  let parsed: { data: unknown; content: string };
  try {
    // Any options object turns off gray-matter's cache, a plain object keyed by the file's text:
    // a page reading "valueOf" would get Object.prototype.valueOf back (found by a property test).
    const result = matter(raw, {});
    parsed = { data: { ...result.data }, content: result.content };
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    return {
      data: null,
      content: raw,
      lineOffset: 0,
      diagnostics: [{ file, line: (mark?.line ?? 0) + 2, severity: "error", message: `front matter is not valid YAML (${reason}): fix the YAML between the --- lines` }],
    };
  }
  const lineOffset = countLines(raw.slice(0, raw.length - parsed.content.length));
  const result = schema.safeParse(parsed.data);
  if (result.success) return { data: result.data, content: parsed.content, lineOffset, diagnostics: [] };
  const diagnostics = result.error.issues.map((issue): Diagnostic => {
    const key = String(issue.path[0] ?? "");
    return { file, line: lineOfKey(raw, key), severity: "error", message: `front matter "${issue.path.join(".") || "(root)"}": ${issue.message} (see README, "Front matter")` };
  });
  return { data: null, content: parsed.content, lineOffset, diagnostics };
}

function countLines(text: string): number {
  return text.split("\n").length - 1;
}

/** Line of `key:` inside the leading front matter block, or 1. */
function lineOfKey(raw: string, key: string): number {
  const lines = raw.split("\n");
  const at = lines.findIndex((l, i) => i > 0 && new RegExp(`^${key.replace(/[^\w-]/g, "")}\\s*:`).test(l));
  return key && at > 0 ? at + 1 : 1;
}
