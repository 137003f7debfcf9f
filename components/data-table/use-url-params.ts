"use client";

import { useCallback, useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

/**
 * The table's state lives in the URL (bookmarkable, shareable). `update` merges a patch into the
 * current query — `undefined`/"" removes a key — and by default goes back to page 1, since a new
 * filter or sort makes the old page number meaningless.
 */
export function useUrlParams() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [pending, startTransition] = useTransition();

  const hrefWith = useCallback(
    (patch: Record<string, string | number | undefined | null>, opts: { resetPage?: boolean } = {}) => {
      const q = new URLSearchParams(search.toString());
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === null || v === "") q.delete(k);
        else q.set(k, String(v));
      }
      if (opts.resetPage !== false && !("page" in patch)) q.delete("page");
      const s = q.toString();
      return s ? `${pathname}?${s}` : pathname;
    },
    [pathname, search],
  );

  const update = useCallback(
    (
      patch: Record<string, string | number | undefined | null>,
      opts: { resetPage?: boolean; replace?: boolean } = {},
    ) => {
      const href = hrefWith(patch, opts);
      startTransition(() =>
        opts.replace ? router.replace(href, { scroll: false }) : router.push(href, { scroll: false }),
      );
    },
    [hrefWith, router],
  );

  return {
    search,
    pathname,
    hrefWith,
    update,
    pending,
    navigate: (href: string) => startTransition(() => router.push(href)),
  };
}
