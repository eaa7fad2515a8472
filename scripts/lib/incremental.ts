import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Site } from "../../src/content/types";
import { forEachConcurrently } from "./concurrent";
import { CONCURRENCY, writeCompressed } from "./precompress";
import type { RenderList } from "../../src/views/store";
import { categoryView, faqPageView, type LayoutView } from "../../src/views/views";

/**
 * The incremental build. Next.js renders every page it is given, and has no incremental export, so
 * the build decides what to give it: each category and FAQ page has an input hash, of its view
 * (src/views/views.ts: exactly what it shows), the layout's view and the code (stamp.ts:
 * codeFingerprint). Pages whose hash is the one the current build was made with are not rendered
 * again: their finished files (HTML with its CSP, and its .gz) come from the current build, as hard
 * links. The home page, the search page, the 404 page and the sitemap list other pages and are few:
 * every build renders them.
 *
 * The one input every page shows that changes with every content edit is the search index's
 * content-hashed URL; it is left out of the hashes, and a reused page gets the new URL written into
 * its previous HTML (and is compressed again) instead of being rendered again.
 *
 * The record of what the current build was made from is kept in `.next/cache/faq-build.json`
 * (deleted with `.next/cache/`); `npm run build -- --clean` ignores it.
 */
export const BUILD_RECORD = path.resolve(".next", "cache", "faq-build.json");

/** A category (`<category>`) or FAQ page (`<category>/<page>`): its folder in the build. */
export type RouteKey = string;
export type Route = { key: RouteKey; category: string; page: string | null; hash: string };

/** What a finished build was made from, and (for the record) what it rendered and why. */
export type BuildRecord = { build: string; code: string; indexUrl: string; routes: Record<RouteKey, string>; rendered: RouteKey[]; canaries: RouteKey[]; full: string | null };

const sha256 = (...parts: string[]) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
};

/** The layout as an input of every page, without the search index URL (which reused pages get rewritten). */
function layoutInput(layout: LayoutView): string {
  return JSON.stringify({ ...layout, search: { ...layout.search, indexUrl: null } });
}

/** Every category and FAQ page of the site with its input hash, in site order. */
export function siteRoutes(site: Site, layout: LayoutView, code: string): Route[] {
  const common = sha256(code, layoutInput(layout));
  return site.categories.flatMap((category) => [
    { key: category.slug, category: category.slug, page: null, hash: sha256(common, "category", JSON.stringify(categoryView(category))) },
    ...category.pages.map((page) => ({
      key: `${category.slug}/${page.slug}`,
      category: category.slug,
      page: page.slug,
      hash: sha256(common, "page", JSON.stringify(faqPageView(category, page))),
    })),
  ]);
}

export type Plan = {
  render: Route[];
  reuse: Route[];
  /** Unchanged pages rendered anyway, one of each kind, to check the previous build's files match a render. */
  canaries: Route[];
  /** Why everything is rendered, when it is. */
  full: string | null;
};

/**
 * Which pages to render: those whose inputs changed since `previous`, plus a canary of each kind
 * (a Next.js export needs at least one page per route anyway). Everything when there is no
 * usable previous build, or when the code changed.
 */
export function planBuild(
  routes: Route[],
  code: string,
  previous: BuildRecord | null,
  /** Whether the previous build has the route's page (a build folder someone tidied by hand may not). */
  has: (key: RouteKey) => boolean = () => true,
  pick = (n: number) => Math.floor(Math.random() * n),
): Plan {
  const full = !previous ? "no previous build to reuse" : previous.code !== code ? "the code, packages or settings changed" : null;
  if (full) return { render: routes, reuse: [], canaries: [], full };
  const isUnchanged = (r: Route) => previous!.routes[r.key] === r.hash && has(r.key);
  const changed = routes.filter((r) => !isUnchanged(r));
  const unchanged = routes.filter(isUnchanged);
  const canaries = [false, true].flatMap((isPage) => {
    const candidates = unchanged.filter((r) => (r.page !== null) === isPage);
    return candidates.length ? [candidates[pick(candidates.length)]] : [];
  });
  return { render: [...changed, ...canaries], reuse: unchanged.filter((r) => !canaries.includes(r)), canaries, full: null };
}

export function renderList(routes: Route[]): RenderList {
  return {
    categories: routes.filter((r) => r.page === null).map((r) => r.category),
    pages: routes.filter((r) => r.page !== null).map((r) => ({ category: r.category, page: r.page! })),
  };
}

/**
 * The record of the build `currentDir` was made from, or null when there is none or it belongs to
 * another build (a build made without this record, or out/ replaced by hand).
 */
export function readBuildRecord(currentDir: string | null, file = BUILD_RECORD): BuildRecord | null {
  if (!currentDir) return null;
  try {
    const record = JSON.parse(fs.readFileSync(file, "utf8")) as BuildRecord;
    return record.build === path.basename(currentDir) ? record : null;
  } catch {
    return null;
  }
}

export function writeBuildRecord(buildDir: string, code: string, indexUrl: string, routes: Route[], plan: Plan, file = BUILD_RECORD): void {
  const record: BuildRecord = {
    build: path.basename(buildDir),
    code,
    indexUrl,
    routes: Object.fromEntries(routes.map((r) => [r.key, r.hash])),
    rendered: plan.render.map((r) => r.key),
    canaries: plan.canaries.map((r) => r.key),
    full: plan.full,
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(record));
}

/** The files of a route's own folder in a build (its subfolders are other routes). */
function routeFiles(buildDir: string, key: RouteKey): string[] {
  const dir = path.join(buildDir, key);
  return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(key, e.name));
}

/** A page of the previous build as this build would write it: with this build's search index URL. */
function withIndexUrl(html: string, from: string, to: string): string {
  return from === to ? html : html.split(`data-index-url="${from}"`).join(`data-index-url="${to}"`);
}

/**
 * The unchanged pages rendered anyway must come out as the previous build has them (with the new
 * index URL): the first that does not names a page whose inputs are not all in its hash. Returns
 * what differs, or null.
 */
export function checkCanaries(previousDir: string, buildDir: string, canaries: Route[], from: string, to: string): string | null {
  for (const route of canaries) {
    const file = path.join(route.key, "index.html");
    const before = withIndexUrl(fs.readFileSync(path.join(previousDir, file), "utf8"), from, to);
    const now = fs.readFileSync(path.join(buildDir, file), "utf8");
    if (before === now) continue;
    let at = 0;
    while (before[at] === now[at]) at++;
    return `${file} (unchanged inputs) renders differently from the previous build at character ${at}: "${before.slice(at, at + 60)}" became "${now.slice(at, at + 60)}"`;
  }
  return null;
}

/**
 * The unchanged pages' finished files into the new build: hard links to the previous build's (which
 * never changes once swapped in), or, when the search index URL changed, the previous HTML with the
 * new URL, compressed again. Runs after everything else wrote the new build, so nothing writes
 * through a link. Returns the number of files linked and rewritten.
 */
export async function reuseRoutes(previousDir: string, buildDir: string, routes: Route[], from: string, to: string): Promise<{ linked: number; rewritten: number }> {
  const files = routes.flatMap((r) => routeFiles(previousDir, r.key));
  for (const route of routes) fs.mkdirSync(path.join(buildDir, route.key), { recursive: true });
  const rewrite = (file: string) => from !== to && file.endsWith(".html");
  const rewritten = new Set(files.filter(rewrite));
  let linked = 0;
  for (const file of files) {
    if (rewritten.has(file) || (file.endsWith(".gz") && rewritten.has(file.slice(0, -3)))) continue;
    linkFile(path.join(previousDir, file), path.join(buildDir, file));
    linked++;
  }
  await forEachConcurrently([...rewritten], CONCURRENCY, async (file) => {
    const html = Buffer.from(withIndexUrl(await fs.promises.readFile(path.join(previousDir, file), "utf8"), from, to));
    await fs.promises.writeFile(path.join(buildDir, file), html);
    await writeCompressed(path.join(buildDir, file), html);
  });
  return { linked, rewritten: rewritten.size };
}

/** A hard link (a copy where the file system has none). */
export function linkFile(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}
