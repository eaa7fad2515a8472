import os from "node:os";
import { Worker } from "node:worker_threads";
import { assembleContent, contentDir, readContentTree, treePages } from "../../src/content/load";
import { parsePages, type PageInput, type ParsedPage } from "../../src/content/parse";
import type { Diagnostic } from "../../src/content/errors";
import type { Site } from "../../src/content/types";

/** Below this many pages a thread's start-up (loading the Markdown toolchain) costs more than it saves. */
const PAGES_PER_THREAD = 150;

/**
 * `loadSite`, with the pages parsed on every core: parsing Markdown is most of the content check's
 * time on a large site (about 13 s for 1,000 pages on one core). Same result, same order.
 */
export async function loadSiteInParallel(dir: string = contentDir()): Promise<{ site: Site; diagnostics: Diagnostic[] }> {
  const tree = readContentTree(dir);
  const pages = treePages(tree);
  const threads = Math.min(os.availableParallelism(), Math.floor(pages.length / PAGES_PER_THREAD));
  if (threads < 2) return assembleContent(tree, parsePages(pages));
  // Contiguous shares, so the results simply concatenate back into tree order.
  const size = Math.ceil(pages.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => pages.slice(i * size, (i + 1) * size));
  const parsed = await Promise.all(shares.map(parseInThread));
  return assembleContent(tree, parsed.flat());
}

function parseInThread(share: PageInput[]): Promise<ParsedPage[]> {
  return new Promise((resolve, reject) => {
    // The thread registers tsx itself before loading the TypeScript worker: threads do not inherit the
    // tsx CLI's module hooks.
    const entry = JSON.stringify(new URL("./parse-worker.ts", import.meta.url).href);
    const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${entry}); })`;
    const worker = new Worker(boot, { eval: true, workerData: share });
    worker.once("message", (result: ParsedPage[]) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`parse thread exited with ${code}`)));
  });
}
