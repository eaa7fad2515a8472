/**
 * Free text from a client (queries, comments, 没找到 texts) as it may be stored.
 *
 * - A lone UTF-16 surrogate (half of an emoji, cut by a client counting UTF-16 units) is no
 *   character: UTF-8 cannot hold it, and each database driver stores U+FFFD in its place. Made
 *   U+FFFD here, before the text becomes a dictionary key, the key is what the database holds
 *   (the key and the stored row used to differ, and the write failed with a 503). Replaced rather
 *   than refused: the rest is the reader's words, and a refused event is dropped by the page.
 * - C0 and C1 control characters and DEL (ESC, BEL, NUL…) are never part of a real query or
 *   comment, but would reach a writer's terminal through `npm run report`, and PostgreSQL refuses
 *   NUL in text (a 503 again). They are removed. Tab and line feed stay (a comment may have lines);
 *   a carriage return, alone or before a line feed, becomes a line feed, so it cannot send a
 *   terminal's cursor back over a line.
 */
export function storableText(value: string): string {
  return value.replace(LONE_SURROGATE, "\uFFFD").replace(/\r\n?/g, "\n").replace(CONTROL, "");
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
