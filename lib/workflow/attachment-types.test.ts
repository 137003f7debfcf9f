import { describe, expect, it } from "vitest";
import { MAX_ATTACHMENT_BYTES, checkAttachment, safeFileName } from "./attachment-types";

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]);
const pdf = new TextEncoder().encode("%PDF-1.7 …");
const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]);

describe("checkAttachment", () => {
  it("accepts the whitelisted types by name and content, and sets the MIME type itself", () => {
    expect(checkAttachment("фото.PNG", png)).toEqual({ ok: true, ext: "png", mime: "image/png" });
    expect(checkAttachment("акт.pdf", pdf)).toMatchObject({ ok: true, mime: "application/pdf" });
    expect(checkAttachment("смета.xlsx", zip)).toMatchObject({ ok: true, ext: "xlsx" });
    expect(checkAttachment("письмо.docx", zip)).toMatchObject({ ok: true, ext: "docx" });
  });

  it("refuses other types, disguised files, empty and oversized files", () => {
    expect(checkAttachment("virus.exe", png)).toMatchObject({
      ok: false,
      message: "Допустимы файлы PDF, JPG, PNG, DOCX и XLSX.",
    });
    expect(checkAttachment("virus.pdf", new TextEncoder().encode("MZ..."))).toMatchObject({
      ok: false,
      message: "Содержимое файла не похоже на PDF.",
    });
    expect(checkAttachment("a.png", new Uint8Array())).toMatchObject({ ok: false });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(png);
    expect(checkAttachment("a.png", big)).toMatchObject({ ok: false, message: "Файл больше 10 МБ." });
  });

  it("strips paths and control characters from names", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("C:\\Users\\x\\акт\u0000.pdf")).toBe("акт_.pdf");
    expect(safeFileName("")).toBe("file");
  });
});
