import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/config";

export const dynamic = "force-static";

export default function robots(): MetadataRoute.Robots {
  // Its Sitemap line needs an absolute URL: without SITE_URL the build leaves the file out (finish-site.ts).
  // /search/ is crawlable: its HTML is the same for every ?q= (results render in the browser) and its
  // canonical URL is /search/, so there is no endless space of result pages to block.
  return { rules: { userAgent: "*", allow: "/" }, sitemap: absoluteUrl("/sitemap.xml") };
}
