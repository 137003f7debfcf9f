import type { z } from "zod";
import { z as zod } from "zod";
import { AppError } from "@/lib/errors";

export const idSchema = zod.coerce.number().int().positive().max(2_147_483_647);

/** Validates input from a form or a caller; field problems go back to the form in Russian. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const fieldErrors = zod.flattenError(r.error).fieldErrors as Record<string, string[] | undefined>;
  const first = Object.values(fieldErrors).flat().find(Boolean);
  throw new AppError("invalid_input", first ?? "Проверьте заполнение формы.", fieldErrors);
}
