import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * The desk's in-app link. Every desk page is rendered per request, so Next.js's automatic prefetch
 * of a link in view fetches only the target's metadata: a request to the server per visible link
 * (about thirty for one queue page: rows, presets, the menu) that does not make the click any
 * faster. Prefetching is therefore off; pass `prefetch` to turn it on for a particular link.
 */
export function AppLink(props: ComponentProps<typeof Link>) {
  return <Link prefetch={false} {...props} />;
}
