// Download of an answer's file: found by ids within the user's scope, read by its stored hash.
import { withAuth } from "@/lib/auth/route";
import { readAttachment } from "@/lib/workflow/read-attachment";

type Ctx = { params: Promise<{ id: string; attachmentId: string }> };

export const GET = withAuth<Ctx>("message.read", async (_req, { params }, user) => {
  const { id, attachmentId } = await params;
  const f = await readAttachment(user, id, attachmentId);
  return new Response(new Uint8Array(f.bytes), {
    headers: {
      "content-type": f.mime,
      "content-length": String(f.bytes.length),
      "content-disposition": `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
});
