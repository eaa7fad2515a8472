import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/config";

export const dynamic = "force-static";

export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: "*", allow: "/", disallow: "/search/" }, sitemap: absoluteUrl("/sitemap.xml") };
}
