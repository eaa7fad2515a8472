// `npm run build`: checks the content, then `next build` into a new build folder `.out-builds/<id>/`,
// which becomes `out/` once it is complete (src/server/build-dirs.ts): a running `npm start` serves
// it from its next request, and a failed build never touches `out/`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { catalogOf, writeCatalog } from "../src/collector/catalog";
import { contentDir, writeAnchorsLock, writeSiteCache } from "../src/content/load";
import { searchIndexFile } from "../src/search/index-file";
import { currentBuildDir, newBuildDir, swapIn } from "../src/server/build-dirs";
import { checkContent } from "./lib/content-report";
import { bundleClient } from "./lib/client-bundle";
import { finishSite } from "./lib/finish-site";
import { NEXT_BIN } from "./lib/next-bin";
import { precompress } from "./lib/precompress";
import { buildStamp, STAMP_FILE } from "./lib/stamp";

const OUT = path.resolve("out");
const SITE_CACHE = path.resolve(".next", "cache", "faq-site.json");
const SEARCH_INDEX_CACHE = path.resolve(".next", "cache", "faq-search-index.json");

const secondsSince = (start: number) => ((Date.now() - start) / 1000).toFixed(1);
const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A failed build: its half-written folder goes; out/ was never touched. */
function discard(buildDir: string, why: string): false {
  fs.rmSync(buildDir, { recursive: true, force: true });
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
    console.error(`✗ the browser code (src/client/) did not bundle: ${errorMessage(error)}\nout/ was not touched.`);
    return null;
  });
  if (!client) return false;
  console.error(`✓ search index and browser code in ${secondsSince(prepared)} s`);
  const buildDir = newBuildDir(OUT);
  const nextStarted = Date.now();
  const next = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    stdio: "inherit",
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      FAQ_EXPORT_DIR: path.relative(process.cwd(), buildDir), // next.config.ts: where the export goes
      FAQ_SITE_CACHE: SITE_CACHE,
      FAQ_SEARCH_INDEX_CACHE: SEARCH_INDEX_CACHE,
      FAQ_CLIENT_SCRIPT: client.script,
    },
  });
  if (next.status !== 0 || !fs.existsSync(path.join(buildDir, "index.html"))) return discard(buildDir, "build failed (above)");
  console.error(`✓ next build in ${secondsSince(nextStarted)} s`);
  const finishStarted = Date.now();
  try {
    await finishSite(buildDir); // before compressing: it edits the pages
    const stripped = Date.now();
    const compressed = await precompress(buildDir);
    console.error(`✓ runtime stripped and CSP in ${secondsSince(finishStarted)} s; precompressed ${compressed.files} files (${(compressed.bytes / 1e6).toFixed(1)} MB → ${(compressed.gzipBytes / 1e6).toFixed(1)} MB gzip) in ${secondsSince(stripped)} s`);
    // The pages and questions of this build with their source lines, for the collector (not served).
    writeCatalog(buildDir, catalogOf(site, path.relative(process.cwd(), contentDir())));
    fs.writeFileSync(path.join(buildDir, STAMP_FILE), stamp + "\n");
  } catch (error) {
    return discard(buildDir, `build failed: ${errorMessage(error)}`);
  }
  try {
    swapIn(OUT, buildDir);
  } catch (error) {
    if (currentBuildDir(OUT) !== fs.realpathSync(buildDir)) return discard(buildDir, `could not swap in the new build: ${errorMessage(error)}`);
    console.error(`⚠ out/ is the new build, but removing older builds failed: ${errorMessage(error)}`);
  }
  const lock = writeAnchorsLock(site);
  if (lock) console.error(`✓ recorded new page URLs and anchors in ${path.relative(process.cwd(), lock)}: commit it`);
  console.error(`✓ built out/ in ${secondsSince(started)} s`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit((await build()) ? 0 : 1);
