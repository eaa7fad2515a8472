// `npm run build [-- --clean]`: checks the content, then `next build` into a new build folder
// `.out-builds/<id>/`, which becomes `out/` once it is complete (src/server/build-dirs.ts): a running
// `npm start` serves it from its next request, and a failed build never touches `out/`. Pages whose
// inputs did not change since the current build are not rendered again (scripts/lib/incremental.ts);
// `--clean` renders every page.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { catalogOf, writeCatalog } from "../src/collector/catalog";
import { contentDir, writeAnchorsLock } from "../src/content/load";
import type { Site } from "../src/content/types";
import { buildIndexData } from "../src/search/build-index";
import { searchIndexFiles } from "../src/search/index-files";
import { SEARCH_INDEX_LATEST } from "../src/search/options";
import { buildsDir, currentBuildDir, newBuildDir, swapIn } from "../src/server/build-dirs";
import { writeViews } from "../src/views/store";
import { categoryView, faqPageView, homeView, layoutView, notFoundView, searchPageView, sitemapView } from "../src/views/views";
import { checkContent } from "./lib/content-report";
import { bundleClient } from "./lib/client-bundle";
import { finishSite } from "./lib/finish-site";
import { checkCanaries, linkFile, planBuild, readBuildRecord, renderList, reuseRoutes, siteRoutes, writeBuildRecord, type Plan } from "./lib/incremental";
import { NEXT_BIN } from "./lib/next-bin";
import { precompress } from "./lib/precompress";
import { buildStamp, codeFingerprint, STAMP_FILE } from "./lib/stamp";

const OUT = path.resolve("out");
const VIEWS_DIR = path.resolve(".next", "cache", "faq-views");
const SEARCH_INDEX_CACHE = path.resolve(".next", "cache", "faq-search-index.json");
/**
 * Where Next writes the export before it becomes `.out-builds/<id>/`: always the same folder,
 * because Next's compile cache is only used when the configuration (distDir among it) is the same.
 */
const NEXT_EXPORT_DIR = path.join(buildsDir(OUT), "next-export");
/** Next's own copy of every page it prerendered, from which it made the export: not needed after it. */
const NEXT_PRERENDERED = path.resolve(".next", "server", "app");

const secondsSince = (start: number) => ((Date.now() - start) / 1000).toFixed(1);
const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A failed build: its half-written folder goes; out/ was never touched. */
function discard(buildDir: string, why: string): false {
  fs.rmSync(buildDir, { recursive: true, force: true });
  console.error(`✗ ${why}; the previous out/ is unchanged.`);
  return false;
}

export async function build(options: { clean?: boolean } = {}): Promise<boolean> {
  const started = Date.now();
  const { ok, site, synonyms, stats } = await checkContent();
  if (!ok) {
    console.error("✗ content has errors (above): fix them and build again. out/ was not touched.");
    return false;
  }
  console.error(`✓ content checked in ${secondsSince(started)} s (${stats.parsed} parsed, ${stats.reused} unchanged since the last build)`);
  const code = codeFingerprint();
  const stamp = buildStamp(process.cwd(), code);
  const prepared = Date.now();
  // Once here rather than in each of Next's build workers; they only need the manifest's name.
  const searchIndex = searchIndexFiles(buildIndexData(site, synonyms));
  const indexUrl = `/search-index/${searchIndex.manifest}`;
  fs.mkdirSync(path.dirname(SEARCH_INDEX_CACHE), { recursive: true });
  fs.writeFileSync(SEARCH_INDEX_CACHE, JSON.stringify({ manifest: searchIndex.manifest, files: { [searchIndex.manifest]: searchIndex.files[searchIndex.manifest] } }));
  const client = await bundleClient().catch((error: unknown) => {
    console.error(`✗ the browser code (src/client/) did not bundle: ${errorMessage(error)}\nout/ was not touched.`);
    return null;
  });
  if (!client) return false;
  console.error(`✓ search index and browser code in ${secondsSince(prepared)} s`);

  const planned = Date.now();
  const previousDir = currentBuildDir(OUT);
  const previous = options.clean ? null : readBuildRecord(previousDir);
  const layout = layoutView(site, indexUrl);
  const routes = siteRoutes(site, layout, code);
  const plan = options.clean ? { ...planBuild(routes, code, null), full: "--clean" } : planBuild(routes, code, previous, (key) => fs.existsSync(path.join(previousDir!, key, "index.html")));
  const oldViews = removeAside(VIEWS_DIR); // deleted while Next builds: 10,000 files after a cold build
  writeRenderViews(site, layout, plan);
  console.error(`✓ ${describePlan(plan, routes.length)} (planned in ${secondsSince(planned)} s)`);

  fs.rmSync(NEXT_EXPORT_DIR, { recursive: true, force: true }); // what a killed build left
  const nextStarted = Date.now();
  const status = await new Promise<number | null>((resolve) => {
    const next = spawn(process.execPath, [NEXT_BIN, "build"], {
      stdio: "inherit",
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        FAQ_EXPORT_DIR: path.relative(process.cwd(), NEXT_EXPORT_DIR), // next.config.ts: where the export goes
        FAQ_VIEWS_DIR: VIEWS_DIR,
        FAQ_SEARCH_INDEX_CACHE: SEARCH_INDEX_CACHE,
        FAQ_CLIENT_SCRIPT: client.script,
      },
    });
    next.on("error", () => resolve(null));
    next.on("exit", (code) => resolve(code));
  });
  await oldViews;
  if (status !== 0 || !fs.existsSync(path.join(NEXT_EXPORT_DIR, "index.html"))) return discard(NEXT_EXPORT_DIR, "build failed (above)");
  const buildDir = newBuildDir(OUT);
  fs.renameSync(NEXT_EXPORT_DIR, buildDir);
  console.error(`✓ next build in ${secondsSince(nextStarted)} s`);
  // Deleted while the pages are finished, rather than by the next `next build` (at 10,000 pages,
  // 100,000 files: 10–20 s of a one-page edit's build).
  const tidied = removeAside(NEXT_PRERENDERED);

  try {
    const finishStarted = Date.now();
    const finished = await finishSite(buildDir); // before compressing: it edits the pages
    console.error(`✓ ${finished.pages} pages finished (Next's runtime stripped, CSP, .gz) in ${secondsSince(finishStarted)} s`);
    const indexStarted = Date.now();
    const index = writeSearchIndex(buildDir, searchIndex, plan.full ? null : previousDir);
    const compressed = await precompress(buildDir);
    console.error(`✓ search index: ${index.written} files written, ${index.linked} unchanged ones linked; ${compressed.files} files compressed (${(compressed.bytes / 1e6).toFixed(1)} MB → ${(compressed.gzipBytes / 1e6).toFixed(1)} MB gzip) in ${secondsSince(indexStarted)} s`);
    if (previousDir && previous && !plan.full) {
      const reuseStarted = Date.now();
      const mismatch = checkCanaries(previousDir, buildDir, plan.canaries, previous.indexUrl, indexUrl);
      if (mismatch) {
        await tidied;
        fs.rmSync(buildDir, { recursive: true, force: true });
        console.error(`⚠ ${mismatch}: a page's inputs are missing from its hash (src/views/views.ts). Rendering every page.`);
        return build({ ...options, clean: true });
      }
      const reused = await reuseRoutes(previousDir, buildDir, plan.reuse, previous.indexUrl, indexUrl);
      console.error(`✓ ${plan.reuse.length} unchanged pages from the previous build (${reused.linked} files linked, ${reused.rewritten} pages with the new search index URL) in ${secondsSince(reuseStarted)} s`);
    }
    // The pages and questions of this build with their source lines, for the collector (not served).
    writeCatalog(buildDir, catalogOf(site, path.relative(process.cwd(), contentDir())));
    fs.writeFileSync(path.join(buildDir, STAMP_FILE), stamp + "\n");
    await tidied;
  } catch (error) {
    await tidied.catch(() => {});
    return discard(buildDir, `build failed: ${errorMessage(error)}`);
  }
  const swapStarted = Date.now();
  try {
    swapIn(OUT, buildDir);
  } catch (error) {
    if (currentBuildDir(OUT) !== fs.realpathSync(buildDir)) return discard(buildDir, `could not swap in the new build: ${errorMessage(error)}`);
    console.error(`⚠ out/ is the new build, but removing older builds failed: ${errorMessage(error)}`);
  }
  console.error(`✓ swapped in as out/ (older builds removed) in ${secondsSince(swapStarted)} s`);
  writeBuildRecord(buildDir, code, indexUrl, routes, plan);
  const lock = writeAnchorsLock(site);
  if (lock) console.error(`✓ recorded new page URLs and anchors in ${path.relative(process.cwd(), lock)}: commit it`);
  console.error(`✓ built out/ in ${secondsSince(started)} s`);
  return true;
}

/**
 * Moves `dir` out of the way at once and deletes it in the background (resolves when it is gone),
 * with what a killed build left of it before.
 */
function removeAside(dir: string): Promise<void> {
  const parent = path.dirname(dir);
  const leftovers = fs.existsSync(parent) ? fs.readdirSync(parent).filter((n) => n.startsWith(`${path.basename(dir)}.deleting-`)).map((n) => path.join(parent, n)) : [];
  if (fs.existsSync(dir)) {
    leftovers.push(`${dir}.deleting-${process.pid}-${Date.now()}`);
    fs.renameSync(dir, leftovers.at(-1)!);
  }
  return Promise.all(leftovers.map((d) => fs.promises.rm(d, { recursive: true, force: true }))).then(() => {});
}

/** The views Next renders from (src/views/store.ts): every build's few pages and the pages to render. */
function writeRenderViews(site: Site, layout: ReturnType<typeof layoutView>, plan: Plan): void {
  const categories = new Map(site.categories.map((c) => [c.slug, c]));
  writeViews(
    VIEWS_DIR,
    { layout, home: homeView(site), notFound: notFoundView(site), searchPage: searchPageView(site), sitemap: sitemapView(site), render: renderList(plan.render) },
    (slug) => categoryView(categories.get(slug)!),
    (slug, page) => {
      const category = categories.get(slug)!;
      return faqPageView(category, category.pages.find((p) => p.slug === page)!);
    },
  );
}

function describePlan(plan: Plan, total: number): string {
  if (plan.full) return `rendering all ${total} category and FAQ pages (${plan.full})`;
  const changed = plan.render.length - plan.canaries.length;
  return `rendering ${changed} changed of ${total} category and FAQ pages, and ${plan.canaries.length} unchanged to check the previous build against`;
}

/**
 * The index shards and chunks into `search-index/` (Next exported the manifest there), and the
 * pointer an old tab follows to this build's manifest. Their names are content hashes: one the
 * previous build has is the same file, linked (with its .gz) instead of written again.
 */
function writeSearchIndex(buildDir: string, index: ReturnType<typeof searchIndexFiles>, previousDir: string | null): { written: number; linked: number } {
  const dir = path.join(buildDir, "search-index");
  fs.mkdirSync(dir, { recursive: true });
  const before = previousDir ? path.join(previousDir, "search-index") : null;
  let written = 0, linked = 0;
  for (const [name, json] of Object.entries(index.files)) {
    if (name === index.manifest) continue;
    const old = before && path.join(before, name);
    if (old && fs.existsSync(old)) {
      linkFile(old, path.join(dir, name));
      if (fs.existsSync(`${old}.gz`)) linkFile(`${old}.gz`, path.join(dir, `${name}.gz`));
      linked++;
    } else {
      fs.writeFileSync(path.join(dir, name), json);
      written++;
    }
  }
  fs.writeFileSync(path.join(buildDir, SEARCH_INDEX_LATEST.slice(1)), JSON.stringify({ manifest: `/search-index/${index.manifest}` }));
  return { written, linked };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit((await build({ clean: process.argv.includes("--clean") })) ? 0 : 1);
