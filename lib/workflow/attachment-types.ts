// Allowed answer attachments. Safe for client components (the file input's accept list).
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_ANSWER = 10;

export const ATTACHMENT_TYPES = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export type AttachmentExt = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_ACCEPT = Object.keys(ATTACHMENT_TYPES)
  .map((e) => `.${e}`)
  .join(",");

// The file must really be what its name says: a renamed .exe is refused.
const MAGIC: Record<AttachmentExt, number[]> = {
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  jpg: [0xff, 0xd8, 0xff],
  jpeg: [0xff, 0xd8, 0xff],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  docx: [0x50, 0x4b, 0x03, 0x04], // zip container
  xlsx: [0x50, 0x4b, 0x03, 0x04],
};

/** Checks name, size and content; returns the MIME type we store (never the browser's claim)
 * or a Russian reason for refusal. */
export function checkAttachment(
  fileName: string,
  bytes: Uint8Array,
): { ok: true; ext: AttachmentExt; mime: string } | { ok: false; message: string } {
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  if (!(ext in ATTACHMENT_TYPES)) return { ok: false, message: "Допустимы файлы PDF, JPG, PNG, DOCX и XLSX." };
  if (bytes.length === 0) return { ok: false, message: "Файл пустой." };
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, message: "Файл больше 10 МБ." };
  const e = ext as AttachmentExt;
  if (!MAGIC[e].every((b, i) => bytes[i] === b))
    return { ok: false, message: `Содержимое файла не похоже на ${e.toUpperCase()}.` };
  return { ok: true, ext: e, mime: ATTACHMENT_TYPES[e] };
}

/** A display name safe for headers and the UI: no path, no control characters, bounded length. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "file";
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "_").trim();
  return (clean || "file").slice(-200);
}
