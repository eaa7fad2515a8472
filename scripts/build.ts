// `npm run build`: checks the content, then `next build` into `out/`. A failed build leaves the
// previous `out/` in place: the old site is moved aside first and put back on failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeAnchorsLock, writeSiteCache } from "../src/content/load";
import { searchIndexFile } from "../src/search/index-file";
import { checkContent } from "./lib/content-report";
import { bundleClient } from "./lib/client-bundle";
import { finishSite } from "./lib/finish-site";
import { NEXT_BIN } from "./lib/next-bin";
import { precompress } from "./lib/precompress";
import { buildStamp, STAMP_FILE } from "./lib/stamp";

const OUT = path.resolve("out");
const PREVIOUS = path.resolve("out.previous");
const SITE_CACHE = path.resolve(".next", "cache", "faq-site.json");
const SEARCH_INDEX_CACHE = path.resolve(".next", "cache", "faq-search-index.json");

const secondsSince = (start: number) => ((Date.now() - start) / 1000).toFixed(1);

/** A failed build: the half-written out/ goes and the previous site comes back. */
function restorePrevious(why: string): false {
  fs.rmSync(OUT, { recursive: true, force: true });
  if (fs.existsSync(PREVIOUS)) fs.renameSync(PREVIOUS, OUT);
  console.error(`✗ ${why}; the previous out/ is unchanged.`);
  return false;
}

export async function build(): Promise<boolean> {
  const started = Date.now();
  const { ok, site, synonyms, stats } = await checkContent();
  if (!ok) {
    console.error("✗ content has errors (above): fix them and build again. out/ was not touched.");
    return false;
  }
  console.error(`✓ content checked in ${secondsSince(started)} s (${stats.parsed} parsed, ${stats.reused} unchanged since the last build)`);
  const stamp = buildStamp();
  const prepared = Date.now();
  writeSiteCache(SITE_CACHE, site);
  // Once here rather than in each of Next's build workers: the index holds every question's pinyin.
  fs.writeFileSync(SEARCH_INDEX_CACHE, JSON.stringify(searchIndexFile(site, synonyms)));
  const client = await bundleClient().catch((error: unknown) => {
    console.error(`✗ the browser code (src/client/) did not bundle: ${error instanceof Error ? error.message : error}\nout/ was not touched.`);
    return null;
  });
  if (!client) return false;
  console.error(`✓ search index and browser code in ${secondsSince(prepared)} s`);
  fs.rmSync(PREVIOUS, { recursive: true, force: true });
  if (fs.existsSync(OUT)) fs.renameSync(OUT, PREVIOUS);
  const nextStarted = Date.now();
  const next = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FAQ_SITE_CACHE: SITE_CACHE, FAQ_SEARCH_INDEX_CACHE: SEARCH_INDEX_CACHE, FAQ_CLIENT_SCRIPT: client.script },
  });
  if (next.status !== 0 || !fs.existsSync(path.join(OUT, "index.html"))) return restorePrevious("build failed (above)");
  console.error(`✓ next build in ${secondsSince(nextStarted)} s`);
  const finishStarted = Date.now();
  try {
    await finishSite(OUT); // before compressing: it edits the pages
  } catch (error) {
    return restorePrevious(`build failed: ${error instanceof Error ? error.message : error}`);
  }
  const stripped = Date.now();
  const compressed = await precompress(OUT);
  console.error(`✓ runtime stripped and CSP in ${secondsSince(finishStarted)} s; precompressed ${compressed.files} files (${(compressed.bytes / 1e6).toFixed(1)} MB → ${(compressed.gzipBytes / 1e6).toFixed(1)} MB gzip) in ${secondsSince(stripped)} s`);
  fs.rmSync(PREVIOUS, { recursive: true, force: true });
  fs.writeFileSync(path.join(OUT, STAMP_FILE), stamp + "\n");
  const lock = writeAnchorsLock(site);
  if (lock) console.error(`✓ recorded new page URLs and anchors in ${path.relative(process.cwd(), lock)}: commit it`);
  console.error(`✓ built out/ in ${secondsSince(started)} s`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit((await build()) ? 0 : 1);
