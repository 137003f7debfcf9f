// Upload of a draft answer's file. A route handler rather than a server action because server
// action bodies are limited to 1 MB and attachments may be up to 10 MB.
import { NextResponse } from "next/server";
import { withAuth } from "@/lib/auth/route";
import { AppError } from "@/lib/errors";
import { saveAttachment } from "@/lib/workflow/attachments";
import { MAX_ATTACHMENT_BYTES } from "@/lib/workflow/attachment-types";

type Ctx = { params: Promise<{ id: string }> };

export const POST = withAuth<Ctx>("message.answer", async (req, { params }, user) => {
  // Same-origin only: withAuth checks Origin on every state-changing request.
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_ATTACHMENT_BYTES + 64 * 1024) throw new AppError("invalid_input", "Файл больше 10 МБ.");
  const form = await req.formData().catch(() => null);
  if (!form) throw new AppError("invalid_input", "Не удалось прочитать файл.");
  const { id } = await params;
  const r = await saveAttachment(user, { messageId: id, file: form.get("file") });
  return NextResponse.json(r, { status: 201 });
});
