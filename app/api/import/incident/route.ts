// Upload of an «Инцидент Менеджмент» xlsx export: ?mode=preview returns the first rows;
// ?mode=import streams progress as JSON lines and ends with the report.
import { NextResponse } from "next/server";
import { withAuth } from "@/lib/auth/route";
import { AppError } from "@/lib/errors";
import { importIncidentXlsx, previewIncidentXlsx } from "@/lib/ingest/import-xlsx";
import { MAX_FILE_BYTES, XlsxFormatError } from "@/lib/ingest/xlsx-rows";

export const runtime = "nodejs";

async function readUpload(req: Request): Promise<Buffer> {
  const form = await req.formData().catch(() => null);
  const file = form?.get("file");
  if (!file || typeof file === "string") throw new AppError("invalid_input", "Выберите файл .xlsx.");
  if (file.size > MAX_FILE_BYTES) throw new AppError("invalid_input", "Файл больше 20 МБ.");
  if (!file.name.toLowerCase().endsWith(".xlsx")) throw new AppError("invalid_input", "Нужен файл Excel в формате .xlsx.");
  return Buffer.from(await file.arrayBuffer());
}

export const POST = withAuth<unknown>(["coordinator", "mcu_head"], async (req, _ctx, user) => {
  const mode = new URL(req.url).searchParams.get("mode");
  const buf = await readUpload(req);
  try {
    if (mode === "preview") return NextResponse.json(await previewIncidentXlsx(buf));
    if (mode !== "import") throw new AppError("invalid_input", "Неизвестный режим.");
    // Validate the whole file before streaming so format errors get a proper status code.
    await previewIncidentXlsx(buf, 0);
  } catch (e) {
    if (e instanceof XlsxFormatError) throw new AppError("invalid_input", e.message);
    throw e;
  }
  const enc = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      const send = (o: unknown) => controller.enqueue(enc.encode(JSON.stringify(o) + "\n"));
      try {
        const report = await importIncidentXlsx(user.id, buf, (done, total) => send({ progress: { done, total } }));
        send({ report });
      } catch (e) {
        console.error(e);
        send({ error: "Импорт прерван из-за ошибки. Уже загруженные строки сохранены; повторный импорт не создаст дубликатов." });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
});
