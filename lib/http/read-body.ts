import { AppError } from "@/lib/errors";

/** Reads a request body of at most `maxBytes`: refused at once when Content-Length says more, and
 * as soon as more arrives otherwise (a chunked body has no length), so an oversized upload is
 * never held in memory. */
export async function readBodyLimited(req: Request, maxBytes: number, tooLarge: string): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw new AppError("invalid_input", tooLarge);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("invalid_input", tooLarge);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
