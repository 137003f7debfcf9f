// Upload of an «Инцидент Менеджмент» xlsx export: ?mode=preview returns the first rows;
// ?mode=import streams progress as JSON lines and ends with the report. The body is the file
// itself (application/octet-stream, sent by components/import/xlsx-import.tsx), read with a byte
// limit; the workbook is then read as a stream with limits on unpacked size and rows.
import { NextResponse } from "next/server";
import { withAuth } from "@/lib/auth/route";
import { AppError } from "@/lib/errors";
import { readBodyLimited } from "@/lib/http/read-body";
import { checkIncidentXlsx, importIncidentXlsx, previewIncidentXlsx } from "@/lib/ingest/import-xlsx";
import { MAX_FILE_BYTES, XlsxFormatError } from "@/lib/ingest/xlsx-rows";

export const runtime = "nodejs";

async function readUpload(req: Request): Promise<Buffer> {
  if (req.headers.get("content-type")?.startsWith("multipart/"))
    throw new AppError("invalid_input", "Обновите страницу и выберите файл снова.");
  const buf = await readBodyLimited(req, MAX_FILE_BYTES, `Файл больше ${MAX_FILE_BYTES / 1024 / 1024} МБ.`);
  if (buf.length === 0) throw new AppError("invalid_input", "Выберите файл .xlsx.");
  return buf;
}

export const POST = withAuth<unknown>("import.xlsx", async (req, _ctx, user) => {
  const mode = new URL(req.url).searchParams.get("mode");
  if (mode !== "preview" && mode !== "import") throw new AppError("invalid_input", "Неизвестный режим.");
  const buf = await readUpload(req);
  let checked;
  try {
    if (mode === "preview") return NextResponse.json(await previewIncidentXlsx(buf));
    // Check the whole file before streaming so format errors get a proper status code.
    checked = await checkIncidentXlsx(buf);
  } catch (e) {
    if (e instanceof XlsxFormatError) throw new AppError("invalid_input", e.message);
    throw e;
  }
  const enc = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      const send = (o: unknown) => controller.enqueue(enc.encode(JSON.stringify(o) + "\n"));
      try {
        const report = await importIncidentXlsx(
          user.id,
          buf,
          (done, total) => send({ progress: { done, total } }),
          checked,
        );
        send({ report });
      } catch (e) {
        console.error(e);
        send({
          error:
            "Импорт прерван из-за ошибки. Уже загруженные строки сохранены; повторный импорт не создаст дубликатов.",
        });
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
  });
});
