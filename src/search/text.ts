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
  const code = c.charCodeAt(0);
  // Fast paths: ASCII and common CJK ideographs are already NFKC (the index build normalizes
  // hundreds of thousands of characters, and the full path is ten times slower).
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c;
  if (code >= 0x4e00 && code <= 0x9fff) return VARIANTS[c] ?? c;
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

/** Normalized text of the same shape as `normalizeWithMap(text).text`, without the map. */
export function normalizeChars(text: string): string {
  let out = "";
  for (const c of text) out += normalizeChar(c);
  return out;
}

/** Normalized text with white space collapsed: for queries and synonyms. */
export function normalize(text: string): string {
  return normalizeChars(text).replace(/\s+/g, " ").trim();
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
      // `failedoperation.imagesizetoolarge` is also found by its parts.
      if (/[._-]/.test(word.slice(1))) out.push(...word.split(/[._-]+/).filter((part) => part.length > 1));
      continue;
    }
    const chars = Array.from(run);
    if (chars.length === 1) out.push(chars[0]);
    else for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  }
  return out;
}

/** Question words and fillers: in every question, so they only add noise. Longest first. */
const QUESTION_WORDS = new RegExp(
  [
    "怎么办", "怎么样", "怎么处理", "怎么解决", "如何解决", "怎么", "怎样", "如何", "什么时候", "什么", "哪些", "哪个", "哪种", "为什么", "为何", "何时",
    "多长时间", "多久", "能不能", "可不可以", "是不是", "有没有", "会不会", "要不要", "可以", "能否", "是否", "请问", "一直", "总是",
    "一个", "一下", "这个", "那个", "吗", "呢", "吧", "啊", "的",
  ].join("|"),
  "g",
);

/** Particles that are also halves of words (会议, 功能, 需要, 了解, 参与): dropped only when they form none. */
const PARTICLES = /[了要能会和与跟]/g;

/**
 * Replaces question words with spaces, so no bigram spans the gap they leave. `isWord` tells
 * whether a bigram occurs in the content; without it, particles are always dropped.
 */
const QUESTION_WORD = new RegExp(`^(?:${QUESTION_WORDS.source})$`);

/** A question word on its own (`多久`): with a synonym it names what is asked (`时长`), see engine.ts. */
export function isQuestionWord(word: string): boolean {
  return QUESTION_WORD.test(word);
}

export function stripQuestionWords(text: string, isWord: (bigram: string) => boolean = () => false): string {
  const stripped = text
    .replace(QUESTION_WORDS, " ")
    .replace(PARTICLES, (c, at: number, all: string) => (isWord(all.slice(at - 1, at + 1)) || isWord(all.slice(at, at + 2)) ? c : " "))
    .replace(/\s+/g, " ")
    .trim();
  return stripped || text;
}

/**
 * Spoken negative complements say what written FAQs call 无法: 删不掉 → 无法删, 登不上 → 无法登,
 * 打不开 → 无法打(开). Bigrams of the rewrite then meet 无法删除, 无法登录, 无法打开.
 */
export function rewriteColloquial(text: string): string {
  return text.replace(/(\p{Script=Han})不[掉了上到动开进去]/gu, " 无法$1");
}

/** Error codes and identifiers: words with digits or inner `.`, `_`, `-` (`-1101`, `failedoperation.x`). */
export function isCodeToken(token: string): boolean {
  return /^[-a-z0-9._]+$/.test(token) && /\d|[a-z][._-][a-z]/.test(token);
}

/** True for queries made only of Latin letters, spaces and apostrophes: candidates for pinyin. */
export function looksLikePinyin(text: string): boolean {
  return /^[a-z][a-z\s']*$/.test(text);
}
