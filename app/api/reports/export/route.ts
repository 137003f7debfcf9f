// A report as a file: ?format=csv|xlsx plus the report's URL parameters (as on /reports), and
// optionally saved=<id> for the file's title (own or shared reports only).
import { z } from "zod";
import { withAuth } from "@/lib/auth/route";
import { AppError } from "@/lib/errors";
import { runReport } from "@/lib/analytics/report";
import { configError, configFromSearchParams, reportConfigSchema } from "@/lib/analytics/report-config";
import { exportFileName, reportCsv, reportXlsx } from "@/lib/analytics/report-export";
import { DEFAULT_TITLE } from "@/lib/analytics/report-page";
import { getSavedReport } from "@/lib/analytics/report-saved";
import { idSchema } from "@/lib/workflow/validate";

export const runtime = "nodejs";

const formatSchema = z.enum(["csv", "xlsx"], { error: "Укажите формат выгрузки: csv или xlsx." });

function disposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const GET = withAuth<unknown>("report.read", async (req, _ctx, user) => {
  const params = new URL(req.url).searchParams;
  const format = formatSchema.safeParse(params.get("format"));
  if (!format.success) throw new AppError("invalid_input", configError(format.error));
  const raw = configFromSearchParams(params);
  if (raw === null) throw new AppError("invalid_input", "Не заданы параметры отчёта.");
  const config = reportConfigSchema.safeParse(raw);
  if (!config.success) throw new AppError("invalid_input", configError(config.error));
  let title = DEFAULT_TITLE;
  if (params.get("saved")) {
    const id = idSchema.safeParse(params.get("saved"));
    if (!id.success) throw new AppError("invalid_input", "Неверный номер сохранённого отчёта.");
    title = (await getSavedReport(user, id.data)).name;
  }
  const result = await runReport(user, config.data);
  if (format.data === "csv") {
    return new Response(reportCsv(result), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": disposition(exportFileName(title, result, "csv")),
        "cache-control": "no-store",
      },
    });
  }
  const body = await reportXlsx(result, title);
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": disposition(exportFileName(title, result, "xlsx")),
      "cache-control": "no-store",
    },
  });
});
