"use client";

import { useActionState } from "react";
import { acceptAction } from "@/app/(desk)/messages/[id]/actions";
import { FormStatus, primaryButton } from "./form-status";

export function AcceptForm({ messageId }: { messageId: number }) {
  const [state, action, pending] = useActionState(acceptAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="messageId" value={messageId} />
      <button type="submit" className={primaryButton} disabled={pending}>{pending ? "Принимаю…" : "Принять в работу"}</button>
      <FormStatus state={state} />
    </form>
  );
}
