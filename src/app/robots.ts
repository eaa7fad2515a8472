import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/config";

export const dynamic = "force-static";

export default function robots(): MetadataRoute.Robots {
  // /search/ is crawlable: its HTML is the same for every ?q= (results render in the browser) and its
  // canonical URL is /search/, so there is no endless space of result pages to block.
  return { rules: { userAgent: "*", allow: "/" }, sitemap: absoluteUrl("/sitemap.xml") };
}
