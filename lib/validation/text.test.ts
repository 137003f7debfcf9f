import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  INVALID_CHARS_MESSAGE,
  TEXT_LIMITS,
  cleanText,
  intInRange,
  numberInRange,
  text,
  textLength,
  tooLongMessage,
} from "./text";

const issues = (r: { success: boolean; error?: z.ZodError }) =>
  r.success ? [] : r.error!.issues.map((i) => i.message);

describe("cleanText", () => {
  it("drops NUL and other control characters but keeps line breaks and tabs in multiline text", () => {
    expect(cleanText("Яма\u0000 во\u0007 дворе\u001b\u007f\u0085\n\tдом 5")).toBe("Яма во дворе\n\tдом 5");
  });
  it("turns CRLF and lone CR into LF, so the length matches the browser's count", () => {
    expect(cleanText("а\r\nб\rв")).toBe("а\nб\nв");
  });
  it("replaces line breaks and tabs with spaces in single-line text", () => {
    expect(cleanText("Иванов\nИван\tИванович", false)).toBe("Иванов Иван Иванович");
  });
  it("drops lone surrogates and keeps whole emoji", () => {
    expect(cleanText("ok 👍 \uD83D end \uDC4D")).toBe("ok 👍  end ");
  });
  it("leaves ordinary Russian text alone", () => {
    const s = "Ответ: «ул. Ленина, д. 5» — №\u00a012; ё, Ё, €.";
    expect(cleanText(s)).toBe(s);
  });
});

describe("text()", () => {
  const answer = text({
    max: TEXT_LIMITS.answer,
    min: 20,
    multiline: true,
    minMessage: "Напишите ответ (не короче 20 символов).",
  });

  it("trims and strips NUL, so PostgreSQL never sees it", () => {
    const r = answer.safeParse("  Уважаемый заявитель,\u0000 яма заделана.  ");
    expect(r).toEqual({ success: true, data: "Уважаемый заявитель, яма заделана." });
  });
  it("refuses text over the limit with «Не больше N символов.»", () => {
    const r = answer.safeParse("я".repeat(TEXT_LIMITS.answer + 1));
    expect(issues(r)).toEqual([tooLongMessage(TEXT_LIMITS.answer)]);
    expect(tooLongMessage(20_000)).toBe("Не больше 20\u00a0000 символов.");
    expect(answer.safeParse("я".repeat(TEXT_LIMITS.answer)).success).toBe(true);
  });
  it("counts CRLF as one character, like the browser's maxLength", () => {
    const s = "строка\r\n".repeat(TEXT_LIMITS.answer / 7).slice(0, -2);
    expect(textLength(s)).toBeLessThanOrEqual(TEXT_LIMITS.answer);
    expect(answer.safeParse(s).success).toBe(true);
  });
  it("checks the minimum after trimming and cleaning, with the given message", () => {
    expect(issues(answer.safeParse(" \u0000".repeat(30)))).toEqual(["Напишите ответ (не короче 20 символов)."]);
    expect(issues(answer.safeParse(null))).toEqual(["Напишите ответ (не короче 20 символов)."]);
  });
  it("keeps a custom too-long message", () => {
    expect(issues(text({ max: 3, maxMessage: "Слишком длинно." }).safeParse("абвг"))).toEqual(["Слишком длинно."]);
  });
  it("single-line text gets spaces for line breaks", () => {
    expect(text({ max: 200 }).parse("Петров\r\nПётр")).toBe("Петров Пётр");
  });
  it("optional() lets an absent value through and still cleans a present one", () => {
    const s = z.object({ c: text({ max: 10, multiline: true }).optional() });
    expect(s.parse({})).toEqual({});
    expect(s.parse({ c: "a\u0000b" })).toEqual({ c: "ab" });
  });
  it("can refuse control characters with a clear message instead", () => {
    const strict = text({ max: 100, multiline: true, controls: "refuse" });
    expect(issues(strict.safeParse("a\u0000b"))).toEqual([INVALID_CHARS_MESSAGE]);
    expect(strict.parse("a\r\n\tb")).toBe("a\n\tb");
  });
  it("the answer limit stays far below the 1 MB server-action body even at 4 bytes a character", () => {
    expect(Buffer.byteLength("😀".repeat(TEXT_LIMITS.answer / 2))).toBeLessThan(100_000);
    expect(TEXT_LIMITS.answer * 4).toBeLessThan((1024 * 1024) / 4);
    expect(Buffer.byteLength("я".repeat(TEXT_LIMITS.rawJson))).toBeLessThan(1024 * 1024 - 100_000);
  });
});

describe("intInRange()", () => {
  const n = intInRange(0, 10, "Число продлений");
  const message = "Число продлений: целое число от 0 до 10.";

  it("accepts form strings and numbers inside the range", () => {
    expect(n.parse("0")).toBe(0);
    expect(n.parse(" 10 ")).toBe(10);
    expect(n.parse(3)).toBe(3);
  });
  it("refuses 1e10, negatives, fractions, words, blanks and Infinity with the range in Russian", () => {
    for (const v of ["1e10", 1e10, "-1", "2.5", "2,5", "много", "", "  ", null, undefined, "Infinity", Infinity, NaN]) {
      expect(issues(n.safeParse(v)), String(v)).toEqual([message]);
    }
  });
  it("without a label the message starts with a capital", () => {
    expect(issues(intInRange(1, 366).safeParse("400"))).toEqual(["Целое число от 1 до 366."]);
  });
  it("keeps int4 columns safe", () => {
    expect(intInRange(1, 2_147_483_647).safeParse("2147483648").success).toBe(false);
  });
});

describe("numberInRange()", () => {
  const p = numberInRange(1, 99, "Доля «под угрозой», %");
  it("accepts fractions with a comma or a point", () => {
    expect(p.parse("12,5")).toBe(12.5);
    expect(p.parse("20")).toBe(20);
  });
  it("refuses out-of-range values", () => {
    expect(issues(p.safeParse("1e10"))).toEqual(["Доля «под угрозой», %: число от 1 до 99."]);
    expect(p.safeParse("0").success).toBe(false);
  });
});
