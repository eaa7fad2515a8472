import matter from "gray-matter";
import type { ZodType } from "zod";
import type { Diagnostic } from "./errors";
import { parseYamlData, type YamlData } from "./yaml-data";

type Parsed<T> = { data: T | null; content: string; lineOffset: number; diagnostics: Diagnostic[]; lineOf: YamlData<T>["lineOf"] };

/**
 * Splits and validates front matter. Every problem names its own line and what to do, so a writer
 * sees `content/account/x.md:6: error: front matter is not valid YAML: close the "[" opened on line 6…`
 * instead of a stack trace (yaml-data.ts).
 */
export function parseFrontMatter<T>(raw: string, file: string, schema: ZodType<T>): Parsed<T> {
  // gray-matter only splits here: its YAML parser (js-yaml, YAML 1.1) turns 2026-13-45 into a date in
  // 2027 and knows no line numbers, so the YAML is read by the `yaml` package. Any options object also
  // turns off gray-matter's cache, a plain object keyed by the file's text: a page reading "valueOf"
  // would get Object.prototype.valueOf back (found by a property test).
  const split = matter(raw, { engines: { yaml: { parse: () => ({}), stringify: () => "" } } });
  const lineOffset = countLines(raw.slice(0, raw.length - split.content.length));
  // `split.matter` starts right after the opening `---`, so its line numbers are the file's.
  const parsed = parseYamlData(split.matter ?? "", { file, label: "front matter", docs: "A page" }, schema);
  return { ...parsed, content: split.content, lineOffset };
}

function countLines(text: string): number {
  return text.split("\n").length - 1;
}
