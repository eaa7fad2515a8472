import type { NextConfig } from "next";

/**
 * A fully static site: `next build` writes `out/`, which any static host or CDN serves.
 * `trailingSlash` makes every page a folder with `index.html`, so plain static servers find it.
 */
const nextConfig: NextConfig = {
  output: "export",
  trailingSlash: true,
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
  // The build is driven by scripts/build.ts, which writes into a staging folder (see there).
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
