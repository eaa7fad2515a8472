/**
 * Text a visitor typed (queries, comments, 没找到 texts), made safe to print to a writer's terminal.
 * A terminal obeys control characters wherever they appear: ESC ] 0 ; … BEL sets its title, ESC [ 8 m
 * hides what follows, CR or ESC [ 1 A overwrites lines the report printed, NUL makes grep call the
 * report binary. Bidi overrides (U+202E) and other invisible format characters make a query read
 * differently from what it is. The report shows each of them as an escape instead (`\x1b`, `\u202e`),
 * whatever the collector let through when the row was stored: old rows, other ingest code.
 */

/**
 * Control (Cc: C0, DEL, C1), format (Cf: bidi marks and overrides, zero-width characters, BOM, tags),
 * line and paragraph separators (Zl, Zp), which some terminals and editors take as line breaks, and
 * lone surrogates (Cs), which cannot be written as UTF-8 at all.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
/** The same, except line feed: a CSV cell may hold one inside its quotes, and it drives nothing. */
const INVISIBLE_BUT_NEWLINE = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** `\x1b` for code points up to U+00FF, `\u202e` above, `\u{e0041}` beyond the BMP: printable ASCII only. */
function escape(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = code.toString(16);
  if (code <= 0xff) return `\\x${hex.padStart(2, "0")}`;
  return code <= 0xffff ? `\\u${hex.padStart(4, "0")}` : `\\u{${hex}}`;
}

/** `s` with every invisible or controlling character shown as its escape. */
export const visible = (s: string): string => s.replace(INVISIBLE, escape);

/** As `visible`, keeping line feeds (for quoted CSV cells, where a comment's line breaks belong). */
export const visibleKeepingNewlines = (s: string): string => s.replace(INVISIBLE_BUT_NEWLINE, escape);

/**
 * JSON text with the same characters as `\uXXXX` escapes. JSON.stringify escapes C0 and lone
 * surrogates but leaves C1 (U+009B is CSI to many terminals), bidi overrides and the rest as they
 * are. Outside strings JSON has none of them (its line feeds are layout, and stay), so the result
 * parses to exactly the same value.
 */
export const jsonVisible = (json: string): string =>
  json.replace(INVISIBLE_BUT_NEWLINE, (char) => Array.from({ length: char.length }, (_, i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, "0")}`).join(""));

/** Every string in `value`, deep, through `show`; numbers, booleans and null as they are. */
export function mapStrings<T>(value: T, show: (s: string) => string): T {
  if (typeof value === "string") return show(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, show)) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [show(k), mapStrings(v, show)])) as T;
  return value;
}
