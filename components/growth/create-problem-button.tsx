"use client";

import { AppLink as Link } from "@/components/ui/app-link";
import { useActionState } from "react";
import { createGrowthProblemAction, type GrowthProblemState } from "@/app/(desk)/growth/actions";
import { Button } from "@/components/ui/button";

/** Turns one growth (topic × locality × week) into a «комплексная проблема». */
/** Stays mounted when every message is already in a problem (`done`), so the message about the
 * problem just created survives the page's refresh after the action. */
export function CreateProblemButton({
  topic,
  locality,
  from,
  to,
  label,
  done,
}: {
  topic: string;
  locality: string;
  from: string;
  to: string;
  label: string;
  done: boolean;
}) {
  const [state, action, pending] = useActionState<GrowthProblemState, FormData>(createGrowthProblemAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="topic" value={topic} />
      <input type="hidden" name="locality" value={locality} />
      <input type="hidden" name="from" value={from} />
      <input type="hidden" name="to" value={to} />
      {!state?.ok && !done && (
        <Button type="submit" disabled={pending} variant="secondary" aria-label={`Создать проблему: ${label}`}>
          {pending ? "Создаём…" : "Создать проблему"}
        </Button>
      )}
      <div aria-live="polite" role="status" className="text-sm">
        {state?.ok && (
          <span className="text-green-900" data-testid="growth-problem-created">
            {state.message}{" "}
            <Link href={`/problems/${state.data?.problemId}`} className="font-medium text-brand-700 underline">
              Открыть проблему № {state.data?.problemId}
            </Link>
          </span>
        )}
        {state && !state.ok && (
          <span role="alert" className="text-red-800">
            {state.message}
          </span>
        )}
      </div>
    </form>
  );
}
