import type { NextConfig } from "next";

/**
 * A fully static site: `next build` exports it to a new build folder, `.out-builds/<id>/`, which
 * `npm run build` then swaps in as `out/` (src/server/build-dirs.ts). FAQ_EXPORT_DIR names it: in
 * export mode a distDir other than `.next` is where the export goes, while Next's own build files
 * and caches stay in `.next`. `trailingSlash` makes every page a folder with `index.html`, so plain
 * static servers find it.
 */
const nextConfig: NextConfig = {
  output: "export",
  distDir: process.env.FAQ_EXPORT_DIR || ".next",
  trailingSlash: true,
  images: { unoptimized: true },
  poweredByHeader: false,
  // Next names a folder of the export after the build id, random by default: two builds of the same
  // inputs must write the same files (the incremental build is checked against clean builds).
  generateBuildId: () => "faq",
  // The build-time toolchain (Markdown, highlighting, pinyin, validation) runs from node_modules
  // instead of being bundled into the server chunks: that halves Next's compile (about 17 s → 9 s
  // cold) and changes nothing in the output, since none of it reaches the browser.
  serverExternalPackages: [
    "fuse.js", "github-slugger", "gray-matter", "hast-util-to-html", "hast-util-to-text", "highlight.js", "mdast-util-to-string",
    "pinyin-pro", "rehype-external-links", "rehype-highlight", "rehype-raw", "rehype-sanitize", "remark-breaks", "remark-cjk-friendly",
    "remark-gfm", "remark-parse", "remark-rehype", "unified", "unist-util-visit", "vfile", "yaml", "zod",
  ],
  reactStrictMode: true,
  // `npm test` type-checks everything (`npm run typecheck`); doing it again in every build costs
  // about 10 s and catches nothing new.
  typescript: { ignoreBuildErrors: true },
  // Static generation is CPU-bound; Next starts one worker on a 2-core machine, two halve the time.
  experimental: { cpus: Math.max(2, Number(process.env.BUILD_CPUS) || 0), prefetchInlining: false },
};

export default nextConfig;
