import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Where the built sites live, so that a build can replace the site a server is serving in one step.
 *
 *   out            → out.20261201T093122-9f3c   link to the current build: the folder to deploy
 *   out.previous   → out.20261130T170501-04be   link to the build before it, kept for open tabs
 *   out.<id>/                                   the builds themselves, never changed once swapped in
 *
 * A build writes a new `out.<id>/` beside the others and `swapIn` points `out` at it with a rename,
 * which is atomic: a server resolving `out` for each request sees the old build or the new one,
 * never a half-written one. The build before the previous one is deleted then. `out` may also be a
 * plain directory (a checkout built before this layout, or a folder copied from elsewhere): it is
 * served as it is, and the first swap moves it aside like any other build.
 */

const ID = /^\d{8}T\d{6}-[0-9a-f]{4}$/;

const previousLink = (root: string) => `${root}.previous`;

/** A fresh directory name for a build of `root`, beside it (same file system, so renames work). */
export function newBuildDir(root: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
  for (;;) {
    const dir = `${root}.${stamp}-${randomBytes(2).toString("hex")}`;
    if (!fs.existsSync(dir)) return dir;
  }
}

/** The directory `root` names now (the build it links to, or itself), or null when there is none. */
export function currentBuildDir(root: string): string | null {
  return resolveDir(root);
}

/** The build served before the current one, while it is kept (until the next swap). */
export function previousBuildDir(root: string): string | null {
  return resolveDir(previousLink(root));
}

function resolveDir(link: string): string | null {
  try {
    return fs.realpathSync.native(link);
  } catch {
    return null;
  }
}

/**
 * Makes `buildDir` the site at `root`: `root` links to it, `root.previous` to the build it replaces,
 * and older builds are deleted. Each link changes by renaming a new link over it (atomic on POSIX).
 * Throws with `root` unchanged if the first rename fails; an error after it (tidying up) leaves
 * `buildDir` in place as the current build.
 */
export function swapIn(root: string, buildDir: string): void {
  let replaced = currentBuildDir(root);
  if (replaced && isPlainDir(root)) {
    // A plain directory cannot be replaced by a rename: it becomes a build like the others first.
    // (Once per checkout; a request in the moment between the two renames gets a 404.)
    const moved = newBuildDir(root);
    fs.renameSync(root, moved);
    try {
      pointLink(root, buildDir);
    } catch (error) {
      fs.renameSync(moved, root);
      throw error;
    }
    replaced = resolveDir(moved);
  } else {
    pointLink(root, buildDir);
  }
  if (replaced && replaced !== resolveDir(buildDir)) pointLink(previousLink(root), replaced);
  removeOldBuilds(root);
}

/**
 * Deletes the build directories of `root` that are neither current nor previous: older builds, and
 * the unfinished one of a build that was killed. (Run only after a swap, never during a build.)
 */
export function removeOldBuilds(root: string): void {
  const kept = new Set([currentBuildDir(root), previousBuildDir(root)]);
  const parent = path.dirname(root);
  const prefix = `${path.basename(root)}.`;
  for (const name of fs.readdirSync(parent)) {
    if (!name.startsWith(prefix) || !ID.test(name.slice(prefix.length))) continue;
    const dir = resolveDir(path.join(parent, name));
    if (dir && !kept.has(dir) && isPlainDir(dir)) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `link` → `target` (relative, so the project folder can move), replacing `link` in one rename. */
function pointLink(link: string, target: string): void {
  const temporary = `${link}.link-${randomBytes(4).toString("hex")}`;
  fs.symlinkSync(path.relative(path.dirname(link), target), temporary, "dir");
  try {
    // A leftover real directory here (out.previous of the layout before this one) cannot be
    // replaced by a rename; it is only an old copy of a site.
    if (isPlainDir(link)) fs.rmSync(link, { recursive: true, force: true });
    fs.renameSync(temporary, link);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

function isPlainDir(file: string): boolean {
  try {
    return fs.lstatSync(file).isDirectory();
  } catch {
    return false;
  }
}
