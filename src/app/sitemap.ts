import type { MetadataRoute } from "next";
import { getSite } from "@/content";
import { absoluteUrl } from "@/lib/config";

export const dynamic = "force-static";

/**
 * Every category and FAQ page, with the page's `updated` date where known. A sitemap needs absolute
 * URLs: without SITE_URL the build leaves it out (scripts/lib/finish-site.ts).
 */
export default function sitemap(): MetadataRoute.Sitemap {
  const site = getSite();
  return [
    { url: absoluteUrl("/") },
    ...site.categories.map((c) => ({ url: absoluteUrl(c.url) })),
    ...site.categories.flatMap((c) => c.pages.map((p) => ({ url: absoluteUrl(p.url), ...(p.updated ? { lastModified: p.updated } : {}) }))),
  ];
}
