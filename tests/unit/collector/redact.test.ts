import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { idCardCheck, isIdCard, luhnValid, REDACTED, redact } from "@/collector/redact";

const digits = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(""));

/** A valid identity-card number: region, birth date, sequence, and the check digit it needs. */
const idCard = fc
  .tuple(fc.integer({ min: 110000, max: 659999 }), fc.date({ min: new Date("1930-01-01"), max: new Date("2020-12-31"), noInvalidDate: true }), digits(3, 3))
  .map(([region, birth, seq]) => {
    const first17 = `${region}${birth.toISOString().slice(0, 10).replace(/-/g, "")}${seq}`;
    return first17 + idCardCheck(first17);
  });

/** A mobile number, written the ways people write them. */
const mobile = fc.tuple(fc.constantFrom(..."3456789"), digits(9, 9), fc.constantFrom("", "+86", "86 ", "+86-"), fc.constantFrom("", " ", "-")).map(([second, rest, prefix, sep]) => {
  const n = `1${second}${rest}`;
  return prefix + [n.slice(0, 3), n.slice(3, 7), n.slice(7)].join(sep);
});

/** A bank-card number that passes Luhn, 13–19 digits, plain or in groups of four. */
const bankCard = fc.tuple(digits(12, 18), fc.constantFrom("", " ", "-")).map(([body, sep]) => {
  for (let check = 0; check < 10; check++) {
    const n = `${body}${check}`;
    if (luhnValid(n)) return sep ? n.replace(/(\d{4})(?=\d)/g, `$1${sep}`) : n;
  }
  throw new Error("unreachable: one check digit always fits");
});

const email = fc.emailAddress();

/** Text around the number that cannot itself look like one: Chinese, Latin letters, punctuation, short numbers. */
const surrounding = fc.array(fc.constantFrom("实名认证", "我的", "号码是", "，", "：", " ", "请问", "abc", "失败", "订单12号", "。"), { maxLength: 4 }).map((parts) => parts.join(""));
/** A date, code or short number right before or after a number, a space apart. */
const numbersBefore = fc.tuple(surrounding, fc.constantFrom("", "2024-05-12 ", "错误码 -1101 ", "3 ")).map(([a, b]) => `${a}${b}`);
const numbersAfter = fc.tuple(fc.constantFrom("", " 2024-05-12", " -1101", " 3"), surrounding).map(([a, b]) => `${a}${b}`);
const around = (inner: fc.Arbitrary<string>) => fc.tuple(surrounding, inner, surrounding).map(([a, x, b]) => ({ text: `${a}${x}${b}`, secret: x, before: a, after: b }));
const fullWidth = (s: string) => s.replace(/[0-9X@.+-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe("redaction", () => {
  it("replaces valid identity-card numbers, also with a lower-case x and in full-width digits", () => {
    fc.assert(
      fc.property(around(idCard), fc.boolean(), ({ text, secret, before, after }, wide) => {
        const input = wide ? fullWidth(text) : text;
        const out = redact(input);
        expect(out).toBe(`${wide ? fullWidth(before) : before}${REDACTED.idCard}${wide ? fullWidth(after) : after}`);
        expect(out).not.toContain(secret.slice(6, 14)); // the birth date is gone
      }),
      { numRuns: 300 },
    );
    expect(redact("身份证11010519491231002x失败")).toBe(`身份证${REDACTED.idCard}失败`);
  });

  it("replaces an identity-card number with a date or a code right beside it", () => {
    fc.assert(
      fc.property(numbersBefore, idCard, numbersAfter, (before, id, after) => {
        expect(redact(`${before}${id}${after}`)).toBe(`${before}${REDACTED.idCard}${after}`);
      }),
      { numRuns: 300 },
    );
    expect(redact("2024-05-12 11010519491231002X 认证失败")).toBe(`2024-05-12 ${REDACTED.idCard} 认证失败`);
    expect(redact("错误码 -1101 11010519491231002X")).toBe(`错误码 -1101 ${REDACTED.idCard}`);
  });

  it("replaces identity-card numbers written in groups, and only whole ones", () => {
    fc.assert(
      fc.property(around(idCard), fc.constantFrom(" ", "-"), fc.constantFrom([6, 14], [4, 8, 12, 16], [3, 6, 10, 14]), ({ before, secret, after }, sep, cuts) => {
        const grouped = [0, ...cuts].map((at, i, all) => secret.slice(at, all[i + 1])).join(sep);
        expect(redact(`${before}${grouped}${after}`)).toBe(`${before}${REDACTED.idCard}${after}`);
      }),
      { numRuns: 300 },
    );
    expect(redact("110105 19491231 002X 认证失败")).toBe(`${REDACTED.idCard} 认证失败`);
    // Part of a longer grouped number (a bank card), it is not taken for one.
    expect(redact("卡号 6222 0211 0101 1990 0307 7")).not.toContain(REDACTED.idCard);
  });

  it("leaves an 18-digit number with a wrong check digit as an identity card alone", () => {
    fc.assert(
      fc.property(idCard, (id) => {
        const wrong = id.slice(0, 17) + ((Number(id[17] === "X" ? 10 : id[17]) + 1) % 10);
        fc.pre(!isIdCard(wrong));
        expect(redact(wrong)).not.toContain(REDACTED.idCard);
      }),
      { numRuns: 300 },
    );
  });

  it("replaces mobile numbers with or without +86 and separators", () => {
    fc.assert(
      fc.property(around(mobile), ({ text, before, after }) => {
        expect(redact(text)).toBe(`${before}${REDACTED.mobile}${after}`);
      }),
      { numRuns: 300 },
    );
    // Found on another seed: 86 written before the number without + or a space.
    expect(redact("手机8613000000000")).toBe(`手机${REDACTED.mobile}`);
  });

  it("replaces bank-card numbers that pass Luhn, grouped or not, and keeps those that do not", () => {
    fc.assert(
      fc.property(around(bankCard), ({ text, secret, before, after }) => {
        fc.pre(!isIdCard(secret.replace(/[ -]/g, "")));
        expect(redact(text)).toBe(`${before}${REDACTED.bankCard}${after}`);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(digits(13, 19), (n) => {
        // 86 and a mobile number (8613000000000) is a mobile number, whatever Luhn says.
        fc.pre(!luhnValid(n) && !isIdCard(n) && !/^861[3-9]\d{9}$/.test(n));
        expect(redact(`卡号${n}`)).toBe(`卡号${n}`);
      }),
      { numRuns: 300 },
    );
  });

  it("replaces e-mail addresses", () => {
    fc.assert(
      fc.property(around(email), ({ text, secret }) => {
        const out = redact(text);
        expect(out).toContain(REDACTED.email);
        expect(out).not.toContain(secret);
      }),
      { numRuns: 300 },
    );
  });

  it("replaces e-mail addresses with a Chinese domain, and keeps the Chinese text around an address", () => {
    expect(redact("发到 zhang@例子.公司")).toBe(`发到 ${REDACTED.email}`);
    expect(redact("邮箱zhang@例子.中国收不到")).toBe(`邮箱${REDACTED.email}收不到`);
    expect(redact("我的邮箱是zhang@example.com收不到验证码")).toBe(`我的邮箱是${REDACTED.email}收不到验证码`);
  });

  it("redacts several kinds in one text", () => {
    expect(redact("手机13812345678，邮箱 a.b@example.com，卡 4111 1111 1111 1111")).toBe(`手机${REDACTED.mobile}，邮箱 ${REDACTED.email}，卡 ${REDACTED.bankCard}`);
  });

  it("keeps what customers search for: error codes, versions, short numbers, dates, ids of products", () => {
    for (const text of ["-1101", "FailedOperation.RequestTimeout", "错误码 100001", "2026-11-28 续费", "Windows 10", "端口 8080", "AppID 1253841380", "实名认证失败怎么办"]) {
      expect(redact(text)).toBe(text);
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const text = s.replace(/\d{7,}/g, "") + digits(0, 6);
        fc.pre(!/@/.test(text));
        expect(redact(text)).toBe(text);
      }),
    );
  });
});
