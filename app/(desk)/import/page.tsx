import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { XlsxImport } from "@/components/import/xlsx-import";

export const metadata: Metadata = { title: "Импорт выгрузки" };

export default async function ImportPage() {
  await requirePage("/import");
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Импорт выгрузки «Инцидент Менеджмент»</h1>
      <p className="mb-4 text-sm text-slate-700">
        Файл .xlsx со столбцами «Текст инцидента», «Тип инцидента», «Итог», «Дата создания». Повторный импорт того же
        файла не создаёт дубликатов.
      </p>
      <XlsxImport />
    </>
  );
}
