import { formatNumber } from "@/lib/format";

export function AttachmentLink({
  messageId,
  file,
}: {
  messageId: number;
  file: { id: number; fileName: string; size: number };
}) {
  return (
    <a className="text-brand-700 underline" href={`/messages/${messageId}/attachments/${file.id}`} download>
      {file.fileName}{" "}
      <span className="text-slate-700">({formatNumber(Math.max(1, Math.round(file.size / 1024)))} КБ)</span>
    </a>
  );
}
