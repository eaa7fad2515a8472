/**
 * Personal data out of free text before it is stored: customers paste their identity-card number,
 * phone, e-mail or bank card into a search box or a comment. Each is replaced by a label saying
 * what was there, so a writer still sees that people search with their phone number.
 *
 * - identity cards: 18 characters, 17 digits and a check digit (0–9 or X) that is valid (GB 11643,
 *   ISO 7064 MOD 11-2), whole or in groups split by single spaces or dashes; an 18-digit number
 *   with a wrong check digit is something else (one that passes both this check and Luhn is taken
 *   for an identity card);
 * - mobile numbers (before bank cards: +86 and a mobile number can pass Luhn too):
 *   1[3-9] and 9 more digits, optionally +86 and split 3-4-4;
 * - bank cards: 13–19 digits, optionally in groups split by spaces or dashes, passing the Luhn check;
 * - e-mail addresses, also with a Chinese domain.
 *
 * Full-width digits and signs (１３８…, ＠) are read as their ASCII forms. A number is only matched
 * whole: digits right before or after it make it part of a longer number.
 */

export const REDACTED = { idCard: "[身份证号]", bankCard: "[银行卡号]", mobile: "[手机号]", email: "[邮箱]" } as const;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** The check character of an identity-card number from its first 17 digits. */
export function idCardCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

export function isIdCard(candidate: string): boolean {
  return /^\d{17}[\dX]$/i.test(candidate) && idCardCheck(candidate) === candidate[17].toUpperCase();
}

/** Luhn (mod 10) check over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

type Rule = { pattern: RegExp; label: string; accept: (match: string) => boolean };

const RULES: Rule[] = [
  { pattern: /(?<!\d)\d{17}[\dXx](?!\d)/g, label: REDACTED.idCard, accept: isIdCard },
  // Written in groups (110101 19491231 002X, 1101 0119 …): single spaces or dashes inside, and not
  // part of a longer grouped number. (Whole, above: a date or code beside it is no part of it.)
  { pattern: /(?<!\d[ -]?)\d(?:[ -]?\d){16}[ -]?[\dXx](?![ -]?\d)/g, label: REDACTED.idCard, accept: (m) => /[ -]/.test(m) && isIdCard(m.replace(/[ -]/g, "")) },
  { pattern: /(?<![\d+])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g, label: REDACTED.mobile, accept: () => true },
  {
    pattern: /(?<![\d-])\d(?:[ -]?\d){12,18}(?!\d)/g,
    label: REDACTED.bankCard,
    accept: (m) => {
      const digits = m.replace(/[ -]/g, "");
      return digits.length >= 13 && digits.length <= 19 && luhnValid(digits);
    },
  },
  { pattern: /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, label: REDACTED.email, accept: () => true },
  // A Chinese domain (zhang@例子.中国) ends with a Chinese top-level domain; a Chinese name before
  // the @ cannot be told from the text around it (Chinese puts no space there), so it is not taken.
  { pattern: /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[\p{Script=Han}A-Za-z0-9-]{1,63}(?:\.[\p{Script=Han}A-Za-z0-9-]{1,63})*\.(?:中国|中國|公司|网络|網絡)/gu, label: REDACTED.email, accept: () => true },
];

/** Full-width digits, X, @, dot, plus and dash as ASCII: one UTF-16 unit each, so indexes stay put. */
function fold(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF38\uFF58\uFF20\uFF0E\uFF0B\uFF0D\u3000]/g, (c) => (c === "\u3000" ? " " : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** `text` with every identity-card, bank-card and mobile number and e-mail address replaced by a label. */
export function redact(text: string): string {
  let out = text;
  for (const rule of RULES) {
    const folded = fold(out);
    let result = "";
    let last = 0;
    for (const match of folded.matchAll(rule.pattern)) {
      if (!rule.accept(match[0])) continue;
      result += out.slice(last, match.index) + rule.label;
      last = match.index + match[0].length;
    }
    out = result + out.slice(last);
  }
  return out;
}
