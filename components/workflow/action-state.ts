// What a workflow server action returns to its useActionState form. Safe for client components.
export type FieldErrors = Record<string, string[] | undefined>;
export type ActionState = { ok: true; message?: string; at?: number } | { ok: false; message: string; fieldErrors?: FieldErrors; at?: number } | null;
