import fs from "node:fs";
import path from "node:path";
import { SITE, SITE_URL_WARNING } from "../../src/lib/config";
import { forEachConcurrently } from "./concurrent";
import { withCspMeta } from "./csp";
import { writeCompressed } from "./precompress";
import { isRuntimeFile, stripRuntime } from "./strip-runtime";

const CONCURRENCY = 16;
/** Files that only make sense with absolute URLs (src/app/sitemap.ts, robots.ts). */
export const NEEDS_SITE_URL = ["sitemap.xml", "robots.txt"];

/**
 * After `next build`: every page without Next's client runtime and with its Content-Security-Policy
 * (in that order: the policy hashes only the inline scripts that remain), in one read and write per
 * page, with its `.gz` (precompress.ts) written from the same bytes; the runtime's
 * files deleted; without SITE_URL, the sitemap and robots.txt too (with a warning), since they would
 * have to name a host. Throws, naming the page, if the runtime cannot be stripped.
 */
export async function finishSite(outDir: string, siteUrl: string | null = SITE.url, warn: (line: string) => void = console.warn): Promise<{ pages: number; removed: number }> {
  const files = fs.readdirSync(outDir, { recursive: true }) as string[];
  const pages = files.filter((f) => f.endsWith(".html"));
  const runtime = files.filter(isRuntimeFile);
  const withoutHost = siteUrl ? [] : NEEDS_SITE_URL.filter((f) => files.includes(f));
  // Mostly file system work (reading, writing, compressing in libuv's threads): the regular
  // expressions take a tenth of it, so worker threads would gain nothing (measured).
  await Promise.all([
    finishPages(outDir, pages),
    forEachConcurrently([...runtime, ...withoutHost], CONCURRENCY, (file) => fs.promises.rm(path.join(outDir, file))),
  ]);
  if (!siteUrl) warn(`⚠ ${SITE_URL_WARNING}`);
  return { pages: pages.length, removed: runtime.length };
}

/** Each page without the runtime, with its policy, and its .gz written from the same bytes. */
export async function finishPages(outDir: string, pages: string[]): Promise<void> {
  await forEachConcurrently(pages, CONCURRENCY, async (file) => {
    const abs = path.join(outDir, file);
    const html = Buffer.from(withCspMeta(stripRuntime(await fs.promises.readFile(abs, "utf8"), file)));
    await fs.promises.writeFile(abs, html);
    await writeCompressed(abs, html);
  });
}
