import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { COLLECTOR_URL, SITE } from "../../src/lib/config";

/**
 * The browser code: src/client/main.ts (the page script) and src/search/worker.ts (the search engine,
 * started on first use of search), bundled by esbuild into `public/assets/`, which Next copies into
 * out/. Next renders the HTML; its own client runtime is not shipped (strip-runtime.ts), so this is
 * all the JavaScript a page loads.
 */
export const ASSETS_DIR = path.resolve("public", "assets");
const fromHere = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const ENTRY = { app: fromHere("../../src/client/main.ts"), worker: fromHere("../../src/search/worker.ts") };

const common = (hashed: boolean): esbuild.BuildOptions => ({
  bundle: true,
  minify: true,
  format: "iife", // classic scripts: a deferred page script and a classic worker run in every browser
  target: ["chrome111", "edge111", "firefox111", "safari16.4"], // the browsers Next.js 16 supports
  outdir: ASSETS_DIR,
  entryNames: hashed ? "[name]-[hash]" : "[name]",
  tsconfig: fromHere("../../tsconfig.json"),
  metafile: true,
  logLevel: "warning",
});

const workerBuild = (hashed: boolean): esbuild.BuildOptions => ({ ...common(hashed), entryPoints: { "search-worker": ENTRY.worker } });
const appBuild = (hashed: boolean, workerUrl: string, collectorUrl = COLLECTOR_URL): esbuild.BuildOptions => ({
  ...common(hashed),
  entryPoints: { app: ENTRY.app },
  define: { SEARCH_WORKER_URL: JSON.stringify(workerUrl), COLLECTOR_URL: JSON.stringify(collectorUrl), SUPPORT_URL: JSON.stringify(SITE.supportUrl) },
});

/** The worker first, so the page script can carry the worker's (hashed) URL. */
export async function bundleClient(): Promise<{ script: string; worker: string }> {
  fs.rmSync(ASSETS_DIR, { recursive: true, force: true });
  const worker = outputUrl(await esbuild.build(workerBuild(true)));
  const script = outputUrl(await esbuild.build(appBuild(true, worker)));
  return { script, worker };
}

/**
 * The page script as the build makes it, in memory, for a given collector: `npm run budget` builds
 * it with the collector on and off (COLLECTOR_URL=off drops the feedback code) to weigh the feedback
 * code against the page script without it, in the same run.
 */
export async function pageScript(collectorUrl: string): Promise<Uint8Array> {
  const result = await esbuild.build({ ...appBuild(false, "/assets/search-worker.js", collectorUrl), write: false, outdir: undefined, outfile: "app.js", metafile: false });
  return result.outputFiles![0].contents;
}

/** For `npm run dev`: rebuilds (unhashed, at the URLs the layout falls back to) whenever the browser code changes. */
export async function watchClient(): Promise<void> {
  fs.rmSync(ASSETS_DIR, { recursive: true, force: true });
  await (await esbuild.context(workerBuild(false))).watch();
  await (await esbuild.context(appBuild(false, "/assets/search-worker.js"))).watch();
}

function outputUrl(result: esbuild.BuildResult): string {
  const [file] = Object.keys(result.metafile!.outputs).filter((f) => f.endsWith(".js"));
  return `/assets/${path.basename(file)}`;
}
