import { describe, expect, it } from "vitest";
import { createRng, generateResidentMessage } from "@/lib/demo/generator";
import { simpleHtmlToText } from "./html-text";
import { MAX_CLEAN_TEXT_LENGTH, sanitizeForDisplay, toPlainText, toPlainTextStrict } from "./sanitize";

describe("toPlainText", () => {
  it("strips tags, scripts, styles and handlers", () => {
    const out = toPlainText(
      `<p onclick="steal()">Яма</p><script>alert("x")</script><style>p{}</style><img src=x onerror=alert(1)><iframe src="https://evil">i</iframe>`,
    );
    expect(out).toBe("Яма");
  });

  it("decodes entities, including ones that look like markup", () => {
    expect(toPlainText("Дом &laquo;Ромашка&raquo; &amp; сквер&nbsp;№&nbsp;5 &lt;b&gt; &quot;ок&quot; &#128512;")).toBe(
      'Дом «Ромашка» & сквер № 5 <b> "ок" 😀',
    );
  });

  it("turns <br> and paragraphs into newlines and collapses whitespace", () => {
    expect(toPlainText("<p>  Первая   строка </p>\n\n<p>Вторая<br/>Третья</p><div>Четвёртая</div>")).toBe(
      "Первая строка\nВторая\nТретья\nЧетвёртая",
    );
    expect(toPlainText("  много\t\tпробелов \r\n\r\n\r\n и строк  ")).toBe("много пробелов\nи строк");
  });

  it("removes control characters and caps the length without splitting emoji", () => {
    expect(toPlainText("a\u0000b\u200bc\ufeff")).toBe("abc");
    expect(toPlainText("я".repeat(30_000))).toHaveLength(MAX_CLEAN_TEXT_LENGTH);
    const capped = toPlainText("😀".repeat(6), 5);
    expect(capped).toBe("😀😀");
  });

  it("keeps plain text with emoji as is", () => {
    expect(toPlainText("Нет света 😡😡 уже 3 часа!")).toBe("Нет света 😡😡 уже 3 часа!");
  });
});

describe("toPlainText fast path", () => {
  it("gives exactly what sanitize-html gives on residents' HTML", () => {
    const rng = createRng(99);
    let html = 0;
    for (let i = 0; i < 3000; i++) {
      const { text } = generateResidentMessage(rng, { style: i % 2 ? "portal" : "formal" });
      if (!/[<&]/.test(text)) continue;
      html++;
      expect(simpleHtmlToText(text)).not.toBeNull();
      expect(toPlainText(text)).toBe(toPlainTextStrict(text));
    }
    expect(html).toBeGreaterThan(100);
  });

  it("matches sanitize-html on edge cases, or defers to it", () => {
    const cases = [
      "a<br>b<br/>c<BR />d",
      "<P>Заглавные</P><Div>теги</Div>",
      "x &amp;lt; y",
      "AT & T, 5 > 3",
      "&#x1F600; &#128512;",
      "<b>не закрыт",
      "<ul><li>один</li><li>два</li></ul>",
      "<span class=x>текст</span>",
      "&copy без точки с запятой",
      '<a href="https://x.ru">ссылка</a>',
      "<p title='a>b'>кавычки</p>",
      "<!-- комментарий -->текст",
      "&#0; &#xD800;",
      "<script>alert(1)</script>видно",
      "&unknownentity; текст",
      "<img src=x onerror=alert(1)>",
      "1 < 2 и 3 > 2",
    ];
    for (const c of cases) expect(toPlainText(c), c).toBe(toPlainTextStrict(c));
  });
});

describe("sanitizeForDisplay", () => {
  it("keeps only p, br, b, i and http(s) links with rel=noopener", () => {
    const out = sanitizeForDisplay(
      `<p style="color:red" onclick="x()">Текст <strong>важно</strong> <em>курсив</em><br>` +
        `<a href="https://holmsk.ru/x" target="_blank" onclick="y()">ссылка</a> ` +
        `<a href="javascript:alert(1)">js</a> <a href="//evil.example">pr</a> <a href="data:text/html,x">data</a>` +
        `<script>alert(1)</script><img src=x onerror=alert(1)><table><tr><td>ячейка</td></tr></table></p>`,
    );
    expect(out).not.toMatch(/script|onerror|onclick|style=|javascript|data:|evil|<img|<table|target=/);
    expect(out).toContain('<a href="https://holmsk.ru/x" rel="noopener noreferrer nofollow">ссылка</a>');
    expect(out).toContain("<b>важно</b>");
    expect(out).toContain("<i>курсив</i>");
    expect(out).toContain("<br />");
    expect(out).toContain("ячейка");
  });
});
