import fs from "node:fs";
import path from "node:path";
import { forEachConcurrently } from "./concurrent";
import { withCspMeta } from "./csp";
import { isRuntimeFile, stripRuntime } from "./strip-runtime";

const CONCURRENCY = 16;

/**
 * After `next build`: every page without Next's client runtime and with its Content-Security-Policy
 * (in that order: the policy hashes only the inline scripts that remain), in one read and write per
 * page; the runtime's files deleted. Throws, naming the page, if the runtime cannot be stripped.
 */
export async function finishSite(outDir: string): Promise<{ pages: number; removed: number }> {
  const files = fs.readdirSync(outDir, { recursive: true }) as string[];
  const pages = files.filter((f) => f.endsWith(".html"));
  const runtime = files.filter(isRuntimeFile);
  await Promise.all([
    forEachConcurrently(pages, CONCURRENCY, async (file) => {
      const abs = path.join(outDir, file);
      const html = await fs.promises.readFile(abs, "utf8");
      await fs.promises.writeFile(abs, withCspMeta(stripRuntime(html, file)));
    }),
    forEachConcurrently(runtime, CONCURRENCY, (file) => fs.promises.rm(path.join(outDir, file))),
  ]);
  return { pages: pages.length, removed: runtime.length };
}
