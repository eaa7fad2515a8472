"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * `next/link` that prefetches when the reader shows intent (hover, focus, touch) instead of for
 * every link that scrolls into view: a category page can list dozens of pages, and fetching them
 * all competes with the page's own start-up on a phone.
 */
export function IntentLink({ href, ...props }: Omit<ComponentProps<typeof Link>, "prefetch" | "href"> & { href: string }) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return <Link {...props} href={href} prefetch={false} onMouseEnter={prefetch} onFocus={prefetch} onTouchStart={prefetch} />;
}
