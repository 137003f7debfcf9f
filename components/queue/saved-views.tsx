"use client";

import { AppLink as Link } from "@/components/ui/app-link";
import { useState, useTransition } from "react";
import type { SavedViewRow } from "@/lib/queue/saved-views";
import { ConfirmButton } from "@/components/workflow/confirm-button";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { deleteViewAction, saveViewAction } from "@/app/(desk)/queue/actions";
import { Card } from "@/components/ui/card";

/** The user's named views: open (a link to the saved query), save the current one, delete. */
export function SavedViews({ views, currentQuery }: { views: SavedViewRow[]; currentQuery: string }) {
  const [name, setName] = useState("");
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, start] = useTransition();
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setStatus({ ok: false, message: "Введите название вида." });
    start(async () => {
      const r = await saveViewAction({ name, query: currentQuery });
      setStatus(r);
      if (r.ok) setName("");
    });
  };
  return (
    <Card aria-labelledby="views-h" as="section" padding="sm" className="text-sm">
      <h2 id="views-h" className="font-semibold">
        Мои виды
      </h2>
      {views.length === 0 ? (
        <p className="mt-1 text-slate-700">Сохранённых видов пока нет.</p>
      ) : (
        <ul className="mt-1 space-y-1" data-testid="saved-views">
          {views.map((v) => (
            <li key={v.id} className="flex items-center gap-2">
              <Link className="text-brand-700 underline" href={v.query ? `/queue?${v.query}` : "/queue"}>
                {v.name}
              </Link>
              <ConfirmButton
                label="Удалить"
                title={`Удалить вид «${v.name}»?`}
                description="Сохранённый вид будет удалён; сообщения не изменятся."
                confirmLabel="Да, удалить"
                className="ml-auto rounded border border-slate-300 px-2 py-0.5 text-xs"
                onConfirm={() => start(async () => setStatus(await deleteViewAction(v.id)))}
              />
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={save} className="mt-2 flex items-end gap-2">
        <div className="grow">
          <label htmlFor="view-name" className="block text-xs font-medium">
            Название нового вида
          </label>
          <input
            id="view-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={TEXT_LIMITS.viewName}
            className="mt-0.5 w-full rounded border border-slate-400 px-2 py-1"
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-700 px-3 py-1.5 text-white disabled:opacity-60"
        >
          Сохранить вид
        </button>
      </form>
      <p aria-live="polite" className={`mt-1 text-xs ${status?.ok === false ? "text-red-800" : "text-green-800"}`}>
        {status?.message}
      </p>
    </Card>
  );
}
