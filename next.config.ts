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
  // `npm test` type-checks everything (`npm run typecheck`); doing it again in every build costs
  // about 10 s and catches nothing new.
  typescript: { ignoreBuildErrors: true },
  // Static generation is CPU-bound; Next starts one worker on a 2-core machine, two halve the time.
  experimental: { cpus: Math.max(2, Number(process.env.BUILD_CPUS) || 0) },
};

export default nextConfig;
