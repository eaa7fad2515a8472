import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/config";
import { getSitemapView } from "@/views/source";

export const dynamic = "force-static";

/**
 * Every category and FAQ page, with the page's `updated` date where known. A sitemap needs absolute
 * URLs: without SITE_URL the build leaves it out (scripts/lib/finish-site.ts).
 */
export default function sitemap(): MetadataRoute.Sitemap {
  return getSitemapView().entries.map((e) => ({ url: absoluteUrl(e.path), ...(e.updated ? { lastModified: e.updated } : {}) }));
}
