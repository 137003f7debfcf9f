"use client";

import { useActionState, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { removeAttachmentAction } from "@/app/(desk)/messages/[id]/actions";
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENT_BYTES } from "@/lib/workflow/attachment-types";
import { FormStatus, labelClass } from "./form-status";
import type { ActionState } from "@/lib/actions/action-state";
import { AttachmentLink } from "./attachment-link";
import { Button } from "@/components/ui/button";

type File_ = { id: number; fileName: string; size: number };

/** Files of the draft answer: upload (route handler, up to 10 MB) and removal. */
export function AttachmentsPanel({ messageId, files }: { messageId: number; files: File_[] }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [uploadState, setUploadState] = useState<ActionState>(null);
  const [busy, setBusy] = useState(false);
  const [removeState, removeAction] = useActionState(removeAttachmentAction, null);

  async function upload() {
    const file = input.current?.files?.[0];
    if (!file) return setUploadState({ ok: false, message: "Выберите файл." });
    if (file.size > MAX_ATTACHMENT_BYTES) return setUploadState({ ok: false, message: "Файл больше 10 МБ." });
    setBusy(true);
    try {
      const body = new FormData();
      body.set("file", file);
      const res = await fetch(`/messages/${messageId}/attachments`, { method: "POST", body });
      const json = (await res.json().catch(() => null)) as { error?: { message: string } } | null;
      if (!res.ok) return setUploadState({ ok: false, message: json?.error?.message ?? "Не удалось загрузить файл." });
      setUploadState({ ok: true, message: `Файл «${file.name}» приложен.` });
      if (input.current) input.current.value = "";
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-2">
      <h3 className="font-medium">Файлы к ответу</h3>
      {files.length === 0 ? (
        <p className="text-sm text-slate-700">Файлов нет.</p>
      ) : (
        <ul className="space-y-1 text-sm" data-testid="draft-attachments">
          {files.map((f) => (
            <li key={f.id} className="flex items-center gap-2">
              <AttachmentLink messageId={messageId} file={f} />
              <form action={removeAction}>
                <input type="hidden" name="messageId" value={messageId} />
                <input type="hidden" name="attachmentId" value={f.id} />
                <button type="submit" className="text-red-800 underline" aria-label={`Удалить файл ${f.fileName}`}>
                  Удалить
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <FormStatus state={removeState} />
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="answer-file" className={labelClass}>
            Новый файл (PDF, JPG, PNG, DOCX, XLSX; до 10 МБ)
          </label>
          <input id="answer-file" ref={input} type="file" accept={ATTACHMENT_ACCEPT} className="mt-1 text-sm" />
        </div>
        <Button type="button" onClick={upload} disabled={busy} variant="secondary">
          {busy ? "Загружаю…" : "Приложить файл"}
        </Button>
      </div>
      <FormStatus state={uploadState} />
    </div>
  );
}
