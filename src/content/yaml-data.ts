import { closest, distance } from "fastest-levenshtein";
import { isCollection, isMap, isScalar, LineCounter, parseDocument, visit, type Document, type Node, type YAMLError } from "yaml";
import { z, type ZodType } from "zod";
import type { Diagnostic } from "./errors";

/** A path into YAML data: `["featured", 0]`, `["aliases", "faceiderr"]`. */
export type DataPath = (string | number)[];

export type YamlData<T> = {
  data: T | null;
  diagnostics: Diagnostic[];
  /** The line of the value at `path` (or of its key, with `part: "key"`): the nearest existing parent's otherwise. */
  lineOf: (path: DataPath, part?: "key" | "value") => number;
};

type Where = {
  file: string;
  /** How messages name the data when the file does not say it all: "front matter" (in a page). */
  label?: string;
  /** The README section that documents it, for messages. */
  docs: string;
};

/**
 * YAML text (a file, or a page's front matter) checked against a schema, every problem at its line
 * with what to do: YAML syntax (`quote values that contain ": "`, `close the "[" opened on line 6`),
 * unknown keys (`did you mean "featured"?`), wrong values. Offsets in `text` count lines from 1, so
 * front matter passes its text from the opening `---` line on.
 */
export function parseYamlData<T>(text: string, where: Where, schema: ZodType<T>): YamlData<T> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number) => (lines.lineStarts.length ? lines.linePos(offset).line : 1); // no lines: empty text
  const lineOf = (path: DataPath, part: "key" | "value" = "value") => lineAt(nodeAt(doc, path, part)?.range?.[0] ?? firstContent(text));
  const error = doc.errors[0];
  if (error) {
    const { line, fix } = explainYamlError(error, doc, text, lineAt);
    return { data: null, lineOf, diagnostics: [{ file: where.file, line, severity: "error", message: `${where.label ? `${where.label} is not` : "not"} valid YAML: ${fix} (${error.message.split("\n")[0]})` }] };
  }
  const js = toPlainData(doc, text, lineAt);
  if ("fix" in js) return { data: null, lineOf, diagnostics: [{ file: where.file, line: js.line, severity: "error", message: `${where.label ? `${where.label} is not` : "not"} valid YAML: ${js.fix}` }] };
  const result = schema.safeParse(js.value ?? {});
  if (result.success) return { data: result.data, lineOf, diagnostics: [] };
  const diagnostics = result.error.issues.flatMap((issue): Diagnostic[] => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    if (issue.code === "unrecognized_keys") {
      const known = knownKeys(schema, path);
      return issue.keys.map((key) => ({ file: where.file, line: lineOf([...path, key], "key"), severity: "error", message: `${where.label ? `${where.label}: ` : ""}unknown key "${key}": ${suggest(key, known, "key")} (see README, "${where.docs}")` }));
    }
    const name = path.length ? `"${path.join(".")}"` : "(the whole block)";
    return [{ file: where.file, line: lineOf(path), severity: "error", message: `${where.label ? `${where.label} ` : ""}${name}: ${issue.message} (see README, "${where.docs}")` }];
  });
  return { data: null, lineOf, diagnostics: diagnostics.sort((a, b) => a.line - b.line) };
}

/**
 * The document as plain data. Turning it into data can still fail after a clean parse: an alias
 * (`*name`, or a value that starts with `*` such as `**`) whose anchor was never set, or aliases
 * that expand without end (a "billion laughs" file).
 */
function toPlainData(doc: Document, text: string, lineAt: (offset: number) => number): { value: unknown } | { line: number; fix: string } {
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    // The alias whose anchor is not set, else the first one (too many expansions).
    let unresolved: Node | null = null;
    let first: Node | null = null;
    visit(doc, {
      Alias: (_key, node) => {
        first ??= node;
        if (!unresolved && node.resolve(doc) === undefined) unresolved = node;
      },
    });
    const alias = (unresolved ?? first) as Node | null;
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    if (!alias) return { line: lineAt(firstContent(text)), fix: `check it against the examples in the README (${reason})` };
    return { line: lineAt(alias.range?.[0] ?? firstContent(text)), fix: `a value that starts with \`*\` or \`&\` is read as a YAML alias or anchor: put it in quotes (${reason})` };
  }
}

/**
 * "did you mean …?" for a name that is not one of `known` (a key, a question id): the closest one
 * when it is a likely typo, else the list.
 */
export function suggest(name: string, known: readonly string[], what: string): string {
  if (known.length === 0) return `there is no ${what} to choose from`;
  const best = closest(name, known as string[]);
  if (distance(name, best) <= Math.max(2, Math.floor(best.length / 3))) return `did you mean "${best}"?`;
  const listed = known.slice(0, 8).map((k) => `"${k}"`).join(", ");
  return `use one of ${listed}${known.length > 8 ? `, … (${known.length} in all)` : ""}`;
}

/** The node at `path`, or its key's node; the deepest existing parent when it is not there. */
function nodeAt(doc: Document, path: DataPath, part: "key" | "value"): Node | null {
  for (let n = path.length; n > 0; n--) {
    const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
    if (!isCollection(parent)) continue;
    const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(path[n - 1])) : undefined;
    const value = isMap(parent) ? pair?.value : parent.items[Number(path[n - 1])];
    const found = part === "key" && n === path.length && pair ? pair.key : value;
    if (found && typeof found === "object" && "range" in found) return found as Node;
  }
  return doc.contents;
}

function knownKeys(schema: ZodType, path: DataPath): string[] {
  return path.length === 0 && schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** Offset of the first non-blank character (the front matter's `---` line has none). */
function firstContent(text: string): number {
  const at = text.search(/\S/);
  return at < 0 ? 0 : at;
}

/**
 * Where a YAML mistake really is and how to fix it. The parser notices an unclosed `[` only where
 * the collection should have ended, and a `key: value: more` as a nested mapping: the writer needs
 * the opening line, or the advice to quote.
 */
function explainYamlError(error: YAMLError, doc: Document, text: string, lineAt: (offset: number) => number): { line: number; fix: string } {
  const at = lineAt(error.pos[0]);
  const source = text.split("\n")[at - 1] ?? "";
  const opener = unclosedAt(doc, text, error.pos[0]);
  if (opener) return { line: lineAt(opener.offset), fix: `close the \`${opener.char}\` opened on line ${lineAt(opener.offset)} with \`${CLOSERS[opener.char]}\`` };
  const pair = /^(\s*[^\s:#][^:#]*):\s+(.*:\s.*)$/.exec(source);
  if (error.code === "BLOCK_AS_IMPLICIT_KEY" && pair) {
    return { line: at, fix: `quote values that contain \`: \`, as in ${pair[1].trim()}: "${pair[2].trim().replace(/["\\]/g, "\\$&")}"` };
  }
  if (error.code === "TAB_AS_INDENT") return { line: at, fix: "indent with spaces, not tabs" };
  if (error.code === "DUPLICATE_KEY") return { line: at, fix: `"${/^\s*([^:]+):/.exec(source)?.[1].trim() ?? "a key"}" is set twice: keep one` };
  if (error.code === "BLOCK_AS_IMPLICIT_KEY" || error.code === "MULTILINE_IMPLICIT_KEY") {
    return { line: at, fix: `line ${at} or the one after it is not a "key: value" line: check its indentation, or quote the value` };
  }
  return { line: at, fix: "check this line against the examples in the README" };
}

const CLOSERS: Record<string, string> = { "[": "]", "{": "}", '"': '"', "'": "'" };

/** The flow collection or quoted string still open at `offset`: the innermost one that started before it. */
function unclosedAt(doc: Document, text: string, offset: number): { offset: number; char: string } | null {
  let found: { offset: number; char: string } | null = null;
  visit(doc, (_key, node) => {
    const range = (node as Node | null)?.range; // a pair with no value has a null node
    if (!range || range[0] >= offset || range[2] < offset) return;
    const char = text[range[0]];
    const open = (isCollection(node) && node.flow) || (isScalar(node) && (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE"));
    if (open && char in CLOSERS && !isClosed(text.slice(range[0], range[2]), char) && (!found || range[0] > found.offset)) found = { offset: range[0], char };
  });
  return found;
}

/** Whether a flow collection's or quoted string's source text ends with its closing character. */
function isClosed(source: string, char: string): boolean {
  return source.trimEnd().length > 1 && source.trimEnd().endsWith(CLOSERS[char]);
}
