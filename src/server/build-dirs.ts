import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Where the built sites live, so that a build can replace the site a server is serving in one step.
 *
 *   out/                           the current build as plain files: the folder to deploy (hard
 *                                  links to the files of the build below: no second copy on disk)
 *   .out-builds/<id>/              the builds themselves, never changed once swapped in
 *   .out-builds/current  → <id>    the build `npm start` serves
 *   .out-builds/previous → <id>    the build before it, kept until the next swap for tabs opened before
 *
 * A build writes a new `.out-builds/<id>/`, then `swapIn` makes it `out/` and points `current` at
 * it with a rename, which is atomic: a server resolving `current` for each request gets the old
 * build or the new one, never a half-written one. `out/` itself stays a real folder, because deploy
 * tools do not all follow a link (`tar`, `cp -r`, and Go's directory walk in COS and OSS clients).
 * Without `current` (a checkout built before this layout, or a plain folder), `out/` is served as it is.
 */

const ID = /^\d{8}T\d{6}-[0-9a-f]{4}$/;

/** `.out-builds` beside `out` (same file system, so renames between them work). */
export const buildsDir = (root: string) => path.join(path.dirname(root), `.${path.basename(root)}-builds`);
const currentLink = (root: string) => path.join(buildsDir(root), "current");
const previousLink = (root: string) => path.join(buildsDir(root), "previous");

/** A fresh, empty directory name for a build of `root`. */
export function newBuildDir(root: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
  fs.mkdirSync(buildsDir(root), { recursive: true });
  for (;;) {
    const dir = path.join(buildsDir(root), `${stamp}-${randomBytes(2).toString("hex")}`);
    if (!fs.existsSync(dir)) return dir;
  }
}

/** The build a server should answer from now, or null when there is none. */
export function currentBuildDir(root: string): string | null {
  return resolveDir(currentLink(root)) ?? (isPlainDir(root) ? resolveDir(root) : null);
}

/** The build served before the current one, while it is kept (until the next swap). */
export function previousBuildDir(root: string): string | null {
  return resolveDir(previousLink(root));
}

/**
 * Makes the finished build in `buildDir` the site: `out/` gets its files and `current` points at
 * it; `previous` at the build it replaces; older builds are deleted. Throws with the site as it
 * was if it cannot; an error after `current` moved (tidying up) leaves the new build in place.
 */
export function swapIn(root: string, buildDir: string): void {
  const replaced = currentBuildDir(root);
  const adopt = replaced !== null && resolveDir(currentLink(root)) === null; // a plain out/ of before
  const mirror = `${buildDir}.out`;
  const aside = `${buildDir}.replaced`;
  try {
    linkTree(buildDir, mirror);
  } catch (error) {
    fs.rmSync(mirror, { recursive: true, force: true });
    throw error;
  }
  const hadRoot = fs.existsSync(root);
  if (hadRoot) fs.renameSync(root, aside);
  try {
    fs.renameSync(mirror, root);
    pointLink(currentLink(root), buildDir); // from here on, the server answers from the new build
  } catch (error) {
    fs.rmSync(fs.existsSync(mirror) ? mirror : root, { recursive: true, force: true });
    if (hadRoot) fs.renameSync(aside, root);
    throw error;
  }
  let previous = replaced;
  if (adopt && hadRoot) {
    previous = newBuildDir(root); // the old plain out/ becomes the previous build, for open tabs
    fs.renameSync(aside, previous);
  } else {
    fs.rmSync(aside, { recursive: true, force: true }); // links only: the build keeps the files
  }
  if (previous && previous !== resolveDir(buildDir)) pointLink(previousLink(root), previous);
  removeOldBuilds(root);
}

/**
 * Deletes what `.out-builds/` holds besides the current and previous builds: older builds, and
 * what a killed build left. (Run only after a swap, never while a build is writing its folder.)
 */
export function removeOldBuilds(root: string): void {
  const kept = new Set([resolveDir(currentLink(root)), previousBuildDir(root)]);
  const dir = buildsDir(root);
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const entry = path.join(dir, name);
    if (name === "current" || name === "previous" || kept.has(resolveDir(entry))) continue;
    if (ID.test(name.split(".")[0])) fs.rmSync(entry, { recursive: true, force: true });
  }
}

/** `dest` as a copy of the tree `src` made of hard links (copies where the file system has none). */
function linkTree(src: string, dest: string): void {
  fs.mkdirSync(dest);
  for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
    const from = path.join(src, entry.name);
    const to = path.join(dest, entry.name);
    if (entry.isDirectory()) linkTree(from, to);
    else {
      try {
        fs.linkSync(from, to);
      } catch {
        fs.cpSync(from, to, { dereference: false });
      }
    }
  }
}

/** `link` → `target` (relative, so the project folder can move), replacing `link` in one rename. */
function pointLink(link: string, target: string): void {
  const temporary = `${link}.${randomBytes(4).toString("hex")}`;
  fs.symlinkSync(path.relative(path.dirname(link), target), temporary, "junction"); // "junction": Windows only
  try {
    fs.renameSync(temporary, link);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

function resolveDir(file: string): string | null {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return null;
  }
}

function isPlainDir(file: string): boolean {
  try {
    return fs.lstatSync(file).isDirectory();
  } catch {
    return false;
  }
}
