"use client";

import { useActionState } from "react";
import { acceptAction } from "@/app/(desk)/messages/[id]/actions";
import { FormStatus } from "./form-status";
import { Button } from "@/components/ui/button";

export function AcceptForm({ messageId }: { messageId: number }) {
  const [state, action, pending] = useActionState(acceptAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="messageId" value={messageId} />
      <Button type="submit" disabled={pending}>
        {pending ? "Принимаю…" : "Принять в работу"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
