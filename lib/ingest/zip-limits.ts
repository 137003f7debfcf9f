// Limits on what an uploaded zip (an .xlsx) unpacks to, checked before any parser sees it: a
// small file can inflate to gigabytes (a "zip bomb"). The sizes a zip declares can lie, so the
// entries are inflated once here, counting bytes and discarding them, and refused as soon as the
// count passes the limit. The entries are walked one after another from the start of the file,
// the way exceljs's streaming reader (unzipper's Parse) reads them, so what is counted here is
// exactly what the parser will unpack.
import { crc32, createInflateRaw } from "node:zlib";

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIR = 0x06054b50;
const DATA_DESCRIPTOR = Buffer.from([0x50, 0x4b, 0x07, 0x08]);
const ZIP64 = 0xffffffff;

export type ZipLimits = { maxUnpackedBytes: number; maxEntries: number };
/** A local entry as it lies in the file: from its header to the end of its data (and descriptor). */
export type ZipEntry = { name: string; start: number; end: number };
export class ZipLimitError extends Error {
  constructor(readonly reason: "not_zip" | "too_large") {
    super(reason);
  }
}

/** Sum of the uncompressed sizes the central directory declares; null when there is none to read.
 * Cheap, and refuses an honest bomb before anything is inflated. */
function declaredSize(buf: Buffer): number | null {
  const from = Math.max(0, buf.length - 22 - 0xffff);
  for (let eocd = buf.length - 22; eocd >= from; eocd--) {
    if (buf.readUInt32LE(eocd) !== END_OF_CENTRAL_DIR) continue;
    const count = buf.readUInt16LE(eocd + 10);
    let p = buf.readUInt32LE(eocd + 16);
    let sum = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL_HEADER) return null;
      const size = buf.readUInt32LE(p + 24);
      if (size === ZIP64) return Infinity;
      sum += size;
      p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
    return sum;
  }
  return null;
}

/** Bytes `data` inflates to, or rejects once they exceed `limit` (inflation stops there). */
function inflatedSize(data: Buffer, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let n = 0;
    inflate.on("data", (chunk: Buffer) => {
      n += chunk.length;
      if (n > limit) {
        inflate.destroy();
        reject(new ZipLimitError("too_large"));
      }
    });
    inflate.on("error", () => reject(new ZipLimitError("not_zip")));
    inflate.on("end", () => resolve(n));
    inflate.end(data);
  });
}

/** Throws ZipLimitError unless `buf` is a plain zip (no encryption, zip64 or unknown compression)
 * whose entries together unpack to at most `maxUnpackedBytes`; returns the entries in file order. */
export async function checkZipLimits(buf: Buffer, limits: ZipLimits): Promise<ZipEntry[]> {
  if (buf.length < 4 || buf.readUInt32LE(0) !== LOCAL_HEADER) throw new ZipLimitError("not_zip");
  const declared = declaredSize(buf);
  if (declared !== null && declared > limits.maxUnpackedBytes) throw new ZipLimitError("too_large");
  let total = 0;
  const entries: ZipEntry[] = [];
  let pos = 0;
  while (pos + 4 <= buf.length && buf.readUInt32LE(pos) === LOCAL_HEADER) {
    if (entries.length >= limits.maxEntries) throw new ZipLimitError("too_large");
    if (pos + 30 > buf.length) throw new ZipLimitError("not_zip");
    const start = pos;
    const flags = buf.readUInt16LE(pos + 6);
    const method = buf.readUInt16LE(pos + 8);
    const compressed = buf.readUInt32LE(pos + 18);
    const size = buf.readUInt32LE(pos + 22);
    const nameLength = buf.readUInt16LE(pos + 26);
    const name = buf.toString("utf8", pos + 30, Math.min(buf.length, pos + 30 + nameLength));
    const dataStart = pos + 30 + nameLength + buf.readUInt16LE(pos + 28);
    if (flags & 0x1 || (method !== 0 && method !== 8) || compressed === ZIP64 || size === ZIP64)
      throw new ZipLimitError("not_zip");
    let dataEnd: number;
    if (!(flags & 0x8) || compressed > 0) {
      dataEnd = dataStart + compressed;
      pos = dataEnd;
    } else {
      // Sizes follow the data (a data descriptor); the reader looks for its signature, so do we.
      dataEnd = buf.indexOf(DATA_DESCRIPTOR, dataStart);
      if (dataEnd < 0) throw new ZipLimitError("not_zip");
      pos = dataEnd + 16;
    }
    if (dataStart > buf.length || dataEnd > buf.length || pos > buf.length) throw new ZipLimitError("not_zip");
    entries.push({ name, start, end: pos });
    const data = buf.subarray(dataStart, dataEnd);
    total += method === 0 ? data.length : await inflatedSize(data, limits.maxUnpackedBytes - total);
    if (total > limits.maxUnpackedBytes) throw new ZipLimitError("too_large");
  }
  if (entries.length === 0) throw new ZipLimitError("not_zip");
  return entries;
}

/** A stored (uncompressed) local entry, for a part a reader expects but the file lacks. */
export function storedEntry(name: string, content: Buffer): Buffer {
  const n = Buffer.from(name);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(crc32(content), 14);
  header.writeUInt32LE(content.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(n.length, 26);
  return Buffer.concat([header, n, content]);
}

/** An end-of-central-directory record with no entries: where a sequential reader stops. */
export const EMPTY_END_OF_ZIP = (() => {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(END_OF_CENTRAL_DIR, 0);
  return b;
})();
