/**
 * Text handling shared by the index build and the query, so both sides see the same tokens.
 * No dependencies: this file ships to the browser.
 */

/** Traditional and variant characters customers type, mapped to the simplified forms the content uses. */
const VARIANTS: Record<string, string> = {};
const PAIRS = "帳账賬账號号認认證证實实戶户碼码識识臉脸審审時时長长務务雲云購购買买開开發发資资訊讯錯错誤误權权國国際际臺台灣湾門门這这個个問问題题們们關关於于設设註注冊册綁绑變变請请處处進进過过護护機机構构業业辦办聯联繫系記记錄录頁页簽签數数據据庫库備备麼么為为嗎吗遠远線线網网點点擊击";
for (let i = 0; i + 1 < PAIRS.length; i += 2) VARIANTS[PAIRS[i]] = PAIRS[i + 1];
VARIANTS["帐"] = "账"; // 帐号 → 账号: the content writes 账号

const HAN = /\p{Script=Han}/u;
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}_.-])+/gu;

/** NFKC (full-width → half-width), lower case, variants → simplified, one code point at a time. */
export function normalizeChar(c: string): string {
  return (VARIANTS[c] ?? c).normalize("NFKC").toLowerCase();
}

/**
 * Normalized text plus, for each UTF-16 unit of it, the index in the original string, so highlight
 * ranges found on normalized text can be drawn on the text the user sees.
 */
export function normalizeWithMap(text: string): { text: string; map: number[] } {
  let out = "";
  const map: number[] = [];
  let i = 0;
  for (const c of text) {
    const n = normalizeChar(c);
    out += n;
    for (let k = 0; k < n.length; k++) map.push(i);
    i += c.length;
  }
  return { text: out, map };
}

export function normalize(text: string): string {
  let out = "";
  for (const c of text) out += normalizeChar(c);
  return out.replace(/\s+/g, " ").trim();
}

/**
 * Tokens: overlapping CJK bigrams (a lone Han character stays a unigram) plus Latin/digit words.
 * Bigrams need no dictionary and behave the same in Node and every browser; a word segmenter does not.
 * Words keep inner `.`, `_` and `-` (`FailedOperation.ImageSizeTooLarge`, `-1101`).
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const [run] of text.matchAll(RUN)) {
    if (!HAN.test(run[0])) {
      const word = run.replace(/^[._-]+(?=[^\d])|[._-]+$/g, "");
      if (word) out.push(word);
      continue;
    }
    const chars = Array.from(run);
    if (chars.length === 1) out.push(chars[0]);
    else for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  }
  return out;
}

/** Question words and particles: they are in every question, so they only add noise. */
const QUESTION_WORDS = /怎么办|怎么样|怎么处理|怎么|怎样|如何|什么|哪些|哪个|哪种|为什么|为何|可以|能否|是否|请问|一直|总是|吗|呢|吧|啊|的|了|要|能|会/g;

/** Replaces question words with spaces, so no bigram spans the gap they leave. */
export function stripQuestionWords(text: string): string {
  const stripped = text.replace(QUESTION_WORDS, " ").replace(/\s+/g, " ").trim();
  return stripped || text;
}

/** True for queries made only of Latin letters, spaces and apostrophes: candidates for pinyin. */
export function looksLikePinyin(text: string): boolean {
  return /^[a-z][a-z\s']*$/.test(text);
}
