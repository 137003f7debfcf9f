"use client";

import { useRef, useState } from "react";
import { Card } from "@/components/ui/card";

// The server's limit (lib/ingest/xlsx-rows.ts MAX_FILE_BYTES), checked here too to spare the upload.
const MAX_FILE_BYTES = 20 * 1024 * 1024;

type PreviewRow =
  | {
      row: number;
      ok: true;
      message: {
        textClean: string;
        sourceCategory: string | null;
        createdAt: string;
        extra: { outcome?: string | null };
      };
    }
  | { row: number; ok: false; error: string };
type Preview = { columns: string[]; total: number; valid: number; rows: PreviewRow[] };
type Report = { total: number; imported: number; duplicates: number; rejected: { row: number; error: string }[] };

async function errorText(res: Response): Promise<string> {
  const body = await res.json().catch(() => null);
  return body?.error?.message ?? "Не удалось обработать файл.";
}

export function XlsxImport() {
  const fileRef = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The file itself is the request body (no multipart form): the server reads it with a byte limit.
  function file(): File | null {
    const f = fileRef.current?.files?.[0];
    if (!f) {
      setError("Выберите файл .xlsx.");
      return null;
    }
    if (!f.name.toLowerCase().endsWith(".xlsx")) {
      setError("Нужен файл Excel в формате .xlsx.");
      return null;
    }
    if (f.size > MAX_FILE_BYTES) {
      setError("Файл больше 20 МБ.");
      return null;
    }
    return f;
  }

  const upload = (mode: "preview" | "import", f: File) =>
    fetch(`/api/import/incident?mode=${mode}`, {
      method: "POST",
      body: f,
      headers: { "content-type": "application/octet-stream" },
    });

  async function onPreview() {
    const f = file();
    if (!f) return;
    setBusy(true);
    setError(null);
    setReport(null);
    setPreview(null);
    setProgress(null);
    const res = await upload("preview", f);
    setBusy(false);
    if (!res.ok) return setError(await errorText(res));
    setPreview(await res.json());
  }

  async function onImport() {
    const f = file();
    if (!f) return;
    setBusy(true);
    setError(null);
    setReport(null);
    setProgress({ done: 0, total: preview?.total ?? 0 });
    const res = await upload("import", f);
    if (!res.ok || !res.body) {
      setBusy(false);
      return setError(await errorText(res));
    }
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buf = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += value;
      let nl;
      while ((nl = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (!line) continue;
        const msg = JSON.parse(line);
        if (msg.progress) setProgress(msg.progress);
        if (msg.report) setReport(msg.report);
        if (msg.error) setError(msg.error);
      }
    }
    setBusy(false);
  }

  const pct = progress && progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="space-y-4">
      <Card className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="xlsx-file" className="block text-sm font-medium">
            Файл выгрузки (.xlsx, до 20 МБ)
          </label>
          <input
            id="xlsx-file"
            ref={fileRef}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={() => {
              setPreview(null);
              setReport(null);
              setError(null);
              setProgress(null);
            }}
            className="mt-1 text-sm"
          />
        </div>
        <button
          type="button"
          onClick={onPreview}
          disabled={busy}
          className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-60"
        >
          Предпросмотр
        </button>
        <button
          type="button"
          onClick={onImport}
          disabled={busy || !preview}
          className="rounded bg-brand-700 px-3 py-1.5 text-sm text-white hover:bg-brand-600 disabled:opacity-60"
        >
          Импортировать
        </button>
      </Card>
      <div aria-live="polite">
        {error && (
          <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            {error}
          </p>
        )}
      </div>
      {progress && (
        <div>
          <div className="mb-1 text-sm">
            Обработано строк: {progress.done} из {progress.total}
          </div>
          <div
            role="progressbar"
            aria-label="Ход импорта"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
            className="h-3 w-full rounded bg-slate-200"
          >
            <div className="h-3 rounded bg-brand-600" style={{ width: `${pct}%` }} />
          </div>
        </div>
      )}
      {report && (
        <Card as="section" data-testid="import-report">
          <h2 className="mb-2 font-semibold">Итог импорта</h2>
          <ul className="text-sm">
            <li>Всего строк: {report.total}</li>
            <li>Загружено новых: {report.imported}</li>
            <li>Дубликатов (уже были в системе): {report.duplicates}</li>
            <li>Отклонено: {report.rejected.length}</li>
          </ul>
          {report.rejected.length > 0 && (
            <ul className="mt-2 list-disc pl-5 text-sm text-red-900">
              {report.rejected.map((r) => (
                <li key={r.row}>
                  Строка {r.row}: {r.error}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      {preview && !report && (
        <Card as="section">
          <h2 className="mb-2 font-semibold">
            Предпросмотр: {preview.total} строк, из них корректных {preview.valid}
          </h2>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Первые строки файла</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-2 py-1">
                  Строка
                </th>
                <th scope="col" className="px-2 py-1">
                  Текст инцидента
                </th>
                <th scope="col" className="px-2 py-1">
                  Тип
                </th>
                <th scope="col" className="px-2 py-1">
                  Итог
                </th>
                <th scope="col" className="px-2 py-1">
                  Проверка
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.row} className="border-t border-slate-200 align-top">
                  <td className="px-2 py-1">{r.row}</td>
                  <td className="max-w-md px-2 py-1">{r.ok ? r.message.textClean.slice(0, 200) : "—"}</td>
                  <td className="px-2 py-1">{r.ok ? (r.message.sourceCategory ?? "—") : "—"}</td>
                  <td className="px-2 py-1">{r.ok ? (r.message.extra.outcome ?? "—") : "—"}</td>
                  <td className="px-2 py-1">{r.ok ? "ок" : <span className="text-red-800">{r.error}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </div>
  );
}
